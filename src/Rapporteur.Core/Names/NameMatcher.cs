using F23.StringSimilarity;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>
/// Scores two full names (0..1) and decides whether they can name the same person. Names are
/// read into parts (given, surname, patronymic, initials) in either order; each part is compared
/// on its keys with a romanisation-weighted edit distance; a name matches as well as its weakest
/// part. What a name states rules a pair apart outright: opposite gender endings (-ova, -ov;
/// -kyzy, -uly), initials or patronymics that disagree, and given names that differ beyond
/// spelling (Dana, Dina) or by a gender ending (Aziz, Aziza).
/// </summary>
public sealed class NameMatcher
{
    /// <summary>Scores at or above this are "same".</summary>
    public const double Threshold = 0.5;

    public static NameMatcher Default { get; } = new();

    private readonly WeightedLevenshtein distance = new(RomanisationCosts.Instance, RomanisationCosts.Instance);

    /// <summary>The weighted edit distance between two keys: 0 for equal keys, about 1 per unexplained letter.</summary>
    public double Distance(string a, string b) => Distance(a, b, double.MaxValue);

    // Past the limit the exact figure does not matter; lengths alone can show it is out of reach.
    private double Distance(string a, string b, double limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b)
        {
            return 0;
        }
        if (Math.Abs(a.Length - b.Length) * RomanisationCosts.CheapestEdit >= limit)
        {
            return limit;
        }
        return distance.Distance(a, b, limit);
    }

    public NameMatch Compare(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compare(NameParts.Readings(a), NameParts.Readings(b));
    }

    /// <summary>
    /// The best match over every reading of each name (given and surname either way round when
    /// the order is unclear); a conflict only when every reading of the pair has one.
    /// </summary>
    public NameMatch Compare(IReadOnlyList<NameParts> a, IReadOnlyList<NameParts> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        NameMatch? best = null;
        var conflict = true;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var m = Compare(x, y);
                conflict &= m.Conflict;
                if (best is null || m.Score > best.Value.Score)
                {
                    best = m;
                }
            }
        }
        return best is { } found ? found with { Conflict = conflict } : new NameMatch(0, false, "no name");
    }

    /// <summary>
    /// Whether what the names state rules them apart in every reading (gender endings, given
    /// names, initials, patronymics), without weighing the surnames: the same answer as
    /// <see cref="Compare(IReadOnlyList{NameParts}, IReadOnlyList{NameParts})"/>'s Conflict, for less work.
    /// </summary>
    public bool Conflicts(IReadOnlyList<NameParts> a, IReadOnlyList<NameParts> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (ConflictOf(x, y) is null)
                {
                    return false;
                }
            }
        }
        return a.Count > 0 && b.Count > 0;
    }

    public NameMatch Compare(NameParts a, NameParts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SurnameKey.Length == 0 || b.SurnameKey.Length == 0)
        {
            return new NameMatch(0, false, "no surname");
        }
        // Given names first: they are short, and when they rule the pair apart the surnames need no weighing.
        var (given, givenConflict) = GivenSimilarity(a, b);
        if (givenConflict is not null)
        {
            return Apart(given, givenConflict);
        }
        var surname = Similarity(SurnameDistance(a.SurnameKeys, b.SurnameKeys), SurnameAllowance(a.SurnameKey, b.SurnameKey));
        if (ConflictOf(a, b, null) is { } conflict)
        {
            return Apart(Math.Min(surname, given), conflict);
        }
        var weakest = Math.Min(surname, given);
        if (weakest < Threshold)
        {
            return new NameMatch(weakest * 0.98, false, "surnames differ");
        }
        var mean = (0.6 * surname) + (0.4 * given);
        return new NameMatch((weakest + mean) / 2, false, surname >= 1 && given >= 1 ? "same keys" : "close spellings");
    }

    private string? ConflictOf(NameParts a, NameParts b) =>
        a.SurnameKey.Length == 0 || b.SurnameKey.Length == 0 ? null : ConflictOf(a, b, GivenSimilarity(a, b).Conflict);

    private string? ConflictOf(NameParts a, NameParts b, string? givenConflict)
    {
        if ((a.Gender != Gender.Unknown && b.Gender != Gender.Unknown && a.Gender != b.Gender) || GenderPair(a.SurnameKey, b.SurnameKey))
        {
            return "gender endings differ";
        }
        return givenConflict ?? PatronymicConflict(a, b);
    }

    // A rule, not a near miss, separates the two: the score stays well under the threshold.
    private static NameMatch Apart(double similarity, string reason) => new(Math.Min(similarity * 0.98, 0.3), true, reason);

    // Distance d within the allowance l scores 0.5 or more: 1 at d = 0, 0.5 at d = l, 0 at d = 2l.
    private static double Similarity(double distance, double allowance) => Math.Clamp(1 - (distance / (2 * allowance)), 0, 1);

    // Long surnames absorb one more cheap variant than short ones; a full unexplained letter never passes.
    private static double SurnameAllowance(string a, string b) => Math.Max(0.45, 0.08 * Math.Max(a.Length, b.Length));

    private static double GivenAllowance(string a, string b) => Math.Max(0.45, 0.1 * Math.Max(a.Length, b.Length));

    private double SurnameDistance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var limit = 2 * SurnameAllowance(a[0], b[0]);
        var best = limit;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                best = Math.Min(best, Math.Min(Distance(x, y, best), DroppedSuffix(x, y)));
            }
        }
        return best;
    }

    // Tajik surnames are often written without the Russian -ov (Sharifbekov, Sharifbek).
    private static double DroppedSuffix(string x, string y)
    {
        var (shorter, longer) = x.Length < y.Length ? (x, y) : (y, x);
        if (shorter.Length < 4 || !longer.StartsWith(shorter, StringComparison.Ordinal))
        {
            return double.MaxValue;
        }
        return longer[shorter.Length..] is "ov" or "ev" or "ova" or "eva" ? 0.2 : double.MaxValue;
    }

    private (double Similarity, string? Conflict) GivenSimilarity(NameParts a, NameParts b)
    {
        if (a.Given is not null && b.Given is not null)
        {
            var allowance = GivenAllowance(a.GivenKey, b.GivenKey);
            var best = 2 * allowance;
            foreach (var x in a.GivenKeys)
            {
                foreach (var y in b.GivenKeys)
                {
                    if (GenderPair(x, y))
                    {
                        return (0, "given names differ by a gender ending");
                    }
                    best = Math.Min(best, Distance(x, y, best));
                }
            }
            var similarity = Similarity(best, allowance);
            if (similarity < Threshold && SecondGivenWord(a, b) is { } first)
            {
                // A second given word (a second name, or the father's) that one spelling leaves out.
                similarity = Math.Max(similarity, 0.9 * first);
            }
            return similarity < Threshold ? (similarity, "given names differ") : (similarity, null);
        }
        if (a.GivenInitial is { } ia && b.GivenInitial is { } ib)
        {
            return SameInitial(ia, ib) ? (0.75, null) : (0, "initials differ");
        }
        if (a.GivenInitial is { } i && b.Given is not null)
        {
            return Fits(i, b.Given, b.GivenKeys) ? (0.75, null) : (0, "initial does not fit the given name");
        }
        if (b.GivenInitial is { } j && a.Given is not null)
        {
            return Fits(j, a.Given, a.GivenKeys) ? (0.75, null) : (0, "initial does not fit the given name");
        }
        var aHas = a.Given is not null || a.GivenInitial is not null;
        var bHas = b.Given is not null || b.GivenInitial is not null;
        // One word against one word is a surname against a surname; one word against a full name is a weak match.
        return aHas || bHas ? (0.6, null) : (1, null);
    }

    // The first given word of a name written with two, against a name written with one.
    private double? SecondGivenWord(NameParts a, NameParts b)
    {
        var (longer, shorter) = a.FirstGivenKeys.Count > 0 && b.FirstGivenKeys.Count == 0 ? (a, b) : b.FirstGivenKeys.Count > 0 && a.FirstGivenKeys.Count == 0 ? (b, a) : (null, null);
        if (longer is null || shorter is null)
        {
            return null;
        }
        var allowance = GivenAllowance(longer.FirstGivenKeys[0], shorter.GivenKey);
        var best = 2 * allowance;
        foreach (var x in longer.FirstGivenKeys)
        {
            foreach (var y in shorter.GivenKeys)
            {
                if (GenderPair(x, y))
                {
                    return null;
                }
                best = Math.Min(best, Distance(x, y, best));
            }
        }
        return Similarity(best, allowance);
    }

    // Aziz and Aziza, Yevgeniy and Yevgenia, Nodir and Nodira: the -a makes another (a woman's) name.
    private static bool GenderPair(string x, string y) =>
        x.Length != y.Length && (x.Length > y.Length ? (x, y) : (y, x)) is var (l, s) && s.Length >= 3 && l.Length == s.Length + 1 && l[^1] == 'a' && l.StartsWith(s, StringComparison.Ordinal);

    private string? PatronymicConflict(NameParts a, NameParts b)
    {
        if (a.Patronymic is not null && b.Patronymic is not null)
        {
            var allowance = GivenAllowance(a.PatronymicKey, b.PatronymicKey);
            return Similarity(Distance(a.PatronymicKey, b.PatronymicKey, 2 * allowance), allowance) < Threshold ? "patronymics differ" : null;
        }
        if (a.PatronymicInitial is { } ia && b.PatronymicInitial is { } ib)
        {
            return SameInitial(ia, ib) ? null : "patronymic initials differ";
        }
        if (a.PatronymicInitial is { } i && b.Patronymic is not null)
        {
            return Fits(i, b.Patronymic, [b.PatronymicKey]) ? null : "initial does not fit the patronymic";
        }
        if (b.PatronymicInitial is { } j && a.Patronymic is not null)
        {
            return Fits(j, a.Patronymic, [a.PatronymicKey]) ? null : "initial does not fit the patronymic";
        }
        return null;
    }

    private static bool SameInitial(string a, string b) => a == b || NameParts.InitialKey(a) == NameParts.InitialKey(b);

    // "Y." fits Yerlan as written; "Ye." and "E." fit Ekaterina by key; "Kh." fits Husniddin by key.
    private static bool Fits(string initial, string name, IReadOnlyList<string> keys)
    {
        if (NameKey.Romanise(name).ToLowerInvariant().StartsWith(initial, StringComparison.Ordinal))
        {
            return true;
        }
        var key = NameParts.InitialKey(initial);
        return keys.Any(k => k.StartsWith(key, StringComparison.Ordinal));
    }
}
