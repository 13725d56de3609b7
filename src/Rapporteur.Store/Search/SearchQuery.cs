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
    public static string ToFts5(string query) => string.Join(' ', Terms(query).Select(t => "\"" + t + "\""));
}
