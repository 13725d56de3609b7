using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rapporteur.Store.Jobs;

/// <summary>Which errors are worth another attempt: the network, timeouts, and a database busy with another writer.</summary>
public static class Retryable
{
    // PostgreSQL: lock_not_available, serialization_failure, deadlock_detected, query_canceled
    // (statement or lock timeout), too_many_connections.
    private static readonly string[] PostgresStates = ["55P03", "40001", "40P01", "57014", "53300"];

    public static bool Is(Exception error) => error switch
    {
        // SQLITE_BUSY and SQLITE_LOCKED: "database is locked" once the busy timeout ran out.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbException db => db.IsTransient || (db.SqlState is { } state && PostgresStates.Contains(state, StringComparer.Ordinal)),
        HttpRequestException or TimeoutException or IOException => true,
        _ => error.InnerException is { } inner && Is(inner),
    };
}
