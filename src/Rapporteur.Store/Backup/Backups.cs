using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Postgres;

namespace Rapporteur.Store.Backup;

/// <summary>What a backup or restore did.</summary>
public sealed record BackupOutcome(string File, long Bytes, int Sources, int Documents);

/// <summary>
/// Backup and restore of the store. On SQLite a backup uses the online backup, so it is a
/// consistent copy even while another process is ingesting; on PostgreSQL it is pg_dump's
/// snapshot. A restore replaces the database only after the copy has been checked, so a damaged
/// backup file never destroys a working database.
/// </summary>
public static class Backups
{
    public static async Task<BackupOutcome> BackupAsync(RapporteurDb db, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (db is PostgresRapporteurDb server)
        {
            return await PostgresBackups.BackupAsync(server, file, cancellationToken);
        }
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        File.Delete(temporary);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await using (var target = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            // The copy is a single self-contained file: no WAL beside it.
            await using var command = target.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        File.Move(temporary, full, overwrite: true);
        var (sources, documents) = await CountAsync(full, cancellationToken);
        return new BackupOutcome(full, new FileInfo(full).Length, sources, documents);
    }

    /// <summary>Replaces the database at <paramref name="databasePath"/> (a file, or a server's connection string) with the backup, after checking the backup's integrity.</summary>
    public static async Task<BackupOutcome> RestoreAsync(string file, string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        if (Database.IsServer(databasePath))
        {
            return await PostgresBackups.RestoreAsync(file, databasePath, cancellationToken);
        }
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"no backup file at {backup}", backup);
        }
        await using (var check = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        {
            await check.OpenAsync(cancellationToken);
            await using var command = check.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var verdict = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (verdict != "ok")
            {
                throw new InvalidDataException($"{backup} is not an intact Rapporteur backup: {verdict}");
            }
        }
        var target = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".restoring";
        File.Delete(temporary);
        await using (var from = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False"))
        await using (var to = new SqliteConnection($"Data Source={temporary};Pooling=False"))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            from.BackupDatabase(to);
        }
        SqliteConnection.ClearAllPools();
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        File.Move(temporary, target, overwrite: true);
        var (sources, documents) = await CountAsync(target, cancellationToken);
        return new BackupOutcome(target, new FileInfo(target).Length, sources, documents);
    }

    private static async Task<(int Sources, int Documents)> CountAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM documents);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
