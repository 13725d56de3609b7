using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Store.Tests;

/// <summary>
/// Each database's migrations build exactly the shared model: a change to the model without a
/// migration for each provider fails here, not on a user's server.
/// </summary>
public abstract class MigrationsTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : MigrationsTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : MigrationsTests(StoreKind.Postgres);


    [Fact]
    public void The_migrations_match_the_model() => Assert.False(Db.Database.HasPendingModelChanges(), "the model has changed since the last migration of this provider: add one (see docs/decisions/0003-postgresql.md)");

    [Fact]
    public async Task A_fresh_database_has_every_migration_applied()
    {
        Assert.Empty(await Db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await Db.Database.GetAppliedMigrationsAsync());
    }
}
