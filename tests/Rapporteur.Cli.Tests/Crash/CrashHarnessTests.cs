using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Bench;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Cli.Tests.Crash;

/// <summary>
/// The bench's crash harness, a few trials of it: the real `rapporteur` (built beside the tests)
/// is killed with SIGKILL mid-ingest and mid-drain, restarted, and the store checked. And the
/// checker itself, shown a store that is not whole.
/// </summary>
public sealed class CrashHarnessTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rcli-crash-" + Guid.NewGuid().ToString("N")[..8]);

    public CrashHarnessTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Killed_ingests_and_workers_leave_a_whole_store_once_restarted()
    {
        using var log = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var harness = new CrashHarness(Path.Combine(AppContext.BaseDirectory, "rapporteur.dll"), articles: 30, seed: 11, log);

        var report = await harness.RunAsync(trials: 3, CancellationToken.None);

        Assert.True(report.Violations.Count == 0, log.ToString());
        Assert.Equal(3, report.Trials);
        // A run that ended before its kill is done again: every trial is a kill, the third at a random time.
        Assert.Equal(3, report.Kills);
        Assert.Equal(1, report.KillsAtARandomTime);
        Assert.Equal(report.Kills, report.KillsWithNothingStored + report.KillsMidWork + report.KillsWithAllStored);
    }

    [Fact]
    public async Task Killed_workers_on_postgres_leave_a_whole_store_once_restarted()
    {
        using var log = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var harness = new CrashHarness(Path.Combine(AppContext.BaseDirectory, "rapporteur.dll"), articles: 30, seed: 13, log, PostgresTestServer.ConnectionString);

        // Both workers killed, then one killed while the other takes over its jobs, then both again.
        var report = await harness.RunAsync(trials: 3, CancellationToken.None);

        Assert.True(report.Violations.Count == 0, log.ToString());
        Assert.Equal(3, report.Kills);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_check_names_a_source_missing_its_suggestions_and_an_input_never_stored(StoreKind kind)
    {
        var databases = new TestDatabases(kind, folder);
        try
        {
            await CheckNamesWhatIsMissingAsync(databases.Location());
        }
        finally
        {
            databases.Remove();
        }
    }

    private static async Task CheckNamesWhatIsMissingAsync(string db)
    {
        var generator = new ArticleGenerator(seed: 5);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        await using (var store = await Database.OpenAsync(db, CancellationToken.None))
        {
            using var ingestion = new Ingestion(store, SourceReaders.Default, TimeProvider.System);
            for (var i = 0; i < 3; i++)
            {
                var bytes = Encoding.UTF8.GetBytes(generator.Next(i));
                expected.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
                await ingestion.IngestAsync(new SourceInput(bytes, $"generated/{i}.txt", DateTimeOffset.UtcNow, "text/plain"), CancellationToken.None);
            }
            // Stored and not yet extracted: the check says so.
            Assert.Contains("documents still waiting for extraction: 3", await CrashHarness.CheckAsync(db, expected, worker: false, CancellationToken.None));
            // As `ingest` ends: the documents extracted, then names resolved over them.
            using (var extraction = new ExtractionStage(store, TimeProvider.System, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1)))
            {
                await extraction.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None);
            }
            await new Store.Names.NameResolution(store).ResolveAsync(CancellationToken.None);
            Assert.Empty(await CrashHarness.CheckAsync(db, expected, worker: false, CancellationToken.None));
            var document = await store.Documents.OrderBy(d => d.Id).FirstAsync();
            await store.Suggestions.Where(m => m.DocumentId == document.Id).ExecuteDeleteAsync();
        }
        expected.Add(Convert.ToHexStringLower(SHA256.HashData("never stored"u8)));

        var problems = await CrashHarness.CheckAsync(db, expected, worker: false, CancellationToken.None);

        Assert.Contains(problems, p => p.StartsWith("source 1 (generated/0.txt) is incomplete", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sources 3 for 4 distinct inputs; missing 1", StringComparison.Ordinal));
    }
}
