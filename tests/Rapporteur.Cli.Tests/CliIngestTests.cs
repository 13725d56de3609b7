using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store;

namespace Rapporteur.Cli.Tests;

/// <summary>
/// `rapporteur ingest|search|sources|show` through a test console. Each test has its own temp
/// folder: the inputs under in/, the database beside them as r.db, or a fresh PostgreSQL database.
/// </summary>
public abstract class CliIngestTests : IDisposable
{
    public sealed class OnSqlite() : CliIngestTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : CliIngestTests(StoreKind.Postgres);

    private const string OshArticle = """
        Blogger Nurbek Asanov Detained in Osh

        Police in Osh detained the blogger Nurbek Asanov on Tuesday evening, a day after he published a video in which market traders complained about the price of irrigation water. His brother said officers took his phone and laptop.

        Asanov's lawyer said she had not been told what he is accused of.
        """;

    private const string KhujandArticle = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Lawyer Shahlo Rajabova Barred From Court in Khujand</title>
        <meta property="article:published_time" content="2025-05-21T10:00:00+05:00"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Lawyer Shahlo Rajabova Barred From Court in Khujand</h1>
        <p>Shahlo Rajabova, who defends two journalists on trial in Khujand, was stopped at the door of the regional court on Wednesday and told that the hearing had been closed to everyone but the prosecution and the judge.</p>
        <p>Rajabova said the closed hearing breaks the law on the bar, and that she would complain to the Supreme Court in Dushanbe. The journalists have been held for more than a year.</p>
        </article><footer>Sughd Weekly, all rights reserved</footer></body></html>
        """;

    private const string KarakolArticle = """
        Karakol Rights Group Ordered to Register as Foreign Representative

        The Karakol Centre for Civic Initiatives, which has run free legal clinics for villagers around Lake Issyk-Kul for eleven years, received a letter from the justice department telling it to register as a representative of foreign interests within thirty days or close.

        Its director, Gulzat Omurbekova, said the centre would challenge the order in court.
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly TestDatabases databases;

    protected CliIngestTests(StoreKind kind)
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

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Inputs, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (string Osh, string Khujand, string Karakol) WriteThreeArticles() =>
        (Write("01-osh.txt", OshArticle), Write("02-khujand.html", KhujandArticle), Write("03-karakol.txt", KarakolArticle));

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--db", Db]);

    private async Task<(int Sources, int Documents)> CountsAsync()
    {
        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        return (await db.Sources.CountAsync(), await db.Documents.CountAsync());
    }

