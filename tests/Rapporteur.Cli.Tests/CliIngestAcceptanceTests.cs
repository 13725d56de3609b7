using Microsoft.EntityFrameworkCore;
using Rapporteur.Store;

namespace Rapporteur.Cli.Tests;

/// <summary>The shared corpus beside the repository, ingested the way a user would: it must be there.</summary>
public abstract class CliIngestAcceptanceTests : IDisposable
{
    public sealed class OnSqlite() : CliIngestAcceptanceTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : CliIngestAcceptanceTests(StoreKind.Postgres);

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly TestDatabases databases;

    protected CliIngestAcceptanceTests(StoreKind kind)
    {
        Directory.CreateDirectory(root);
        databases = new TestDatabases(kind, root);
    }

    private string Db => databases.Location();

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        databases.Remove();
        Directory.Delete(root, recursive: true);
    }

    private Task<CliRun> IngestCorpusAsync() => CliRun.RunAsync("ingest", RepositoryRoot.CorpusDocs, "--db", Db);

    [Fact]
    public async Task Corpus_is_stored_as_five_sources_and_ten_documents()
    {
        var run = await IngestCorpusAsync();

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Equal(new IngestSummary(New: 5, Duplicate: 0, Failed: 0, Documents: 10), run.Summary);
        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        Assert.Equal(5, await db.Sources.CountAsync());
        Assert.Equal(10, await db.Documents.CountAsync());
    }

    [Fact]
    public async Task Second_run_over_the_corpus_reports_five_duplicates()
    {
        await IngestCorpusAsync();

        var run = await IngestCorpusAsync();

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Equal(new IngestSummary(New: 0, Duplicate: 5, Failed: 0, Documents: 0), run.Summary);
    }

    [Fact]
    public async Task Search_for_a_place_lists_a_corpus_source()
    {
        await IngestCorpusAsync();

        var run = await CliRun.RunAsync("search", "Khorog", "--db", Db);

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Contains(Directory.GetFiles(RepositoryRoot.CorpusDocs), file => run.Output.Contains(file, StringComparison.Ordinal));
    }
}
