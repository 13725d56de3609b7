using System.Text;

namespace Rapporteur.Core.Names;

/// <summary>
/// Clusters organisation names by their normalised form (case, punctuation, a leading "the",
/// script) and by acronym: an acronym stands for the one long name that declares it in
/// parentheses, or failing that the one long name whose initials it is (HRW, Human Rights
/// Watch). An acronym that fits two organisations joins neither. Pure and deterministic.
/// </summary>
public static class OrganizationResolver
{
    private static readonly HashSet<string> Minor = new(StringComparer.Ordinal) { "of", "for", "the", "and", "in", "on", "to", "at", "a", "an" };

    public static IReadOnlyList<ResolvedOrganization> Resolve(IReadOnlyList<OrganizationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var read = records.Select(r => Read(r.Name)).ToList();
        // One group per normalised long name, or per acronym written alone.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var key = read[i].Key.Length > 0 ? read[i].Key : "#" + read[i].Acronym;
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = groups.Count;
            }
            groupOf[i] = g;
        }
        var parent = Enumerable.Range(0, groups.Count).ToArray();
        int Find(int g) => parent[g] == g ? g : parent[g] = Find(parent[g]);
        // Acronyms declared in parentheses, then initials of long names, each only when it points one way.
        var declared = Candidates(read.Select((r, i) => (r.Acronym, Key: r.Key.Length > 0 ? r.Key : null, Group: groupOf[i])));
        var initials = Candidates(read.Select((r, i) => ((string?)Initials(r.Key), Key: r.Key.Length > 0 ? r.Key : null, Group: groupOf[i])));
        for (var i = 0; i < records.Count; i++)
        {
            // Only an acronym written alone is joined by it; long names join by their keys.
            if (read[i].Acronym is not { } acronym || read[i].Key.Length > 0)
            {
                continue;
            }
            var targets = declared.GetValueOrDefault(acronym) ?? initials.GetValueOrDefault(acronym);
            if (targets is { Count: > 1 } && initials.GetValueOrDefault(acronym) is { } byInitials)
            {
                // Declared by several long names (one caught with words around it): the one whose initials it is.
                targets = [.. targets.Intersect(byInitials)];
            }
            if (targets is { Count: 1 })
            {
                parent[Find(groupOf[i])] = Find(targets.Single());
            }
        }
        return [.. Enumerable.Range(0, records.Count)
            .GroupBy(i => Find(groupOf[i]))
            .OrderBy(g => g.Min())
            .Select(g =>
            {
                var members = g.ToList();
                var name = members.Where(i => read[i].Key.Length > 0).GroupBy(i => read[i].Long).OrderByDescending(n => n.Count()).ThenBy(n => n.Min()).Select(n => n.Key).FirstOrDefault()
                    ?? records[members[0]].Name.Trim();
                var acronym = members.Select(i => read[i].Acronym).OfType<string>().GroupBy(a => a).OrderByDescending(a => a.Count()).Select(a => a.Key).FirstOrDefault();
                return new ResolvedOrganization(name, acronym?.ToUpperInvariant(), members);
            })];
    }

    // Acronym -> the groups of long names it could stand for.
    private static Dictionary<string, HashSet<int>> Candidates(IEnumerable<(string? Acronym, string? Key, int Group)> items)
    {
        var found = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (acronym, key, group) in items)
        {
            if (acronym is { Length: >= 2 } && key is not null)
            {
                if (!found.TryGetValue(acronym, out var set))
                {
                    found[acronym] = set = [];
                }
                set.Add(group);
            }
        }
        return found;
    }

    /// <summary>
    /// A name read for comparison: the long name as written (without its acronym), its key (lower
    /// case Latin words without punctuation or a leading "the"), and its acronym, lower case.
    /// </summary>
    public static (string Long, string Key, string? Acronym) Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = string.Join(' ', name.Split((char[])[' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        string? acronym = null;
        var open = text.LastIndexOf('(');
        if (open > 0 && text.EndsWith(')') && text[(open + 1)..^1] is { Length: >= 2 and <= 10 } inner && inner.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-'))
        {
            acronym = inner.ToLowerInvariant();
            text = text[..open].TrimEnd();
        }
        else if (text.Length is >= 2 and <= 10 && text.All(c => char.IsUpper(c) || char.IsDigit(c)))
        {
            return (text, "", text.ToLowerInvariant());
        }
        var key = new StringBuilder(text.Length);
        foreach (var word in NameKey.Romanise(text).ToLowerInvariant().Split((char[])[' ', '-', '–', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsLetterOrDigit)]);
            if (letters.Length == 0 || (key.Length == 0 && letters == "the"))
            {
                continue;
            }
            key.Append(key.Length > 0 ? " " : "").Append(letters);
        }
        return (text, key.ToString(), acronym);
    }

    private static string? Initials(string key)
    {
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Minor.Contains(w)).ToList();
        return words.Count >= 2 ? string.Concat(words.Select(w => w[0])) : null;
    }
}
