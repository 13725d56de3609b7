using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapporteur.Tests;

/// <summary>
/// The databases of one test, as --db locations: SQLite files in the test's own folder, or fresh
/// databases with unique names on the test server, created on first use and dropped at the end,
/// so tests share nothing and can run in parallel.
/// </summary>
internal sealed class TestDatabases(StoreKind kind, string folder)
{
    private readonly string prefix = "rt_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HashSet<string> created = new(StringComparer.Ordinal);

    public StoreKind Kind => kind;

    /// <summary>
    /// The location of the test's database of this name (letters and digits only); the same name
    /// gives the same database. On PostgreSQL it is created empty, unless <paramref name="create"/>
    /// is false: then, like a SQLite path with no file yet, it names a database that does not exist.
    /// </summary>
    public string Location(string name = "r", bool create = true)
    {
        if (kind == StoreKind.Sqlite)
        {
            return Path.Combine(folder, name + ".db");
        }
        var database = prefix + "_" + name;
        if (created.Add(database) && create)
        {
            Execute($"CREATE DATABASE \"{database}\"");
        }
        // No pooling: a test's connections close with it, so its database can be dropped.
        return new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
    }

    /// <summary>Ends the test's hold on its databases: SQLite's pooled handles closed, PostgreSQL databases dropped.</summary>
    public void Remove()
    {
        if (kind == StoreKind.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            return;
        }
        foreach (var database in created)
        {
            Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
