using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store;

namespace Rapporteur.Cli.Tests.Jobs;

/// <summary>`rapporteur enqueue|worker|jobs|feeds` through a test console, output piped, on SQLite and on PostgreSQL.</summary>
public abstract class CliJobsTests : IDisposable
{
    public sealed class OnSqlite() : CliJobsTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : CliJobsTests(StoreKind.Postgres);

    private const string TarazArticle = """
        Taraz Journalist Placed Under House Arrest

        A court in Taraz placed the journalist Dauren Abilkhairov under house arrest for two months on Friday. He is accused of spreading false information after he reported on a strike at a phosphate plant outside the city.

        His colleague Madina Kenzhebayeva said the charge was meant to silence everyone who covered the strike.
        """;

    private const string TurkistanArticle = """
        Turkistan Lawyer Disbarred After Defending Protesters

        The regional bar association in Turkistan disbarred the lawyer Yerzhan Seitkaliyev on Wednesday, three weeks after he defended six men detained at a protest against rising gas prices.

        Seitkaliyev said he would appeal to the court in Shymkent.
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-jobs-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly TestDatabases databases;

    protected CliJobsTests(StoreKind kind)
    {
        Directory.CreateDirectory(Inputs);
        databases = new TestDatabases(kind, root);
    }

    private string Inputs => Path.Combine(root, "in");

    private string Db => databases.Location();

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        databases.Remove();
        Directory.Delete(root, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Inputs, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--db", Db]);

    private async Task<int> SourceCountAsync()
    {
        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        return await db.Sources.CountAsync();
    }

    [Fact]
    public async Task Two_worker_processes_draining_one_queue_store_every_input_once_and_claim_no_job_twice()
    {
        string[] towns = ["Taraz", "Turkistan", "Kyzylorda", "Aktobe", "Oral", "Semey"];
        for (var i = 0; i < 24; i++)
        {
            var town = towns[i % towns.Length];
            Write($"report-{i}.txt", $"""
                {town} Blogger Questioned Again (report {i})

                Police in {town} questioned the blogger Nurlan Zhaksybekov for the {i + 2}th time on Monday about a video he posted on water shortages in the district.

