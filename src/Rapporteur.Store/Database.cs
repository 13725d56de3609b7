using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Search;
using Rapporteur.Store.Sqlite;

namespace Rapporteur.Store;

/// <summary>Opens the store named by --db (a SQLite file path) with its schema up to date.</summary>
public static class Database
{
    public const string DefaultPath = "data/rapporteur.db";

    public static async Task<RapporteurDb> OpenAsync(string? location, CancellationToken cancellationToken)
    {
        var db = SqliteRapporteurDb.Open(string.IsNullOrWhiteSpace(location) ? DefaultPath : location);
        // One connection for the context's life: pragmas are per connection, and reopening per save is slow.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Migrating takes EF's lock, a row in __EFMigrationsLock that a killed process leaves behind
        // and every later open then waits on; so the lock is taken only when there is work for it.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        // WAL lets readers go on while an ingest writes; synchronous=NORMAL is durable in WAL mode at commit boundaries.
        foreach (var pragma in (string[])["PRAGMA journal_mode=WAL;", "PRAGMA synchronous=NORMAL;", "PRAGMA foreign_keys=ON;"])
        {
            await db.Database.ExecuteSqlRawAsync(pragma, cancellationToken);
        }
        return db;
    }

    public static ISearchIndex SearchIndex(RapporteurDb db) => new Fts5SearchIndex(db);
}
