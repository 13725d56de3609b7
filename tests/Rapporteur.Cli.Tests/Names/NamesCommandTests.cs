using System.Text;

namespace Rapporteur.Cli.Tests.Names;

/// <summary>
/// `rapporteur names ...` and person search through a test console, over a real SQLite file in a
/// temp folder or a fresh PostgreSQL database. The articles are fiction about invented people.
/// </summary>
public abstract class NamesCommandTests : IDisposable
{
    public sealed class OnSqlite() : NamesCommandTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : NamesCommandTests(StoreKind.Postgres);

    private const string Latin = """
        Lawyer Bakhtiyor Qodirzoda Detained in Kulob

        Police in Kulob detained the lawyer Bakhtiyor Qodirzoda on Monday, his colleagues said. Qodirzoda had defended two bloggers in the city court.

        His wife, Nilufar Qodirzoda, said officers searched their flat.
        """;

    private const string Cyrillic = """
        Kulob Lawyer Held for a Week

        The family of the lawyer Бахтиёр Қодирзода said he had been held for a week without charge.

        "We do not know where he is," said his brother, Farhod Qodirzoda.
        """;

    private const string Third = """
        Kulob Lawyer Charged

        Prosecutors in Kulob charged the lawyer Bakhtiyor Kodirzoda with fraud on Friday, his defence said.
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly TestDatabases databases;

    protected NamesCommandTests(StoreKind kind)
    {
        Directory.CreateDirectory(Path.Combine(root, "in"));
        databases = new TestDatabases(kind, root);
    }

    private string Db => databases.Location();

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        databases.Remove();
        Directory.Delete(root, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(root, "in", name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--db", Db]);

    private async Task IngestTwoArticlesAsync()
    {
        var run = await RunAsync("ingest", Write("latin.txt", Latin), Write("cyrillic.txt", Cyrillic));
        Assert.Equal(RapporteurCli.Success, run.ExitCode);
    }

    // The `names list` block of the person with this spelling: the id line and the spellings line.
    private static (string Id, string Spellings)? PersonListed(CliRun list, string spelling)
    {
        var lines = list.Output.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var spellings = lines[i + 1].Trim();
            if (!lines[i].StartsWith('\t') && spellings.StartsWith("spellings: ", StringComparison.Ordinal) && spellings[11..].Split(" | ").Contains(spelling))
            {
                return (lines[i].Split('\t')[0], spellings);
            }
        }
        return null;
    }

    [Fact]
    public async Task Pairs_prints_a_b_same_and_score_and_names_bad_lines_on_standard_error()
    {
        var table = Write("pairs.tsv", "# a comment\nFarrukh Karimov\tФаррух Каримов\t1\tscript\nDilnoza Karimova\tFarrukh Karimov\nonly one column\n\nKarimova\tKarimov\n");

        var run = await CliRun.RunAsync("names", "pairs", table);

        Assert.Equal(RapporteurCli.SomeFailed, run.ExitCode);
        Assert.Equal(
            ["Farrukh Karimov\tФаррух Каримов\t1\t1.000", "Dilnoza Karimova\tFarrukh Karimov\t0\t0.000", "Karimova\tKarimov\t0\t0.300"],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 4:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairs_scores_are_written_with_a_point_whatever_the_culture()
    {
        var table = Write("pairs.tsv", "Ravshan Boboev\tRavshon Boboev\n");
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var run = await CliRun.RunAsync("names", "pairs", table);

            Assert.Matches(@"^Ravshan Boboev\tRavshon Boboev\t1\t0\.\d{3}\n$", run.Output);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Pairs_of_a_missing_file_says_so()
    {
        var run = await CliRun.RunAsync("names", "pairs", Path.Combine(root, "none.tsv"));

        Assert.Equal(RapporteurCli.NothingDone, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_resolves_one_person_written_in_Latin_and_Cyrillic()
    {
        var ingest = await RunAsync("ingest", Write("latin.txt", Latin), Write("cyrillic.txt", Cyrillic));

        Assert.Contains("persons ", ingest.Output, StringComparison.Ordinal);
        var list = await RunAsync("names", "list");
        var (_, spellings) = PersonListed(list, "Bakhtiyor Qodirzoda") ?? throw new Xunit.Sdk.XunitException(list.Output);
        Assert.Contains("Бахтиёр Қодирзода", spellings, StringComparison.Ordinal);
        Assert.DoesNotContain("Nilufar", spellings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_by_the_Cyrillic_spelling_shows_the_person_first_and_finds_the_Latin_document()
    {
        await IngestTwoArticlesAsync();

        var run = await RunAsync("search", "Бахтиёр", "Қодирзода");

        Assert.Equal(RapporteurCli.Success, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.StartsWith("person: Bakhtiyor Qodirzoda (spellings: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Бахтиёр Қодирзода", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.Trim().EndsWith("latin.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_different_judgement_separates_the_spellings_and_holds_after_ingesting_again()
    {
        await IngestTwoArticlesAsync();

        var judge = await RunAsync("names", "judge", "Bakhtiyor Qodirzoda", "Бахтиёр Қодирзода", "different", "--by", "researcher");

        Assert.Equal(RapporteurCli.Success, judge.ExitCode);
        Assert.Contains("recorded 1 judgement", judge.Output, StringComparison.Ordinal);
        var list = await RunAsync("names", "list", "--query", "Qodirzoda");
        Assert.NotEqual(PersonListed(list, "Bakhtiyor Qodirzoda")!.Value.Id, PersonListed(list, "Бахтиёр Қодирзода")!.Value.Id);

        await RunAsync("ingest", Path.Combine(root, "in", "latin.txt"), Path.Combine(root, "in", "cyrillic.txt"), Write("third.txt", Third));
        await RunAsync("names", "resolve");

        list = await RunAsync("names", "list", "--query", "Qodirzoda");
        Assert.NotEqual(PersonListed(list, "Bakhtiyor Qodirzoda")!.Value.Id, PersonListed(list, "Бахтиёр Қодирзода")!.Value.Id);
        var show = await RunAsync("names", "show", PersonListed(list, "Бахтиёр Қодирзода")!.Value.Id);
        Assert.Contains("different\tBakhtiyor Qodirzoda | Бахтиёр Қодирзода\tby researcher", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Split_then_merge_by_id_restores_one_person_with_every_spelling()
    {
        await IngestTwoArticlesAsync();
        var list = await RunAsync("names", "list");
        var (id, before) = PersonListed(list, "Bakhtiyor Qodirzoda")!.Value;

        var split = await RunAsync("names", "split", id, "Бахтиёр Қодирзода");

        Assert.Equal(RapporteurCli.Success, split.ExitCode);
        list = await RunAsync("names", "list");
        var moved = PersonListed(list, "Бахтиёр Қодирзода")!.Value;
        Assert.Equal("spellings: Бахтиёр Қодирзода", moved.Spellings);
        Assert.Equal(id, PersonListed(list, "Bakhtiyor Qodirzoda")!.Value.Id);

        var merge = await RunAsync("names", "merge", id, moved.Id);

        Assert.Equal(RapporteurCli.Success, merge.ExitCode);
        list = await RunAsync("names", "list");
        Assert.Equal((id, before), PersonListed(list, "Бахтиёр Қодирзода"));
    }

    [Fact]
    public async Task Show_lists_spellings_with_script_key_and_evidence()
    {
        await IngestTwoArticlesAsync();
        var (id, _) = PersonListed(await RunAsync("names", "list"), "Bakhtiyor Qodirzoda")!.Value;

        var show = await RunAsync("names", "show", id);

        Assert.Equal(RapporteurCli.Success, show.ExitCode);
        Assert.Contains($"person {id}: Bakhtiyor Qodirzoda (male)", show.Output, StringComparison.Ordinal);
        Assert.Contains("  Бахтиёр Қодирзода\tcyrillic\tkey bahtior kodirzoda\t1 document", show.Output, StringComparison.Ordinal);
        Assert.Contains("\"Бахтиёр Қодирзода\"\tKulob Lawyer Held for a Week", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Judgements_about_unknown_persons_or_spellings_are_refused()
    {
        await IngestTwoArticlesAsync();

        var unknownId = await RunAsync("names", "merge", "999", "Bakhtiyor Qodirzoda");
        var unknownSpelling = await RunAsync("names", "judge", "Bakhtiyor Qodirzoda", "Nobody Known", "same");
        var badVerdict = await RunAsync("names", "judge", "Bakhtiyor Qodirzoda", "Бахтиёр Қодирзода", "maybe");

        Assert.Equal(RapporteurCli.NothingDone, unknownId.ExitCode);
        Assert.Contains("there is no person 999", unknownId.Output, StringComparison.Ordinal);
        Assert.Equal(RapporteurCli.NothingDone, unknownSpelling.ExitCode);
        Assert.Contains("no person is written \"Nobody Known\"", unknownSpelling.Output, StringComparison.Ordinal);
        Assert.NotEqual(RapporteurCli.Success, badVerdict.ExitCode);
    }

    [Fact]
    public async Task Help_of_names_lists_every_subcommand()
    {
        var run = await CliRun.RunAsync("names", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "pairs", "resolve", "list", "show", "merge", "split", "judge" })
        {
            Assert.Contains(verb, run.Output, StringComparison.Ordinal);
        }
    }
}
