using System.Buffers;

namespace Rapporteur.Core.Extraction;

/// <summary>
/// The literal words a lexicon pattern's matches must start with. When every alternative of the
/// pattern opens with three or more plain characters ("arrest(?:ed|s)?" opens with "arrest"), a
/// text that contains none of those openings cannot match, and one vectorised search over it
/// costs far less than running the pattern. Most texts lack most event words, so most patterns
/// are never run over them.
/// </summary>
public static class LiteralLeads
{
    private const int Shortest = 3;

    /// <summary>
    /// The openings of each top-level alternative of <paramref name="alternatives"/>, compared
    /// ignoring case; null when some alternative opens with anything but plain ASCII text, so
    /// that nothing can be ruled out. Patterns with comments, or with a class that opens with
    /// "]", are not split at all: they also give null.
    /// </summary>
    public static SearchValues<string>? Of(string alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        if (alternatives.Contains("(?#", StringComparison.Ordinal) || alternatives.Contains("[]", StringComparison.Ordinal) || alternatives.Contains("[^]", StringComparison.Ordinal))
        {
            return null;
        }
        var leads = new List<string>();
        foreach (var alternative in TopLevel(alternatives))
        {
            var lead = Opening(alternative);
            // Beyond ASCII, the engine's case folding and the ordinal one part ways (ß, Å, Ω).
            if (lead.Length < Shortest || !System.Text.Ascii.IsValid(lead))
            {
                return null;
            }
            leads.Add(lead);
        }
        return leads.Count == 0 ? null : SearchValues.Create([.. leads.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a text may hold a match of a pattern with these leads. The one letter the regular
    /// expression engine folds and an ordinal comparison does not is the Kelvin sign (a "k"):
    /// a text with one is always run.
    /// </summary>
    public static bool MayMatch(SearchValues<string>? leads, ReadOnlySpan<char> text) =>
        leads is null || text.IndexOfAny(leads) >= 0 || text.Contains('\u212A');

    // Split at the | that are outside groups and character classes.
    private static List<string> TopLevel(string pattern)
    {
        var parts = new List<string>();
        var depth = 0;
        var inClass = false;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(pattern[start..]);
        return parts;
    }

    // The plain characters an alternative opens with; a quantifier takes back the character it applies to.
    private static string Opening(string alternative)
    {
        var end = 0;
        while (end < alternative.Length)
        {
            var c = alternative[end];
            if (c is '?' or '*' or '+' or '{')
            {
                return alternative[..Math.Max(0, end - 1)];
            }
            if (c is '\\' or '(' or ')' or '[' or ']' or '|' or '.' or '^' or '$' or '#' || char.IsWhiteSpace(c) && c != ' ')
            {
                break;
            }
            end++;
        }
        return alternative[..end];
    }
}
