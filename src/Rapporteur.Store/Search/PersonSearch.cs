using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Names;

namespace Rapporteur.Store.Search;

/// <summary>
/// Search by any spelling: the longest run of query words (up to three) that is a person's
/// spelling, or has the key of one (Холиқов finds Kholiqov), is replaced by one group holding
/// every spelling of the persons it names, so the full-text engine finds the documents that
/// write them in any script or romanisation.
/// </summary>
public sealed class PersonSearch(RapporteurDb db)
{
    private const int LongestName = 3;

    public async Task<PersonQuery> ExpandAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = query.Split((char[])[' ', '\t', '\u00A0', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var length = Math.Min(LongestName, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                var span = string.Join(' ', words[start..(start + length)]);
                var persons = await PersonsNamedAsync(span, cancellationToken);
                if (persons.Count == 0)
                {
                    continue;
                }
                var hits = await HitsAsync(persons, cancellationToken);
                var name = new List<string> { span };
                name.AddRange(hits.SelectMany(h => h.Spellings.Where(s => Names(h, s))));
                var groups = new List<IReadOnlyList<string>>();
                groups.AddRange(SearchTerms.Of(string.Join(' ', words[..start])).Groups);
                groups.Add(name);
                groups.AddRange(SearchTerms.Of(string.Join(' ', words[(start + length)..])).Groups);
                return new PersonQuery(hits, new SearchTerms(groups));
            }
        }
        return new PersonQuery([], SearchTerms.Of(query));
    }

    // Spelled so, or with the same key; one word is matched as a surname.
    private async Task<List<long>> PersonsNamedAsync(string span, CancellationToken cancellationToken)
    {
        var normal = NameKey.Normalise(span);
        var parts = NameParts.Parse(span);
        var surnameOnly = parts.Single && parts.SurnameKey.Length >= 3 ? parts.SurnameKey : null;
        var fullKey = parts.Given is not null ? parts.FullKey : null;
        return await db.PersonNames.AsNoTracking()
            .Where(n => n.Normalised == normal || (fullKey != null && n.Key == fullKey) || (surnameOnly != null && n.SurnameKey == surnameOnly))
            .Select(n => n.EntityId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    private async Task<List<PersonHit>> HitsAsync(List<long> persons, CancellationToken cancellationToken)
    {
        var names = await db.PersonNames.AsNoTracking()
            .Where(n => persons.Contains(n.EntityId))
            .Select(n => new { n.EntityId, n.Spelling, n.Normalised, n.DocumentId, n.Entity!.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. names
            .GroupBy(n => n.EntityId)
            .Select(g => new PersonHit(
                g.Key,
                g.First().DisplayName,
                [.. g.GroupBy(n => n.Normalised, StringComparer.Ordinal).Select(s => s.First().Spelling).Order(StringComparer.Ordinal)],
                g.Select(n => n.DocumentId).Distinct().Count()))
            .OrderByDescending(h => h.Documents)
            .ThenBy(h => h.Id)];
    }

    // A spelling that names the person on its own: a full name, or their surname alone; a given name alone would find everyone so named.
    private static bool Names(PersonHit person, string spelling)
    {
        var parts = NameParts.Parse(spelling);
        if (!parts.Single)
        {
            return true;
        }
        return person.Spellings.Select(NameParts.Parse).Any(p => !p.Single && p.SurnameKeys.Contains(parts.SurnameKey));
    }
}
