using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Tests.Ingest;

/// <summary>The stage after ingestion, on both databases: what waits, who holds it, and what is stored.</summary>
public abstract class ExtractionStageTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : ExtractionStageTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : ExtractionStageTests(StoreKind.Postgres);

    private static readonly DateTimeOffset Now = new(2025, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);

    private static string Article(string name, string town) => $"""
        Journalist Detained in {town}

        Police in {town} detained the journalist {name} on Monday after she published a report on the closure of a local shelter, her editor said.
        """;

    private async Task StoreAsync(int count)
    {
        using var ingestion = new Ingestion(Db, SourceReaders.Default, time);
        string[] names = ["Madina Yusupova", "Dilorom Karimova", "Aigerim Sadykova", "Gulbahor Rahimova"];
        string[] towns = ["Namangan", "Karakol", "Khujand", "Taraz"];
        for (var i = 0; i < count; i++)
        {
            // Each text its own: the same bytes twice would be one source.
            var text = Article(names[i % names.Length], towns[i / names.Length % towns.Length]) + $"\nShe was held for {i + 2} hours before a lawyer could see her.\n";
            await ingestion.IngestAsync(new SourceInput(Encoding.UTF8.GetBytes(text), $"article-{i}.txt", Now, "text/plain"), CancellationToken.None);
        }
    }

    private ExtractionStage Stage(string? owner = null) => new(Db, time, owner ?? ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1));

    private async Task HoldAllAsync(string holder, DateTimeOffset until) =>
        await Db.ExtractionPending.ExecuteUpdateAsync(u => u.SetProperty(p => p.ClaimedBy, holder).SetProperty(p => p.ClaimedUntil, until));

    [Fact]
    public async Task Every_stored_document_waits_until_extracted_then_has_its_suggestions_and_waits_for_names()
    {
        await StoreAsync(5);
        Assert.Equal(5, await Db.ExtractionPending.CountAsync());
        await Db.NamesPending.ExecuteDeleteAsync();
        var batches = new List<ExtractionProgress>();
        using var stage = Stage();

        var done = await stage.RunAsync(2, b =>
        {
            batches.Add(b);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(5, done.Documents);
        Assert.Equal(done.Suggestions, batches.Sum(b => b.Suggestions));
        Assert.Equal(done.Suggestions, await Db.Suggestions.CountAsync());
        Assert.False(await Db.ExtractionPending.AnyAsync());
        // The entity stage reads suggestions: every document that has new ones waits for it again.
        Assert.Equal(5, await Db.NamesPending.CountAsync());
        var documents = await Db.Documents.AsNoTracking().ToListAsync();
        var mentions = await Db.DocumentMentions.AsNoTracking().ToDictionaryAsync(m => m.DocumentId, m => m.Mentions);
        Assert.All(documents, d => Assert.Contains("\"person\"", mentions[d.Id], StringComparison.Ordinal));
        var suggestions = await Db.Suggestions.AsNoTracking().ToListAsync();
        Assert.All(suggestions, s => Assert.Equal(documents.Single(d => d.Id == s.DocumentId).Text.Substring(s.EvidenceStart, s.EvidenceLength), s.Quote));
        Assert.Equal(0, (await stage.RunAsync(2, _ => Task.CompletedTask, CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Many_batches_in_a_row_each_document_stored_once_in_order()
    {
        await StoreAsync(11);
        var batches = new List<int>();
        using var stage = new ExtractionStage(Db, time, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1), batchSize: 3);

        var done = await stage.RunAsync(2, b =>
        {
            batches.Add(b.Documents);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal([3, 3, 3, 2], batches);
        Assert.Equal(11, done.Documents);
        Assert.Equal(11, await Db.Suggestions.Where(s => s.Kind == "person").Select(s => s.DocumentId).Distinct().CountAsync());
        Assert.Equal(0, await Db.Suggestions.GroupBy(s => new { s.DocumentId, s.Kind, s.Predicate, s.Subject, s.EvidenceStart }).CountAsync(g => g.Count() > 1));
    }

    [Fact]
    public async Task A_holder_whose_lease_ran_out_and_was_taken_over_stores_nothing()
    {
        await StoreAsync(2);
        var ids = await Db.Documents.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        using var slow = new ExtractionStage(Db, time, "slow", TimeSpan.FromMinutes(1), batchSize: 1);
        var batches = new List<int>();

        // One document a batch: when the first is stored the second is already claimed and being
        // extracted. Meanwhile its lease runs out and another holder takes it over.
        var done = await slow.RunAsync(1, async b =>
        {
            batches.Add(b.Documents);
            if (batches.Count == 1)
            {
                await Db.ExtractionPending.Where(p => p.DocumentId == ids[1])
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.ClaimedBy, "quick").SetProperty(p => p.ClaimedUntil, Now + TimeSpan.FromMinutes(5)));
            }
        }, CancellationToken.None);

        Assert.Equal([1, 0], batches);
        Assert.Equal(1, done.Documents);
        Assert.Empty(await Db.Suggestions.Where(s => s.DocumentId == ids[1]).ToListAsync());
        Assert.NotEmpty(await Db.Suggestions.Where(s => s.DocumentId == ids[0]).ToListAsync());
        Assert.Equal("quick", (await Db.ExtractionPending.AsNoTracking().SingleAsync()).ClaimedBy);
    }

    [Fact]
    public async Task A_claim_of_a_running_holder_is_left_until_its_lease_runs_out()
    {
        await StoreAsync(2);
        // Another holder in this very process, so it is running.
        await HoldAllAsync($"{Environment.MachineName}/{Environment.ProcessId}/other", Now + TimeSpan.FromMinutes(1));
        using var stage = Stage();

        Assert.Equal(0, (await stage.RunBatchAsync(10, 1, CancellationToken.None)).Documents);
        Assert.Equal(2, await stage.WaitingAsync(CancellationToken.None));
        Assert.Empty(await Db.Suggestions.ToListAsync());

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await stage.RunBatchAsync(10, 1, CancellationToken.None)).Documents);
        Assert.Equal(0, await stage.WaitingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_of_a_process_of_this_machine_that_has_ended_is_taken_at_once()
    {
        await StoreAsync(3);
        using (var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            await ended.WaitForExitAsync();
            await HoldAllAsync($"{Environment.MachineName}/{ended.Id}/killed", Now + TimeSpan.FromHours(1));
        }
        using var stage = Stage();

        var done = await stage.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(3, done.Documents);
        Assert.False(await Db.ExtractionPending.AnyAsync());
    }

    [Fact]
    public async Task A_claim_from_another_machine_is_left_until_its_lease_runs_out()
    {
        await StoreAsync(1);
        await HoldAllAsync("another-host/1/abcdef12", Now + TimeSpan.FromMinutes(10));
        using var stage = Stage();

        Assert.Equal(0, (await stage.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None)).Documents);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, (await stage.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task Two_stages_on_the_same_documents_store_each_document_once()
    {
        await StoreAsync(40);
        await using var other = await Database.OpenAsync(Databases.Location(), CancellationToken.None);
        // Batches of 4, so that both can be at work on the list at once (which of them gets how much is the scheduler's affair).
        using var first = new ExtractionStage(Db, time, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1), batchSize: 4);
        using var second = new ExtractionStage(other, time, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1), batchSize: 4);

        var results = await Task.WhenAll(
            Task.Run(() => RunBusyAsync(first)),
            Task.Run(() => RunBusyAsync(second)));

        Assert.Equal(40, results.Sum());
        Assert.False(await Db.ExtractionPending.AnyAsync());
        var perDocument = await Db.Suggestions.GroupBy(s => new { s.DocumentId, s.Kind, s.Subject }).Select(g => g.Count()).ToListAsync();
        Assert.All(perDocument, n => Assert.Equal(1, n));
        Assert.Equal(40, await Db.Suggestions.Select(s => s.DocumentId).Distinct().CountAsync());
    }

    // SQLite lets one writer at a time: a stage that finds the file busy tries again, as a worker does.
    private static async Task<int> RunBusyAsync(ExtractionStage stage)
    {
        var total = 0;
        for (var tries = 0; tries < 200; tries++)
        {
            try
            {
                total += (await stage.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None)).Documents;
                if (!await stage.AnyWaitingAsync(CancellationToken.None))
                {
                    return total;
                }
            }
            catch (Exception e) when (Store.Jobs.Retryable.Is(e))
            {
                await Task.Delay(20);
            }
        }
        return total;
    }
}