    private async Task<List<SourceRow>> SourcesAsync()
    {
        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        return await db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Ingesting_a_folder_of_three_articles_exits_zero_and_counts_three_new()
    {
        var (osh, khujand, karakol) = WriteThreeArticles();

        var run = await RunAsync("ingest", Inputs);

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Equal(new IngestSummary(New: 3, Duplicate: 0, Failed: 0, Documents: 3), run.Summary);
        Assert.Contains(osh, run.Output, StringComparison.Ordinal);
        Assert.Contains(khujand, run.Output, StringComparison.Ordinal);
        Assert.Contains(karakol, run.Output, StringComparison.Ordinal);
        Assert.Equal((3, 3), await CountsAsync());
    }

    [Fact]
    public async Task Second_run_reports_three_duplicates_and_stores_nothing_more()
    {
        WriteThreeArticles();
        await RunAsync("ingest", Inputs);
        var before = await CountsAsync();

        var run = await RunAsync("ingest", Inputs);

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Equal(new IngestSummary(New: 0, Duplicate: 3, Failed: 0, Documents: 0), run.Summary);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Search_prints_the_source_origin_and_a_snippet()
    {
        var (osh, _, _) = WriteThreeArticles();
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("search", "irrigation");

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Contains(osh, run.Output, StringComparison.Ordinal);
        Assert.Contains("price of irrigation water", run.Output, StringComparison.Ordinal);
        Assert.Contains("Blogger Nurbek Asanov Detained in Osh", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Karakol", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_for_a_word_found_nowhere_says_so()
    {
        WriteThreeArticles();
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("search", "Turkmenbashi");

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Contains("no documents match", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_lists_every_stored_source()
    {
        var (osh, khujand, karakol) = WriteThreeArticles();
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("sources");

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Contains(osh, run.Output, StringComparison.Ordinal);
        Assert.Contains(khujand, run.Output, StringComparison.Ordinal);
        Assert.Contains(karakol, run.Output, StringComparison.Ordinal);
        Assert.Contains("Lawyer Shahlo Rajabova Barred From Court in Khujand", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_origin_and_the_documents_of_a_source()
    {
        var (osh, _, _) = WriteThreeArticles();
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("show", "1");

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        Assert.Contains(osh, run.Output, StringComparison.Ordinal);
        Assert.Contains("#0: Blogger Nurbek Asanov Detained in Osh", run.Output, StringComparison.Ordinal);
        Assert.Contains("Police in Osh detained the blogger Nurbek Asanov", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_id_says_so_and_exits_one()
    {
        WriteThreeArticles();
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("show", "99");

        Assert.Equal(RapporteurCli.NothingDone, run.ExitCode);
        Assert.Contains("no source with id 99", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_inputs_are_named_with_their_reasons_while_the_good_ones_are_stored()
    {
        var good1 = Write("good-1.txt", OshArticle);
        var good2 = Write("good-2.txt", KarakolArticle);
        var empty = Write("empty.txt", []);
        var binary = Write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[256]]);
        var pdf = Write("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 garbage"));
        var truncated = Write("truncated.html", KhujandArticle[..KhujandArticle.IndexOf("The journalists have", StringComparison.Ordinal)]);
        var invalid = Write("invalid-utf8.txt", [.. Encoding.UTF8.GetBytes("Гулзат Омурбекова, директор центра в Караколе, "), 0xFF, .. Encoding.UTF8.GetBytes(" обжалует решение.")]);
        // The cap a user meets is 200 MB; a 3 MB file above --max-size 1000000 is the same refusal without writing 200 MB to disk.
        var big = Path.Combine(Inputs, "big.txt");
        await using (var file = File.Create(big))
        {
            file.SetLength(3 * 1024 * 1024);
        }
        var feed = Write("feed.rss", """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Issyk-Kul Bulletin</title>
              <item><title>Gulzat Omurbekova to challenge registration order</title><link>https://bulletin.example.kg/omurbekova</link>
                <description>The director of the Karakol centre said the order had no basis in law.</description></item>
              <item><link>https://bulletin.example.kg/broken</link><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate></item>
              <item><title>Villagers sign letter in support of legal clinic</title><link>https://bulletin.example.kg/letter</link>
                <description>More than three hundred residents of villages near Karakol signed a letter asking the justice department to withdraw its order.</description></item>
            </channel></rss>
            """);
        var missing = Path.Combine(root, "missing.txt");
        var unreachable = $"http://127.0.0.1:{ClosedPort()}/x";

        var run = await RunAsync("ingest", Inputs, missing, unreachable, "--max-size", "1000000");

        Assert.Equal(RapporteurCli.SomeFailed, run.ExitCode);
        Assert.Contains("empty", run.FailureDetail(empty), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("binary", run.FailureDetail(binary), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PDF", run.FailureDetail(pdf), StringComparison.Ordinal);
        Assert.Contains("UTF-8", run.FailureDetail(invalid), StringComparison.Ordinal);
        Assert.Contains("--max-size", run.FailureDetail(big), StringComparison.Ordinal);
        Assert.Contains("no such file", run.FailureDetail(missing), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("connect", run.FailureDetail(unreachable), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"warning {truncated}: truncated", run.Output, StringComparison.Ordinal);
        Assert.Contains($"warning {feed}: item 2", run.Output, StringComparison.Ordinal);
        Assert.Equal(new IngestSummary(New: 6, Duplicate: 0, Failed: 7, Documents: 5), run.Summary);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);

        var sources = await SourcesAsync();
        Assert.Equal(
            new[] { good1, good2, truncated, feed, "https://bulletin.example.kg/omurbekova", "https://bulletin.example.kg/letter" }.Order(StringComparer.Ordinal),
            sources.Select(s => s.Origin).Order(StringComparer.Ordinal));
        var feedId = sources.Single(s => s.Origin == feed).Id;
        Assert.All(sources.Where(s => s.Origin.StartsWith("https://", StringComparison.Ordinal)), s => Assert.Equal(feedId, s.ParentId));
    }

    [Fact]
    public async Task Exit_code_is_one_when_every_input_failed()
    {
        var empty = Write("empty.txt", []);
        var binary = Write("binary.txt", [0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE]);

        var run = await RunAsync("ingest", Inputs);

        Assert.Equal(RapporteurCli.NothingDone, run.ExitCode);
        Assert.Equal(new IngestSummary(New: 0, Duplicate: 0, Failed: 2, Documents: 0), run.Summary);
        Assert.Contains("empty", run.FailureDetail(empty), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("binary", run.FailureDetail(binary), StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Failures_are_listed_by_sources_afterwards()
    {
        WriteThreeArticles();
        var empty = Write("empty.txt", []);
        await RunAsync("ingest", Inputs);

        var run = await RunAsync("sources");

        Assert.Contains("empty", run.FailureDetail(empty), StringComparison.OrdinalIgnoreCase);
    }
}
