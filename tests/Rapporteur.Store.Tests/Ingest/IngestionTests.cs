using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Tests.Ingest;

/// <summary>Each test gets its own temp folder and database (a SQLite file, or a fresh PostgreSQL database), created with the migrations.</summary>
public abstract class IngestionTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : IngestionTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : IngestionTests(StoreKind.Postgres);

    private static readonly DateTimeOffset Captured = new(2025, 6, 28, 7, 0, 0, TimeSpan.Zero);

    private const string Article = """
        Khorog Activist Sentenced to Nine Years

        The Supreme Court in Dushanbe sentenced Davlatmamad Shokirov, a community activist from Khorog, to nine years in a penal colony on Thursday. His relatives said the hearing lasted less than a day and that the court refused to call the witnesses named by the defence.

        Shokirov's lawyer, Firuza Nazarova, said she would appeal.
        """;


    private Ingestion Ingestion() => new(Db, SourceReaders.Default, TimeProvider.System);

    private Task<IReadOnlyList<IngestOutcome>> IngestAsync(byte[] bytes, string origin, string? mediaType = "text/plain") =>
        Ingestion().IngestAsync(new SourceInput(bytes, origin, Captured, mediaType), CancellationToken.None);

    private async Task<(int Sources, int Documents, int Failures)> CountsAsync() =>
        (await Db.Sources.CountAsync(), await Db.Documents.CountAsync(), await Db.Failures.CountAsync());

    [Fact]
    public async Task Text_source_is_stored_with_its_exact_bytes_and_sha256()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Article.Replace("\n", "\r\n", StringComparison.Ordinal))];

        var outcome = Assert.IsType<IngestedNew>(Assert.Single(await IngestAsync(bytes, "khorog.txt")));

        var source = await Db.Sources.AsNoTracking().SingleAsync();
        Assert.Equal(outcome.SourceId, source.Id);
        Assert.Equal(bytes, source.Bytes);
        Assert.Equal(bytes.Length, source.ByteCount);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.Sha256);
        Assert.Equal("khorog.txt", source.Origin);
        Assert.Equal("text/plain", source.MediaType);
        Assert.Equal(Captured, source.CapturedAt);
        Assert.Null(source.ParentId);
    }

    [Fact]
    public async Task Text_source_is_stored_with_its_documents()
    {
        var outcome = Assert.IsType<IngestedNew>(Assert.Single(await IngestAsync(Encoding.UTF8.GetBytes(Article), "khorog.txt")));

        var documents = await Db.Documents.AsNoTracking().Where(d => d.SourceId == outcome.SourceId).ToListAsync();
        var document = Assert.Single(documents);
        Assert.Equal(1, outcome.Documents);
        Assert.Equal("Khorog Activist Sentenced to Nine Years", document.Title);
        Assert.Contains("sentenced Davlatmamad Shokirov", document.Text, StringComparison.Ordinal);
        var source = await Db.Sources.AsNoTracking().SingleAsync();
        Assert.Equal("Khorog Activist Sentenced to Nine Years", source.Title);
        var map = Core.Domain.OffsetMap.Parse(document.OffsetMap);
        for (var i = 0; i < document.Text.Length; i++)
        {
            Assert.Equal(source.Text[map.ToSource(i)], document.Text[i]);
        }
    }

    [Fact]
    public async Task Same_bytes_again_are_a_duplicate_and_add_no_rows()
    {
        var bytes = Encoding.UTF8.GetBytes(Article);
        var first = Assert.IsType<IngestedNew>(Assert.Single(await IngestAsync(bytes, "khorog.txt")));
        var before = await CountsAsync();

        var again = Assert.IsType<IngestedDuplicate>(Assert.Single(await IngestAsync(bytes, "copy-of-khorog.txt")));

        Assert.Equal(first.SourceId, again.SourceId);
        Assert.Equal("copy-of-khorog.txt", again.Origin);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Same_bytes_stored_by_two_writers_at_once_are_one_source_and_a_duplicate()
    {
        var prepared = Store.Ingest.Ingestion.Prepare(new SourceInput(Encoding.UTF8.GetBytes(Article), "khorog.txt", Captured, "text/plain"), SourceReaders.Default);
        await using var other = await Database.OpenAsync(Databases.Location(), CancellationToken.None);
        using var first = Ingestion();
        using var second = new Ingestion(other, SourceReaders.Default, TimeProvider.System);

        IngestOutcome stored, raced;
        await using (var transaction = await first.BeginAsync(CancellationToken.None))
        {
            stored = (await first.StoreAsync(prepared, transaction, CancellationToken.None))[0];
            // The second writer starts while the first has not committed: it waits on the first's lock or key.
            var racing = Task.Run(async () =>
            {
                await using var theirs = await second.BeginAsync(CancellationToken.None);
                var outcome = (await second.StoreAsync(prepared, theirs, CancellationToken.None))[0];
                await second.CommitAsync(theirs, CancellationToken.None);
                return outcome;
            });
            await UntilWaitingOnALockAsync(racing);
            await first.CommitAsync(transaction, CancellationToken.None);
            raced = await racing;
        }

        var source = Assert.IsType<IngestedNew>(stored);
        Assert.Equal(source.SourceId, Assert.IsType<IngestedDuplicate>(raced).SourceId);
        Assert.Equal((1, 1, 0), await CountsAsync());
    }

    // PostgreSQL shows the second writer waiting on the first's unique key; SQLite's second
    // writer waits to begin at all (one writer at a time), which no view shows, so a pause stands in.
    private async Task UntilWaitingOnALockAsync(Task racing)
    {
        if (Kind == StoreKind.Sqlite)
        {
            await Task.Delay(300);
            return;
        }
        await using var watcher = await Database.OpenAsync(Databases.Location(), CancellationToken.None);
        for (var tries = 0; tries < 200 && !racing.IsCompleted; tries++)
        {
            var waiting = await watcher.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""").SingleAsync();
            if (waiting > 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("the second writer never waited on the first");
    }

    [Fact]
    public async Task Refused_input_is_recorded_as_a_failure_and_adds_no_source_or_document()
    {
        byte[] binary = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. new byte[40]];

        var failed = Assert.IsType<IngestFailed>(Assert.Single(await IngestAsync(binary, "archive.txt")));

        Assert.Equal(ReadProblem.Binary, failed.Problem);
        Assert.Equal((0, 0, 1), await CountsAsync());
        var failure = await Db.Failures.AsNoTracking().SingleAsync();
        Assert.Equal("archive.txt", failure.Origin);
        Assert.Equal(nameof(ReadProblem.Binary), failure.Problem);
        Assert.Equal(failed.Detail, failure.Detail);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(binary)), failure.Sha256);
    }

    [Fact]
    public async Task Feed_stores_the_feed_and_one_source_per_item_linked_to_it()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Pamir Notes</title>
              <item><title>Davlatmamad Shokirov sentenced in Dushanbe</title><link>https://notes.example.tj/shokirov</link>
                <pubDate>Thu, 26 Jun 2025 10:00:00 GMT</pubDate>
                <description>The activist from Khorog was sentenced to nine years after a one-day hearing in the Supreme Court.</description></item>
              <item><title>Lawyer Firuza Nazarova lodges an appeal</title><link>https://notes.example.tj/nazarova-appeal</link>
                <description>Firuza Nazarova said the court had refused to hear the witnesses named by the defence.</description></item>
            </channel></rss>
            """;
        var bytes = Encoding.UTF8.GetBytes(rss);

        var outcomes = await IngestAsync(bytes, "https://notes.example.tj/feed.rss", "application/rss+xml");

        Assert.Equal(3, outcomes.Count);
        var feed = Assert.IsType<IngestedNew>(outcomes[0]);
        Assert.Equal(0, feed.Documents);
        Assert.All(outcomes.Skip(1), o => Assert.True(Assert.IsType<IngestedNew>(o).Documents >= 1));
        var sources = await Db.Sources.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(3, sources.Count);
        Assert.Equal(bytes, sources[0].Bytes);
        Assert.Null(sources[0].ParentId);
        Assert.Equal(["https://notes.example.tj/shokirov", "https://notes.example.tj/nazarova-appeal"], sources.Skip(1).Select(s => s.Origin));
        Assert.All(sources.Skip(1), s => Assert.Equal(feed.SourceId, s.ParentId));
        Assert.Equal(new DateTimeOffset(2025, 6, 26, 10, 0, 0, TimeSpan.Zero), sources[1].PublishedAt);
        var itemDocuments = await Db.Documents.AsNoTracking().Where(d => d.SourceId == sources[2].Id).ToListAsync();
        Assert.Contains("refused to hear the witnesses", Assert.Single(itemDocuments).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_stored_in_one_commit_are_all_searchable_and_one_the_store_refuses_leaves_nothing_in_the_index()
    {
        // The database itself refuses any document whose title carries the marker, as a full disk or a broken row would.
        if (Kind == StoreKind.Sqlite)
        {
            await Db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER refuse_marked BEFORE INSERT ON documents WHEN new."Title" LIKE '%Refused here%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;""");
        }
        else
        {
            await Db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."Title" LIKE '%Refused here%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_marked BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_marked();
                """);
        }
        string[] texts =
        [
            "Teacher Detained in Kulob\n\nThe teacher Gulnora Safarova was detained in Kulob after a lesson on the constitution.",
            "Refused here: Monitor Fined in Termez\n\nThe monitor Jasur Ergashev was fined in Termez for filming outside the courthouse.",
            "Blogger Questioned in Naryn\n\nThe blogger Aibek Toktosunov was questioned in Naryn about a post on water prices.",
        ];
        var inputs = texts.Select((t, i) => (Func<CancellationToken, Task<Fetched>>)(_ =>
            Task.FromResult<Fetched>(new FetchedInput(new SourceInput(Encoding.UTF8.GetBytes(t), $"batch/{i}.txt", Captured, "text/plain")))));
        var outcomes = new List<IngestOutcome>();
        using var ingestion = Ingestion();

        await ingestion.IngestAllAsync(inputs, 1, done =>
        {
            outcomes.AddRange(done);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(["batch/0.txt", "batch/1.txt", "batch/2.txt"], outcomes.Select(o => o.Origin));
        Assert.IsType<IngestedNew>(outcomes[0]);
        Assert.Contains("refused", Assert.IsType<IngestFailed>(outcomes[1]).Detail, StringComparison.Ordinal);
        Assert.IsType<IngestedNew>(outcomes[2]);
        Assert.Equal((2, 2, 1), await CountsAsync());
        var index = Database.SearchIndex(Db);
        Assert.Equal("batch/0.txt", Assert.Single(await index.SearchAsync("Kulob", 10, CancellationToken.None)).Origin);
        Assert.Equal("batch/2.txt", Assert.Single(await index.SearchAsync("Naryn", 10, CancellationToken.None)).Origin);
        Assert.Empty(await index.SearchAsync("Termez", 10, CancellationToken.None));
        if (Kind == StoreKind.Sqlite)
        {
            // FTS5 checks its index against the documents table: an entry without its row, or a row without its entries, fails here.
            await Db.Database.ExecuteSqlRawAsync("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)");
            Assert.Equal(2, await Db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM documents_fts_docsize").SingleAsync());
        }
    }

    [Fact]
    public async Task Search_finds_a_document_by_a_word_and_marks_it_in_the_snippet()
    {
        var outcome = Assert.IsType<IngestedNew>(Assert.Single(await IngestAsync(Encoding.UTF8.GetBytes(Article), "khorog.txt")));
        await IngestAsync(Encoding.UTF8.GetBytes("Blogger Azamat Tokhtarov Released in Osh\n\nAzamat Tokhtarov was released on bail after ten days in custody."), "osh.txt");

        var hits = await Database.SearchIndex(Db).SearchAsync("penal", 10, CancellationToken.None);

        var hit = Assert.Single(hits);
        Assert.Equal(outcome.SourceId, hit.SourceId);
        Assert.Equal("khorog.txt", hit.Origin);
        Assert.Contains("\u0002penal\u0003", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_is_case_insensitive_and_needs_every_word()
    {
        await IngestAsync(Encoding.UTF8.GetBytes(Article), "khorog.txt");

        Assert.Single(await Database.SearchIndex(Db).SearchAsync("KHOROG activist", 10, CancellationToken.None));
        Assert.Empty(await Database.SearchIndex(Db).SearchAsync("Khorog bail", 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("\"*(")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("()")]
    [InlineData("-:^")]
    [InlineData("   ")]
    public async Task Query_made_only_of_search_syntax_returns_nothing_instead_of_failing(string query)
    {
        await IngestAsync(Encoding.UTF8.GetBytes(Article), "khorog.txt");

        var hits = await Database.SearchIndex(Db).SearchAsync(query, 10, CancellationToken.None);

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Word_followed_by_search_syntax_is_still_found()
    {
        await IngestAsync(Encoding.UTF8.GetBytes(Article), "khorog.txt");

        var hits = await Database.SearchIndex(Db).SearchAsync("Shokirov\"* (", 10, CancellationToken.None);

        Assert.Equal("khorog.txt", Assert.Single(hits).Origin);
    }

    [Fact]
    public async Task Extraction_stores_suggestions_with_evidence_and_reingest_adds_none()
    {
        var bytes = Encoding.UTF8.GetBytes(Article);
        await IngestAsync(bytes, "khorog.txt");
        // Stored and searchable, not yet extracted: the document waits for the next stage.
        Assert.Empty(await Db.DocumentMentions.ToListAsync());
        Assert.Empty(await Db.Suggestions.ToListAsync());
        Assert.Equal(1, await ExtractAsync());
        var document = await Db.Documents.AsNoTracking().SingleAsync();
        var suggestions = await Db.Suggestions.AsNoTracking().ToListAsync();

        var sentence = Assert.Single(suggestions, x => x.Kind == "event" && x.Predicate == "sentence");
        Assert.Equal("Davlatmamad Shokirov", sentence.Subject);
        Assert.Equal("suggested", sentence.Status);
        Assert.Equal(document.Text.Substring(sentence.EvidenceStart, sentence.EvidenceLength), sentence.Quote);
        Assert.Contains("sentenced", sentence.Quote, StringComparison.Ordinal);
        Assert.StartsWith("event:sentence:", sentence.Rule, StringComparison.Ordinal);
        Assert.Contains(suggestions, x => x.Kind == "person" && x.Subject == "Firuza Nazarova");
        Assert.Contains("\"person\"", (await Db.DocumentMentions.AsNoTracking().SingleAsync(m => m.DocumentId == document.Id)).Mentions, StringComparison.Ordinal);
        Assert.Equal("[]", document.Mentions);

        await IngestAsync(bytes, "khorog-again.txt");

        Assert.Equal(0, await ExtractAsync());
        Assert.Equal(suggestions.Count, await Db.Suggestions.CountAsync());
        Assert.False(await Db.ExtractionPending.AnyAsync());
    }

    private async Task<int> ExtractAsync()
    {
        using var extraction = new ExtractionStage(Db, TimeProvider.System, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1));
        return (await extraction.RunAsync(2, _ => Task.CompletedTask, CancellationToken.None)).Documents;
    }
}
