namespace Rapporteur.Store.Tests;

/// <summary>
/// A test on a fresh store of one kind: its own temp folder and database (a SQLite file, or a new
/// PostgreSQL database on the test server), created with the migrations and removed afterwards.
/// </summary>
public abstract class StoreTest(StoreKind kind) : IAsyncLifetime
{
    protected StoreKind Kind => kind;

    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "rapporteur-store-tests", Guid.NewGuid().ToString("N"));

    private protected TestDatabases Databases { get; private set; } = null!;

    protected RapporteurDb Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Databases = new TestDatabases(kind, Folder);
        Db = await Database.OpenAsync(Databases.Location(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        Databases.Remove();
        Directory.Delete(Folder, recursive: true);
    }
}
