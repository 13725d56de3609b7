using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Postgres;
using Rapporteur.Store.Search;
using Rapporteur.Store.Sqlite;

namespace Rapporteur.Store;

/// <summary>Opens the store named by --db (a SQLite file path or a PostgreSQL connection string) with its schema up to date.</summary>
public static class Database
{
    public const string DefaultPath = "data/rapporteur.db";

    /// <summary>Whether a --db value names a PostgreSQL server rather than a SQLite file: told by its shape, never by trying.</summary>
    public static bool IsServer(string? location) => location is not null && PostgresConnection.IsConnectionString(location);

    public static async Task<RapporteurDb> OpenAsync(string? location, CancellationToken cancellationToken)
    {
        var where = string.IsNullOrWhiteSpace(location) ? DefaultPath : location;
        if (IsServer(where))
        {
            var server = PostgresRapporteurDb.Open(where);
            // Before any connection is opened: migrating creates the database when the server has
            // none of that name. It takes EF's migration lock, which every worker's every slot
            // would otherwise queue on at start; so it runs only when there is work for it.
            if (!await server.Database.CanConnectAsync(cancellationToken) || (await server.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await server.Database.MigrateAsync(cancellationToken);
            }
            // One connection for the context's life, as on SQLite: the workflows share it with their own commands.
            await server.Database.OpenConnectionAsync(cancellationToken);
            return server;
        }
        var db = SqliteRapporteurDb.Open(where);
        // One connection for the context's life: pragmas are per connection, and reopening per save is slow.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Migrating takes EF's lock, a row in __EFMigrationsLock that a killed process leaves behind
        // and every later open then waits on; so the lock is taken only when there is work for it.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        // WAL lets readers go on while an ingest writes. With synchronous=NORMAL a commit survives the
        // process being killed (what the crash harness proves); a power cut may lose the last commits, never the file.
        // The savepoint of each stored source keeps the pages it changes in memory, not in a temporary file:
        // they are needed only until the savepoint ends, and writing them out cost more than the rows.
        // A log that a long run made large is cut back to 64 MB when it starts over.
        foreach (var pragma in (string[])["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=ON;", "PRAGMA temp_store=MEMORY;", "PRAGMA journal_size_limit=67108864;"])
        {
            await db.Database.ExecuteSqlRawAsync(pragma, cancellationToken);
        }
        return db;
    }

    public static ISearchIndex SearchIndex(RapporteurDb db) => db is PostgresRapporteurDb ? new PostgresSearchIndex(db) : new Fts5SearchIndex(db);
}
