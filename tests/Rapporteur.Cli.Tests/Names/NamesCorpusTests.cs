using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Names;
using Rapporteur.Store;

namespace Rapporteur.Cli.Tests.Names;

/// <summary>The shared corpus, ingested as a user would: persons resolved across its documents. It must be there.</summary>
public abstract class NamesCorpusTests : IDisposable
{
    public sealed class OnSqlite() : NamesCorpusTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : NamesCorpusTests(StoreKind.Postgres);

    private readonly string root = Path.Combine(Path.GetTempPath(), "rcli-" + Guid.NewGuid().ToString("N")[..8]);

    private readonly TestDatabases databases;

    protected NamesCorpusTests(StoreKind kind)
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

    [Fact]
    public async Task The_person_of_documents_000_and_001_is_one_entity_with_both_romanisations_of_the_surname()
    {
        var run = await CliRun.RunAsync("ingest", RepositoryRoot.CorpusDocs, "--db", Db);
        Assert.Equal(RapporteurCli.Success, run.ExitCode);

        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        var names = await db.PersonNames.AsNoTracking()
            .Join(db.Documents, n => n.DocumentId, d => d.Id, (n, d) => new { n.EntityId, n.Spelling, n.Key, d.Source!.Origin })
            .ToListAsync();
        static string Document(string origin) => Path.GetFileName(origin)[..4];
        // Persons with two or more different spellings of one key, written across documents 000 and 001.
        var persons = names
            .Where(n => Document(n.Origin) is "000_" or "001_")
            .GroupBy(n => (n.EntityId, n.Key))
            .Where(g => g.Select(n => n.Spelling).Distinct(StringComparer.Ordinal).Count() >= 2 && g.Select(n => Document(n.Origin)).Distinct().Count() == 2)
            .Select(g => g.Key.EntityId)
            .Distinct()
            .ToList();

        var person = Assert.Single(persons);
        var surnames = names.Where(n => n.EntityId == person).Select(n => NameParts.Parse(n.Spelling).Surname).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // The two romanisations of the Tajik қ: one with q, one with k, otherwise the same letters.
        var withQ = Assert.Single(surnames, s => s.Contains('q', StringComparison.Ordinal) && surnames.Contains(s.Replace('q', 'k')));
        Assert.Equal([person], names.Where(n => n.Spelling.Contains(withQ, StringComparison.Ordinal) || n.Spelling.Contains(withQ.Replace('q', 'k'), StringComparison.Ordinal)).Select(n => n.EntityId).Distinct());
    }

    [Fact]
    public async Task People_who_share_a_surname_but_not_a_given_name_stay_apart()
    {
        await CliRun.RunAsync("ingest", RepositoryRoot.CorpusDocs, "--db", Db);

        await using var db = await Database.OpenAsync(Db, CancellationToken.None);
        var full = (await db.PersonNames.AsNoTracking().Select(n => new { n.EntityId, n.Spelling, n.SurnameKey }).ToListAsync())
            .Where(n => NameParts.Parse(n.Spelling).Given is not null)
            .ToList();
        // Pairs with one surname key whose given names (or gender endings) rule them apart.
        var apart = full.SelectMany(x => full.Where(y => string.CompareOrdinal(x.Spelling, y.Spelling) < 0 && x.SurnameKey == y.SurnameKey && NameMatcher.Default.Compare(x.Spelling, y.Spelling).Conflict), (x, y) => (x, y)).ToList();

        Assert.NotEmpty(apart);
        Assert.All(apart, pair => Assert.NotEqual(pair.x.EntityId, pair.y.EntityId));
    }
}
