using System.Text;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Tests.Search;

/// <summary>
/// What search promises on either engine: accents and case folded in every script, titles weighed
/// above text. Invented articles about invented people; a fresh database per test.
/// </summary>
public abstract class SearchTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : SearchTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : SearchTests(StoreKind.Postgres);

    private static readonly DateTimeOffset Captured = new(2025, 9, 2, 8, 0, 0, TimeSpan.Zero);


    private async Task IngestAsync(string origin, string text)
    {
        var outcomes = await new Ingestion(Db, SourceReaders.Default, TimeProvider.System)
            .IngestAsync(new SourceInput(Encoding.UTF8.GetBytes(text), origin, Captured, "text/plain"), CancellationToken.None);
        Assert.IsType<IngestedNew>(Assert.Single(outcomes));
    }

    private Task<IReadOnlyList<Store.Search.SearchHit>> SearchAsync(string query) => Database.SearchIndex(Db).SearchAsync(query, 10, CancellationToken.None);

    [Fact]
    public async Task A_word_in_the_title_ranks_above_the_same_word_in_the_text_alone()
    {
        await IngestAsync("text.txt", "Teachers Meet in Naryn\n\nTeachers from the villages met in Naryn on Monday. One of them, Aizada Beishenalieva, said she had been warned by the district office after she spoke about the Tokmok clinic.");
        await IngestAsync("title.txt", "Tokmok Clinic Closed\n\nThe regional health department closed the free clinic on Friday, its doctor said. Patients were told to travel to Bishkek.");

        var hits = await SearchAsync("tokmok");

        Assert.Equal(["title.txt", "text.txt"], hits.Select(h => h.Origin));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task Accents_are_ignored_on_both_sides()
    {
        await IngestAsync("accents.txt", "Journalist Questioned\n\nThe journalist Zarína Ergashéva was questioned for six hours in Samarkand on Tuesday.");

        Assert.Equal("accents.txt", Assert.Single(await SearchAsync("Zarina Ergasheva")).Origin);
        Assert.Equal("accents.txt", Assert.Single(await SearchAsync("ergashéva")).Origin);
    }

    [Fact]
    public async Task Cyrillic_is_found_whatever_its_case_and_marked_in_the_snippet()
    {
        await IngestAsync("cyrillic.txt", "Обыск в Худжанде\n\nВ Худжанде провели обыск в квартире правозащитницы Мавджуды Рахимовой, сообщили её коллеги.");

        var hit = Assert.Single(await SearchAsync("РАХИМОВОЙ"));

        Assert.Equal("cyrillic.txt", hit.Origin);
        Assert.Contains("\u0002Рахимовой\u0003", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snippet_cut_from_a_long_text_says_so_and_a_whole_short_one_does_not()
    {
        await IngestAsync("long.txt", "Hearing Postponed in Andijan\n\nThe hearing was postponed again on Monday because the judge was on leave, the relatives said outside the building. They had travelled from Namangan for the fourth time this year to see the lawyer Dilfuza Saidakhmedova argue for the release of her client, who has been held since March. The next date has not been set, and the court did not answer questions from the family or from the local press.");
        await IngestAsync("short.txt", "Lawyer Warned\n\nThe lawyer Dilnoza Saidakhmedova was warned by the bar.");

        var hits = await SearchAsync("Saidakhmedova");

        var cut = Assert.Single(hits, h => h.Origin == "long.txt").Snippet;
        Assert.StartsWith("…", cut, StringComparison.Ordinal);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Contains("\u0002Saidakhmedova\u0003", cut, StringComparison.Ordinal);
        var whole = Assert.Single(hits, h => h.Origin == "short.txt").Snippet;
        Assert.DoesNotContain("…", whole, StringComparison.Ordinal);
        Assert.StartsWith("Lawyer Warned", whole, StringComparison.Ordinal);
        Assert.EndsWith("The lawyer Dilnoza \u0002Saidakhmedova\u0003 was warned by the bar.", whole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snippet_at_either_end_of_a_long_text_is_cut_on_the_other_side_only()
    {
        await IngestAsync("start.txt", "Rakhmonova Freed\n\nThe journalist was freed on Monday after eleven days in custody, her colleagues said. The prosecutor has not said whether the charges of spreading false information will be dropped, and her equipment has not been returned to the newspaper.");
        await IngestAsync("end.txt", "Verdict in Kulob\n\nThe court in Kulob heard the last witnesses on Tuesday and gave its verdict on Thursday after a short break. Relatives waited outside the building for most of the day, and several of them were asked to leave by the police. In the end the judge released Rakhmonova on bail!");

        var hits = await SearchAsync("Rakhmonova");

        var start = Assert.Single(hits, h => h.Origin == "start.txt").Snippet;
        Assert.StartsWith("\u0002Rakhmonova\u0003 Freed", start, StringComparison.Ordinal);
        Assert.EndsWith("…", start, StringComparison.Ordinal);
        var end = Assert.Single(hits, h => h.Origin == "end.txt").Snippet;
        Assert.StartsWith("…", end, StringComparison.Ordinal);
        Assert.EndsWith("the judge released \u0002Rakhmonova\u0003 on bail!", end, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phrase_of_a_persons_name_needs_its_words_side_by_side()
    {
        await IngestAsync("together.txt", "Activist Fined\n\nA court in Termez fined the activist Sanjar Khudoyberdiev on Wednesday.");
        await IngestAsync("apart.txt", "Two Bloggers Summoned\n\nSanjar Tursunov and Ilhom Khudoyberdiev were summoned by the police in Termez.");

        var hits = await Database.SearchIndex(Db).SearchAsync(new Store.Search.SearchTerms([["Sanjar Khudoyberdiev"]]), 10, CancellationToken.None);

        Assert.Equal("together.txt", Assert.Single(hits).Origin);
    }
}