                His lawyer said the questioning lasted {i + 3} hours and that no charge had been brought.
                """);
        }
        Assert.Equal(0, (await RunAsync("enqueue", Inputs)).ExitCode);

        // Real processes, as separate machines would run them, on the same database.
        var rapporteur = Path.Combine(AppContext.BaseDirectory, "rapporteur.dll");
        var workers = Enumerable.Range(0, 2).Select(_ =>
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])[rapporteur, "worker", "--drain", "--concurrency", "2", "--db", Db])
            {
                start.ArgumentList.Add(arg);
            }
            return System.Diagnostics.Process.Start(start)!;
        }).ToList();
        foreach (var worker in workers)
        {
            var output = worker.StandardOutput.ReadToEndAsync();
            var errors = worker.StandardError.ReadToEndAsync();
            await worker.WaitForExitAsync();
            Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {await output} {await errors}");
        }

        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        Assert.Equal(24, await db.Sources.CountAsync());
        Assert.Equal(24, await db.Sources.Select(s => s.Sha256).Distinct().CountAsync());
        var jobs = await db.Jobs.ToListAsync();
        Assert.Equal(24, jobs.Count);
        Assert.All(jobs, job =>
        {
            Assert.Equal(Rapporteur.Store.Jobs.JobState.Done, job.State);
            Assert.Equal(1, job.Attempts);
        });
    }

    [Fact]
    public async Task Enqueue_then_drain_stores_each_file_once_and_jobs_counts_them_done()
    {
        Write("taraz.txt", TarazArticle);
        Write("turkistan.txt", TurkistanArticle);

        var queued = await RunAsync("enqueue", Inputs);
        var worked = await RunAsync("worker", "--drain", "--concurrency", "2");
        var again = await RunAsync("enqueue", Inputs);
        var second = await RunAsync("worker", "--drain");
        var jobs = await RunAsync("jobs");

        Assert.Equal(RapporteurCli.Success, queued.ExitCode);
        Assert.Contains("2 jobs queued", queued.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.Success, worked.ExitCode);
        Assert.Contains("stored 2, duplicates 0", worked.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.Success, again.ExitCode);
        Assert.Contains("stored 0, duplicates 2", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, await SourceCountAsync());
        Assert.Contains("done     4", jobs.Output, StringComparison.Ordinal);
        Assert.Contains("waiting  0", jobs.Output, StringComparison.Ordinal);
        Assert.Contains("failed   0", jobs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_inputs_are_named_with_their_reasons_and_jobs_retry_queues_the_failures_again()
    {
        var good = Write("taraz.txt", TarazArticle);
        var empty = Write("empty.txt", "");
        var missing = Path.Combine(Inputs, "no-such-statement.txt");

        var queued = await RunAsync("enqueue", good, missing, empty);
        var worked = await RunAsync("worker", "--drain");
        var jobs = await RunAsync("jobs");
        var retried = await RunAsync("jobs", "retry");
        var after = await RunAsync("jobs");

        Assert.Equal(RapporteurCli.SomeFailed, queued.ExitCode);
        Assert.Contains($"refused    {missing}: no such file or folder", queued.Output, StringComparison.Ordinal);
        Assert.Contains("2 jobs queued", queued.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.SomeFailed, worked.ExitCode);
        Assert.Contains($"failed     job 2 {empty}: the file is empty", worked.Output, StringComparison.Ordinal);
        Assert.Contains("stored 1,", worked.Output, StringComparison.Ordinal);
        Assert.Contains("failed   1", jobs.Output, StringComparison.Ordinal);
        Assert.Contains($"failed job 2 {empty}: the file is empty", jobs.Output, StringComparison.Ordinal);
        Assert.Contains("1 failed job queued again", retried.Output, StringComparison.Ordinal);
        Assert.Contains("waiting  1", after.Output, StringComparison.Ordinal);
        Assert.Contains("failed   0", after.Output, StringComparison.Ordinal);
        Assert.Equal(1, await SourceCountAsync());
    }

    [Fact]
    public async Task Feeds_are_added_listed_and_removed()
    {
        var added = await RunAsync("feeds", "add", "https://steppe-courier.example/rss", "--every", "2h");
        var twice = await RunAsync("feeds", "add", "https://steppe-courier.example/rss");
        var badInterval = await RunAsync("feeds", "add", "https://aral-post.example/feed.xml", "--every", "soon");
        var listed = await RunAsync("feeds", "list");
        var removed = await RunAsync("feeds", "remove", "1");
        var unknown = await RunAsync("feeds", "remove", "https://aral-post.example/feed.xml");
        var empty = await RunAsync("feeds", "list");

        Assert.Equal(RapporteurCli.Success, added.ExitCode);
        Assert.Contains("feed 1: https://steppe-courier.example/rss, polled every 2h", added.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.NothingDone, twice.ExitCode);
        Assert.Contains("already watched as feed 1", twice.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.NothingDone, badInterval.ExitCode);
        Assert.Contains("--every \"soon\" is not an interval", badInterval.Output, StringComparison.Ordinal);
        Assert.Contains("1 https://steppe-courier.example/rss every 2h", listed.Output, StringComparison.Ordinal);
        Assert.Contains("not polled yet", listed.Output, StringComparison.Ordinal);
        Assert.Contains("removed feed 1: https://steppe-courier.example/rss", removed.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.NothingDone, unknown.ExitCode);
        Assert.Contains("no watched feed https://aral-post.example/feed.xml", unknown.Output, StringComparison.Ordinal);
        Assert.Contains("no feeds are watched", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feed_that_cannot_be_reached_is_listed_as_failing()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}/feed.rss";
        await RunAsync("feeds", "add", url, "--every", "10m");

        var worked = await RunAsync("worker", "--drain");
        var listed = await RunAsync("feeds", "list");

        Assert.Contains($"feed error {url}: cannot connect", worked.Output, StringComparison.Ordinal);
        Assert.Contains("failing (1 in a row): failed: cannot connect", listed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enqueue", "<targets>")]
    [InlineData("worker", "--concurrency")]
    [InlineData("worker", "--drain")]
    [InlineData("jobs", "retry")]
    [InlineData("feeds", "add")]
    public async Task Help_names_the_new_verbs_options(string verb, string option)
    {
        var run = await CliRun.RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
    }
}
