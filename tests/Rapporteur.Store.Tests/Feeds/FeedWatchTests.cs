using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rapporteur.Store.Feeds;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Store.Tests.Feeds;

/// <summary>
/// Watched feeds polled by a draining worker from a feed served on loopback, on a real database
/// (SQLite and PostgreSQL), with the clock moved by the test.
/// </summary>
public abstract class FeedWatchTests(StoreKind kind) : IAsyncLifetime
{
    public sealed class OnSqlite() : FeedWatchTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : FeedWatchTests(StoreKind.Postgres);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-feeds-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 4, 2, 6, 0, 0, TimeSpan.Zero));
    // One client for all tests, as an application keeps one.
    private static readonly HttpClient Http = new();
    private RapporteurDb db = null!;
    private FeedServer server = null!;

    private TestDatabases databases = null!;

    private string DbPath => databases.Location("r");

    public async Task InitializeAsync()
    {
        databases = new TestDatabases(kind, folder);
        Directory.CreateDirectory(folder);
        db = await Database.OpenAsync(DbPath, CancellationToken.None);
        server = await FeedServer.StartAsync();
        server.Add("Khujand lawyer denied visit", "https://sughd-weekly.example/2026/04/lawyer-denied-visit", "The lawyer Manizha Rahimzoda was refused a visit to her client in the Khujand detention centre for the fourth time.");
        server.Add("Isfara blogger fined", "https://sughd-weekly.example/2026/04/blogger-fined", "A court in Isfara fined the blogger Umed Sharipov for a post about water shortages.");
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await db.DisposeAsync();
        databases.Remove();
        Directory.Delete(folder, recursive: true);
    }

    private FeedWatch Watch => new(db, clock);

    private async Task<WorkerSummary> DrainAsync() =>
        await new Worker(token => Database.OpenAsync(DbPath, token), Http, new WorkerOptions { Drain = true }, clock).RunAsync(_ => Task.CompletedTask, CancellationToken.None);

    private async Task<FeedRow> FeedAsync() => await db.Feeds.AsNoTracking().SingleAsync();

    [Fact]
    public async Task A_feed_is_added_listed_and_removed_by_address_or_id()
    {
        var added = Assert.IsType<FeedAdded>(await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(30), CancellationToken.None));
        var again = Assert.IsType<FeedNotAdded>(await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(30), CancellationToken.None));
        var notWeb = Assert.IsType<FeedNotAdded>(await Watch.AddAsync("ftp://sughd-weekly.example/feed.rss", TimeSpan.FromMinutes(30), CancellationToken.None));
        var tooOften = Assert.IsType<FeedNotAdded>(await Watch.AddAsync("https://sughd-weekly.example/other.rss", TimeSpan.FromSeconds(5), CancellationToken.None));
        var other = Assert.IsType<FeedAdded>(await Watch.AddAsync("https://sughd-weekly.example/other.rss", TimeSpan.FromHours(2), CancellationToken.None));

        Assert.Equal($"already watched as feed {added.FeedId}", again.Reason);
        Assert.Contains("http", notWeb.Reason, StringComparison.Ordinal);
        Assert.Contains("at least", tooOften.Reason, StringComparison.Ordinal);
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal([server.Url, "https://sughd-weekly.example/other.rss"], feeds.Select(f => f.Url));
        Assert.Equal(clock.GetUtcNow(), feeds[0].NextPollAt);

        Assert.NotNull(await Watch.RemoveAsync(added.FeedId.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        Assert.NotNull(await Watch.RemoveAsync("https://sughd-weekly.example/other.rss", CancellationToken.None));
        Assert.Null(await Watch.RemoveAsync("https://sughd-weekly.example/other.rss", CancellationToken.None));
        Assert.Equal(0, await db.Feeds.CountAsync());
        Assert.Equal(other.FeedId, added.FeedId + 1);
    }

    [Fact]
    public async Task A_due_feed_is_polled_and_its_items_stored_and_not_due_again_until_its_interval()
    {
        await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(30), CancellationToken.None);

        var summary = await DrainAsync();
        var again = await DrainAsync();

        Assert.Equal((1, 2), (summary.FeedsPolled, summary.Stored));
        Assert.Equal(0, again.FeedsPolled);
        Assert.Equal(1, server.Requests);
        var feed = await FeedAsync();
        Assert.Equal("2 items, 2 new", feed.LastOutcome);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(30), feed.NextPollAt);
        Assert.NotNull(feed.ETag);
        Assert.Equal(2, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task An_unchanged_feed_answers_304_to_the_conditional_request_and_nothing_is_queued()
    {
        await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(30), CancellationToken.None);
        await DrainAsync();
        var etag = (await FeedAsync()).ETag;
        var jobs = await db.Jobs.CountAsync();

        clock.Advance(TimeSpan.FromMinutes(30));
        var summary = await DrainAsync();

        Assert.Equal(1, summary.FeedsPolled);
        Assert.Equal(2, server.Requests);
        Assert.Equal(etag, server.LastIfNoneMatch);
        Assert.Equal(1, server.NotModifiedAnswers);
        Assert.Equal(jobs, await db.Jobs.CountAsync());
        Assert.Equal("not modified", (await FeedAsync()).LastOutcome);
    }

    [Fact]
    public async Task A_new_item_queues_only_that_item()
    {
        await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(30), CancellationToken.None);
        await DrainAsync();
        server.Add("Panjakent activist released", "https://sughd-weekly.example/2026/04/activist-released", "The activist Farzona Nazarova was released from custody in Panjakent after ten days.");

        clock.Advance(TimeSpan.FromMinutes(30));
        var summary = await DrainAsync();

        Assert.Equal(1, summary.Stored);
        Assert.Equal(0, summary.Duplicates);
        var items = await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Item).OrderBy(j => j.Id).Select(j => j.Target).ToListAsync();
        Assert.Equal(3, items.Count);
        Assert.Equal("https://sughd-weekly.example/2026/04/activist-released", items[^1]);
        Assert.Equal("3 items, 1 new", (await FeedAsync()).LastOutcome);
        Assert.Equal(3, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task A_failing_feed_is_polled_less_and_less_often_and_kept_as_failing_until_it_recovers()
    {
        await Watch.AddAsync(server.Url, TimeSpan.FromMinutes(10), CancellationToken.None);
        server.Failing = true;
        var start = clock.GetUtcNow();

        await DrainAsync();
        var once = await FeedAsync();
        clock.Advance(TimeSpan.FromMinutes(19));
        await DrainAsync();
        var early = server.Requests;
        clock.Advance(TimeSpan.FromMinutes(1));
        await DrainAsync();
        var twice = await FeedAsync();

        Assert.Equal(1, once.ConsecutiveFailures);
        Assert.StartsWith("failed: the server answered HTTP 503", once.LastOutcome, StringComparison.Ordinal);
        Assert.Equal(start + TimeSpan.FromMinutes(20), once.NextPollAt);
        Assert.Equal(1, early);
        Assert.Equal(2, twice.ConsecutiveFailures);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(40), twice.NextPollAt);
        Assert.Equal(0, await db.Jobs.CountAsync());

        server.Failing = false;
        clock.Advance(TimeSpan.FromMinutes(40));
        await DrainAsync();
        var recovered = await FeedAsync();
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(10), recovered.NextPollAt);
        Assert.Equal(2, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task Backoff_doubles_per_failure_and_stops_at_a_day()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), FeedWatch.Backoff(TimeSpan.FromMinutes(30), 1));
        Assert.Equal(TimeSpan.FromMinutes(240), FeedWatch.Backoff(TimeSpan.FromMinutes(30), 3));
        Assert.Equal(TimeSpan.FromDays(1), FeedWatch.Backoff(TimeSpan.FromMinutes(30), 40));
        Assert.Equal(TimeSpan.FromDays(2), FeedWatch.Backoff(TimeSpan.FromDays(2), 3));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_unreachable_feed_is_recorded_as_failing_and_never_dropped()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}/feed.rss";
        await Watch.AddAsync(url, TimeSpan.FromMinutes(10), CancellationToken.None);

        for (var i = 0; i < 6; i++)
        {
            await DrainAsync();
            clock.Advance(FeedWatch.MaximumBackoff);
        }

        var feed = await FeedAsync();
        Assert.Equal(url, feed.Url);
        Assert.Equal(6, feed.ConsecutiveFailures);
        Assert.Contains("cannot connect", feed.LastOutcome, StringComparison.Ordinal);
    }
}
