using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Store.Sqlite;

/// <summary>
/// While a long run of commits goes on, copies the write-ahead log into the database file from a
/// connection and a thread of its own (passive checkpoints, which never wait on the writer), so the
/// writer's own checkpoint after a commit finds little left to copy. The writer keeps that
/// checkpoint: it finishes the copy, and the next transaction starts the log over, so the log stays
/// bounded however long the run. Nothing on PostgreSQL.
/// </summary>
public sealed class BackgroundCheckpoint : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private int checkpoints;

    private BackgroundCheckpoint(string connectionString)
    {
        // A thread, not the pool: each checkpoint blocks on the disk while the pool extracts and reads.
        thread = new Thread(() => Run(connectionString)) { IsBackground = true, Name = "wal checkpoint" };
        thread.Start();
    }

    /// <summary>Checkpoints that copied what the log held when they began.</summary>
    public int Checkpoints => Volatile.Read(ref checkpoints);

    /// <summary>Why the thread stopped early, if it did; the writer's own checkpoints go on regardless.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Starts checkpointing beside the writer on a SQLite store; null on another database.</summary>
    public static async Task<BackgroundCheckpoint?> StartAsync(RapporteurDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not SqliteRapporteurDb)
        {
            return null;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return new BackgroundCheckpoint(db.Database.GetDbConnection().ConnectionString);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private void Run(string connectionString)
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            while (!stop.Token.WaitHandle.WaitOne(Every))
            {
                using var reader = command.ExecuteReader();
                // busy, frames in the log, frames copied: busy 0 means the copy ran to its end.
                if (reader.Read() && reader.GetInt64(0) == 0)
                {
                    Interlocked.Increment(ref checkpoints);
                }
            }
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException)
        {
            // A full disk, a broken file: the writer meets it on its next commit and says so.
            Failure = e;
        }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        thread.Join();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
