using Rapporteur.Core.Names;

namespace Rapporteur.Bench;

/// <summary>
/// How well a resolution matches who the records really are, over mentions: purity is the share
/// of mentions in a person whose majority is their own true person; completeness is the share of
/// mentions in the person that holds most of their true person's mentions.
/// </summary>
public static class ResolutionScore
{
    public static (double Purity, double Completeness) Of(Resolution resolution, IReadOnlyList<int> truth)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentNullException.ThrowIfNull(truth);
        long total = 0, pure = 0;
        var byTruth = new Dictionary<int, Dictionary<int, int>>();
        for (var p = 0; p < resolution.Persons.Count; p++)
        {
            var counts = resolution.Persons[p].Spellings.GroupBy(s => truth[s.Record]).Select(g => (g.Key, Count: g.Count())).ToList();
            pure += counts.Max(c => c.Count);
            total += counts.Sum(c => c.Count);
            foreach (var (who, n) in counts)
            {
                if (!byTruth.TryGetValue(who, out var found))
                {
                    byTruth[who] = found = [];
                }
                found[p] = found.GetValueOrDefault(p) + n;
            }
        }
        var complete = byTruth.Values.Sum(f => (long)f.Values.Max());
        return (pure / (double)total, complete / (double)total);
    }
}
