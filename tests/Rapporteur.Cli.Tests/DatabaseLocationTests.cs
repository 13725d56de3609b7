using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store;

namespace Rapporteur.Cli.Tests;

/// <summary>Where a verb finds its database: --db, else RAPPORTEUR_DB; a file path or a server's connection string alike.</summary>
public abstract class DatabaseLocationTests : IDisposable
{
    [Collection(EnvironmentCollection.Name)]
    public sealed class OnSqlite() : DatabaseLocationTests(StoreKind.Sqlite);

    [Collection(EnvironmentCollection.Name)]
    public sealed class OnPostgres() : DatabaseLocationTests(StoreKind.Postgres);

    private const string Article = """
        Journalist Detained in Jalal-Abad

        Police in Jalal-Abad detained the journalist Kanat Dzhumabekov on Thursday after he reported on the sale of a school building.
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly TestDatabases databases;
    private readonly string? before = Environment.GetEnvironmentVariable("RAPPORTEUR_DB");

    protected DatabaseLocationTests(StoreKind kind)
    {
        Directory.CreateDirectory(root);
        databases = new TestDatabases(kind, root);
        File.WriteAllText(Path.Combine(root, "jalal-abad.txt"), Article, new UTF8Encoding(false));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Environment.SetEnvironmentVariable("RAPPORTEUR_DB", before);
        databases.Remove();
        Directory.Delete(root, recursive: true);
    }

    private static async Task<int> SourcesAsync(string location)
    {
        await using var db = await Database.OpenAsync(location, CancellationToken.None);
        return await db.Sources.CountAsync();
    }

    [Fact]
    public async Task Without_db_the_verbs_use_the_database_RAPPORTEUR_DB_names()
    {
        Environment.SetEnvironmentVariable("RAPPORTEUR_DB", databases.Location("fromenv"));

        var ingest = await CliRun.RunAsync("ingest", Path.Combine(root, "jalal-abad.txt"));
        var search = await CliRun.RunAsync("search", "Dzhumabekov");

        Assert.Equal(RapporteurCli.Success, ingest.ExitCode);
        Assert.Contains("jalal-abad.txt", search.Output, StringComparison.Ordinal);
        Assert.Equal(1, await SourcesAsync(databases.Location("fromenv")));
    }

    [Fact]
    public async Task Db_wins_over_RAPPORTEUR_DB()
    {
        Environment.SetEnvironmentVariable("RAPPORTEUR_DB", databases.Location("fromenv"));

        var ingest = await CliRun.RunAsync("ingest", Path.Combine(root, "jalal-abad.txt"), "--db", databases.Location("given"));

        Assert.Equal(RapporteurCli.Success, ingest.ExitCode);
        Assert.Equal(1, await SourcesAsync(databases.Location("given")));
        Assert.Equal(0, await SourcesAsync(databases.Location("fromenv")));
    }
}
