using System.Text;

namespace Rapporteur.Store.Search;

/// <summary>Turns what a user typed into terms an engine cannot misread as its own syntax.</summary>
public static class SearchQuery
{
    /// <summary>The words of a query: letters and digits only, lower case.</summary>
    public static IReadOnlyList<string> Terms(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query)
        {
            if (char.IsLetterOrDigit(c) || c is '\u0301')
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }
        return terms;
    }

    /// <summary>An FTS5 MATCH expression: every term must occur; each is quoted.</summary>
    public static string ToFts5(string query) => ToFts5(SearchTerms.Of(query));

    /// <summary>
    /// An FTS5 MATCH expression for groups of phrases: ("a b" OR "c") "d". Each phrase is rebuilt
    /// from its words, so nothing a user or a document wrote can be read as FTS5 syntax.
    /// </summary>
    public static string ToFts5(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var groups = new List<string>();
        foreach (var group in terms.Groups)
        {
            var phrases = group.Select(p => string.Join(' ', Terms(p))).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(p => "\"" + p + "\"").ToList();
            if (phrases.Count == 1)
            {
                groups.Add(phrases[0]);
            }
            else if (phrases.Count > 1)
            {
                groups.Add("(" + string.Join(" OR ", phrases) + ")");
            }
        }
        return string.Join(' ', groups);
    }
}
