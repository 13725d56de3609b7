namespace Rapporteur.Tests;

/// <summary>The database a store test runs on: the embedded SQLite file, or a PostgreSQL server.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
