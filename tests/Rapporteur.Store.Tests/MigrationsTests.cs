using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Store.Tests;

/// <summary>
/// Each database's migrations build exactly the shared model: a change to the model without a
/// migration for each provider fails here, not on a user's server.
/// </summary>
public abstract class MigrationsTests(StoreKind kind) : IAsyncLifetime
{
    public sealed class OnSqlite() : MigrationsTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : MigrationsTests(StoreKind.Postgres);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-store-tests", Guid.NewGuid().ToString("N"));
    private TestDatabases databases = null!;
    private RapporteurDb db = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        databases = new TestDatabases(kind, folder);
        db = await Database.OpenAsync(databases.Location(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        databases.Remove();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_migrations_match_the_model() => Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration of this provider: add one (see docs/decisions/0003-postgresql.md)");

    [Fact]
    public async Task A_fresh_database_has_every_migration_applied()
    {
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}
