using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Store.Sqlite;

/// <summary>
/// While a long run of commits goes on, copies the write-ahead log into the database file from a
/// connection and a thread of its own, instead of letting the writer stop to do it every thousand
/// pages. The writer keeps writing while a checkpoint runs; a checkpoint that finds the log fully
/// copied lets the writer start it over, so the log stays small. When the run ends the writer's
/// own checkpoints come back and one last pass copies what is left. Nothing on PostgreSQL.
/// </summary>
public sealed class BackgroundCheckpoint : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
    private readonly RapporteurDb db;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private BackgroundCheckpoint(RapporteurDb db, string connectionString)
    {
        this.db = db;
        loop = Task.Run(() => RunAsync(connectionString, stop.Token));
    }

    /// <summary>Checkpoints made by the thread so far.</summary>
    public int Checkpoints { get; private set; }

    /// <summary>Starts checkpointing beside the writer on a SQLite store; null on another database.</summary>
    public static async Task<BackgroundCheckpoint?> StartAsync(RapporteurDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not SqliteRapporteurDb)
        {
            return null;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", cancellationToken);
        return new BackgroundCheckpoint(db, db.Database.GetDbConnection().ConnectionString);
    }

    private async Task RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // PASSIVE: copies what it can without waiting on the writer or on readers.
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, cancellationToken);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
                Checkpoints++;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SqliteException)
            {
                // Busy with another checkpointer: the next round, or the writer's own at the end, copies it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        // The writer checkpoints for itself again (SQLite's default), starting with what the thread left.
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=1000;");
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);");
        }
        catch (SqliteException)
        {
            // Ending after a failure, the connection busy or gone: the next commit or close checkpoints.
        }
    }
}
