using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rapporteur.Store.Backup;

namespace Rapporteur.Store.Postgres;

/// <summary>
/// Backup and restore in server mode, through pg_dump and pg_restore. A backup is pg_dump's
/// custom-format archive, taken from one snapshot while the database stays in use. A restore is
/// checked, loaded into a database of its own, and only then swapped in for the old one, which
/// is dropped last: a damaged file or a failed load leaves the working database as it was.
/// </summary>
public static class PostgresBackups
{
    private const string AdminDatabase = "postgres";

    public static async Task<BackupOutcome> BackupAsync(PostgresRapporteurDb db, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        File.Delete(temporary);
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        // Ownership, grants and comments stay out: they name roles of this server, and a restore may run as another.
        var run = await PostgresTools.RunAsync("pg_dump", connection, ["--format=custom", "--no-owner", "--no-privileges", "--no-comments", "--file=" + temporary], cancellationToken);
        if (run.ExitCode != 0)
        {
            File.Delete(temporary);
            throw new IOException($"pg_dump failed: {run.Error.Trim()}");
        }
        File.Move(temporary, full, overwrite: true);
        var (sources, documents) = await CountAsync(db, cancellationToken);
        return new BackupOutcome(full, new FileInfo(full).Length, sources, documents);
    }

    /// <summary>Replaces the database the connection string names with the backup, after checking the backup.</summary>
    public static async Task<BackupOutcome> RestoreAsync(string file, string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var backup = Path.GetFullPath(file);
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"no backup file at {backup}", backup);
        }
        var list = await PostgresTools.RunAsync("pg_restore", null, ["--list", backup], cancellationToken);
        if (list.ExitCode != 0)
        {
            throw new InvalidDataException($"{backup} is not an intact Rapporteur backup: {list.Error.Trim()}");
        }
        if (!list.Output.Contains(" TABLE public sources ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{backup} is a PostgreSQL archive but not of a Rapporteur database: it has no sources table");
        }

        var target = PostgresConnection.Parse(location);
        var name = target.Database ?? throw new ArgumentException("the connection string names no database", nameof(location));
        var restoring = name + "_restoring";
        var replaced = name + "_replaced";
        await using var admin = new NpgsqlConnection(PostgresConnection.WithDatabase(target, AdminDatabase));
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresConnection.Quote(restoring)}", cancellationToken);
        await ExecuteAsync(admin, $"CREATE DATABASE {PostgresConnection.Quote(restoring)} TEMPLATE template0 ENCODING 'UTF8'", cancellationToken);
        var into = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDatabase(target, restoring));
        var load = await PostgresTools.RunAsync("pg_restore", into, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", backup], cancellationToken);
        if (load.ExitCode != 0)
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresConnection.Quote(restoring)}", cancellationToken);
            throw new InvalidDataException($"{backup} could not be restored, and the database is unchanged: {load.Error.Trim()}");
        }

        // Pooled connections of this process would hold the old database open and stop the rename.
        NpgsqlConnection.ClearAllPools();
        var exists = await ScalarAsync(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{name.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken) > 0;
        try
        {
            if (exists)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresConnection.Quote(replaced)}", cancellationToken);
                await ExecuteAsync(admin, $"ALTER DATABASE {PostgresConnection.Quote(name)} RENAME TO {PostgresConnection.Quote(replaced)}", cancellationToken);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresConnection.Quote(restoring)}", cancellationToken);
            throw new IOException($"the database {name} is in use by another connection; stop what is using it and restore again", e);
        }
        await ExecuteAsync(admin, $"ALTER DATABASE {PostgresConnection.Quote(restoring)} RENAME TO {PostgresConnection.Quote(name)}", cancellationToken);
        if (exists)
        {
            await ExecuteAsync(admin, $"DROP DATABASE {PostgresConnection.Quote(replaced)}", cancellationToken);
        }

        await using var restored = PostgresRapporteurDb.Open(location);
        var (sources, documents) = await CountAsync(restored, cancellationToken);
        return new BackupOutcome(name, new FileInfo(backup).Length, sources, documents);
    }

    private static async Task<(int Sources, int Documents)> CountAsync(PostgresRapporteurDb db, CancellationToken cancellationToken) =>
        (await db.Sources.CountAsync(cancellationToken), await db.Documents.CountAsync(cancellationToken));

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
