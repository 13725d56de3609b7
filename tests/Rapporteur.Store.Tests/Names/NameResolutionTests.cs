using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rapporteur.Core.Names;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Audit;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Names;
using Rapporteur.Store.Search;

namespace Rapporteur.Store.Tests.Names;

/// <summary>
/// Two fictional articles about one invented lawyer, one spelling him in Latin letters and one
/// in Tajik Cyrillic, with his invented relatives; a real SQLite file or PostgreSQL database per test.
/// </summary>
public abstract class NameResolutionTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : NameResolutionTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : NameResolutionTests(StoreKind.Postgres);

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

    private static readonly DateTimeOffset Now = new(2025, 7, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Now);

    private async Task IngestAsync(params (string Name, string Text)[] articles)
    {
        using var ingestion = new Ingestion(Db, SourceReaders.Default, time);
        foreach (var (name, text) in articles)
        {
            await ingestion.IngestAsync(new SourceInput(Encoding.UTF8.GetBytes(text), name, Now, "text/plain"), CancellationToken.None);
        }
        using var extraction = new ExtractionStage(Db, time, ExtractionStage.NewOwner(), TimeSpan.FromMinutes(1));
        await extraction.RunAsync(1, _ => Task.CompletedTask, CancellationToken.None);
    }

    private Task<NamesResolved> ResolveAsync() => new NameResolution(Db).ResolveAsync(CancellationToken.None);

    private NameJudgements Judgements() => new(Db, time);

    private async Task<List<long>> PersonsWrittenAsync(string spelling)
    {
        var normal = NameKey.Normalise(spelling);
        return await Db.PersonNames.AsNoTracking().Where(n => n.Normalised == normal).Select(n => n.EntityId).Distinct().ToListAsync();
    }

    private async Task<List<string>> SpellingsOfAsync(long person) =>
        await Db.PersonNames.AsNoTracking().Where(n => n.EntityId == person).Select(n => n.Spelling).Distinct().OrderBy(s => s).ToListAsync();

    [Fact]
    public async Task One_person_written_in_Latin_and_Cyrillic_is_one_entity_with_both_spellings()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));

        await ResolveAsync();

        var person = Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"));
        Assert.Equal([person], await PersonsWrittenAsync("Бахтиёр Қодирзода"));
        var spellings = await SpellingsOfAsync(person);
        Assert.Contains("Bakhtiyor Qodirzoda", spellings);
        Assert.Contains("Бахтиёр Қодирзода", spellings);
        var row = await Db.PersonNames.AsNoTracking().FirstAsync(n => n.Spelling == "Бахтиёр Қодирзода");
        Assert.Equal("cyrillic", row.Script);
        var document = await Db.Documents.AsNoTracking().SingleAsync(d => d.Id == row.DocumentId);
        Assert.Equal("Бахтиёр Қодирзода", document.Text.Substring(row.EvidenceStart, row.EvidenceLength));
    }

    [Fact]
    public async Task Relatives_who_share_the_surname_are_entities_of_their_own()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));

        await ResolveAsync();

        var lawyer = Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"));
        var wife = Assert.Single(await PersonsWrittenAsync("Nilufar Qodirzoda"));
        var brother = Assert.Single(await PersonsWrittenAsync("Farhod Qodirzoda"));
        Assert.Equal(3, new[] { lawyer, wife, brother }.Distinct().Count());
    }

    [Fact]
    public async Task A_different_judgement_separates_them_and_holds_after_re_ingestion()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));
        await ResolveAsync();

        var outcome = await Judgements().JudgeAsync("Bakhtiyor Qodirzoda", "Бахтиёр Қодирзода", Verdict.Different, "researcher", CancellationToken.None);

        Assert.IsType<Judged>(outcome);
        Assert.NotEqual(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"), await PersonsWrittenAsync("Бахтиёр Қодирзода"));
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic), ("third.txt", Third));
        await ResolveAsync();
        var latin = Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"));
        var cyrillic = Assert.Single(await PersonsWrittenAsync("Бахтиёр Қодирзода"));
        Assert.NotEqual(latin, cyrillic);
        Assert.Contains(Assert.Single(await PersonsWrittenAsync("Bakhtiyor Kodirzoda")), new[] { latin, cyrillic });
    }

    [Fact]
    public async Task A_judgement_records_who_and_when_with_an_audit_entry_in_a_verified_chain()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));
        await ResolveAsync();

        await Judgements().JudgeAsync("Bakhtiyor Qodirzoda", "Бахтиёр Қодирзода", Verdict.Different, "researcher", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await Judgements().JudgeAsync("Bakhtiyor Qodirzoda", "Бахтиёр Қодирзода", Verdict.Same, "editor", CancellationToken.None);

        var judgement = await Db.NameJudgements.AsNoTracking().SingleAsync();
        Assert.Equal(("same", "editor", Now.AddMinutes(5)), (judgement.Verdict, judgement.By, judgement.At));
        Assert.Equal(NameParts.Parse("Bakhtiyor Qodirzoda").FullKey, judgement.AKey);
        var audit = await Db.Audit.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["researcher", "editor"], audit.Select(a => a.Actor));
        Assert.True(await AuditLog.VerifyAsync(Db, CancellationToken.None));
        var refused = Kind == StoreKind.Sqlite
            ? (Exception)await Assert.ThrowsAsync<SqliteException>(() => Db.Database.ExecuteSqlRawAsync("UPDATE audit SET \"Actor\" = 'someone else'"))
            : await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Db.Database.ExecuteSqlRawAsync("UPDATE audit SET \"Actor\" = 'someone else'"));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_keeps_every_spelling_and_all_evidence()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));
        await ResolveAsync();
        var before = await Db.PersonNames.AsNoTracking().CountAsync();
        var wife = Assert.Single(await PersonsWrittenAsync("Nilufar Qodirzoda"));
        var brother = Assert.Single(await PersonsWrittenAsync("Farhod Qodirzoda"));

        var outcome = Assert.IsType<Judged>(await Judgements().MergeAsync(wife.ToString(System.Globalization.CultureInfo.InvariantCulture), "Farhod Qodirzoda", "researcher", CancellationToken.None));

        var merged = Assert.Single(outcome.Persons);
        Assert.Contains(merged, new[] { wife, brother });
        Assert.Equal(before, await Db.PersonNames.AsNoTracking().CountAsync());
        Assert.Equal(["Farhod Qodirzoda", "Nilufar Qodirzoda"], await SpellingsOfAsync(merged));
    }

    [Fact]
    public async Task A_split_moves_exactly_the_named_spellings_and_holds()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic), ("third.txt", Third));
        await ResolveAsync();
        var person = Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"));
        var all = await SpellingsOfAsync(person);

        var outcome = Assert.IsType<Judged>(await Judgements().SplitAsync(person, ["Бахтиёр Қодирзода"], "researcher", CancellationToken.None));

        Assert.Equal(2, outcome.Persons.Count);
        var moved = Assert.Single(await PersonsWrittenAsync("Бахтиёр Қодирзода"));
        Assert.Equal(["Бахтиёр Қодирзода"], await SpellingsOfAsync(moved));
        Assert.Equal(person, Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda")));
        Assert.Equal(all.Where(s => s != "Бахтиёр Қодирзода"), await SpellingsOfAsync(person));
        await ResolveAsync();
        Assert.Equal(["Бахтиёр Қодирзода"], await SpellingsOfAsync(Assert.Single(await PersonsWrittenAsync("Бахтиёр Қодирзода"))));
    }

    [Fact]
    public async Task Judging_an_unknown_spelling_records_nothing()
    {
        await IngestAsync(("latin.txt", Latin));
        await ResolveAsync();

        var outcome = await Judgements().JudgeAsync("Bakhtiyor Qodirzoda", "Someone Else", Verdict.Same, "researcher", CancellationToken.None);

        Assert.Contains("Someone Else", Assert.IsType<NotJudged>(outcome).Reason, StringComparison.Ordinal);
        Assert.Empty(await Db.NameJudgements.ToListAsync());
        Assert.Empty(await Db.Audit.ToListAsync());
    }

    [Fact]
    public async Task A_person_keeps_their_id_when_names_are_resolved_again()
    {
        await IngestAsync(("latin.txt", Latin));
        await ResolveAsync();
        var before = Assert.Single(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"));

        await IngestAsync(("cyrillic.txt", Cyrillic));
        await ResolveAsync();

        Assert.Equal(before, Assert.Single(await PersonsWrittenAsync("Бахтиёр Қодирзода")));
    }

    [Fact]
    public async Task Resolving_only_when_pending_does_the_work_once_per_new_document()
    {
        await IngestAsync(("latin.txt", Latin));
        var resolution = new NameResolution(Db);

        var first = await resolution.ResolvePendingAsync(CancellationToken.None);
        var again = await resolution.ResolvePendingAsync(CancellationToken.None);
        await IngestAsync(("cyrillic.txt", Cyrillic));
        var after = await resolution.ResolvePendingAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(again);
        // The second document is read together with the first: one person in both scripts.
        Assert.NotNull(after);
        Assert.Equal(await PersonsWrittenAsync("Bakhtiyor Qodirzoda"), await PersonsWrittenAsync("Бахтиёр Қодирзода"));
        Assert.False(await Db.NamesPending.AnyAsync());
    }

    [Theory]
    [InlineData("Бахтиёр Қодирзода", "latin.txt")]
    [InlineData("Bakhtiyor Qodirzoda", "cyrillic.txt")]
    [InlineData("Bahtiyor Kodirzoda", "cyrillic.txt")]
    public async Task Search_by_any_spelling_finds_the_documents_that_write_it_otherwise(string query, string origin)
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));
        await ResolveAsync();

        var expanded = await new PersonSearch(Db).ExpandAsync(query, CancellationToken.None);
        var hits = await Database.SearchIndex(Db).SearchAsync(expanded.Terms, 10, CancellationToken.None);

        Assert.Equal("Bakhtiyor Qodirzoda", Assert.Single(expanded.Persons).Name);
        Assert.Contains(hits, h => h.Origin == origin);
        Assert.Empty(await Database.SearchIndex(Db).SearchAsync("Nothing Qodirzodov", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Search_terms_of_a_person_are_one_group_of_phrases()
    {
        await IngestAsync(("latin.txt", Latin), ("cyrillic.txt", Cyrillic));
        await ResolveAsync();

        var expanded = await new PersonSearch(Db).ExpandAsync("Бахтиёр Қодирзода court", CancellationToken.None);

        var match = SearchQuery.ToFts5(expanded.Terms);
        Assert.StartsWith("(\"бахтиёр қодирзода\" OR ", match, StringComparison.Ordinal);
        Assert.Contains(" OR \"bakhtiyor qodirzoda\"", match, StringComparison.Ordinal);
        Assert.EndsWith(") \"court\"", match, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_named_in_full_and_by_acronym_is_one_organisation()
    {
        await IngestAsync(
            ("o1.txt", "Kulob Lawyer Barred From Court\n\nThe lawyer Parviz Sharifov was barred from the city court on Tuesday, the Kulob Legal Aid Centre (KLAC) said in a statement.\n"),
            ("o2.txt", "Kulob Lawyer Appeals\n\nParviz Sharifov appealed against the ban on Friday. KLAC said the hearing was closed to the public.\n"));

        var resolved = await ResolveAsync();

        Assert.Equal(1, resolved.Organizations);
        var organisation = await Db.OrganizationEntities.AsNoTracking().Include(o => o.Names).SingleAsync();
        Assert.Equal(("Kulob Legal Aid Centre", "KLAC"), (organisation.DisplayName, organisation.Acronym));
        Assert.Equal(2, organisation.Names.Select(n => n.DocumentId).Distinct().Count());
    }
}
