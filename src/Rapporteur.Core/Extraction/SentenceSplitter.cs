using System.Collections.Frozen;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction;

/// <summary>Sentences of a text as spans: a line break always ends one; so does . ! ? before a capital, except after an abbreviation or an initial.</summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "Mr", "Ms", "Mrs", "Dr", "St", "No", "Art", "Arts", "Jr", "Sr", "Gen", "Col", "Lt", "Capt", "Prof", "vs", "etc", "e.g", "i.e", "U.S", "U.N", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "Inc", "Ltd", "Co", "Corp", "para", "p", "pp", "Rep", "Sen", "Gov", "Amb",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<Span> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Span>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(sentences, text, start, i);
                start = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }
            var j = i + 1;
            while (j < text.Length && text[j] is '"' or '\'' or '”' or '’' or ')' or '»')
            {
                j++;
            }
            if (j >= text.Length || !(text[j] == ' ' || text[j] == '\u00A0'))
            {
                continue;
            }
            var k = j;
            while (k < text.Length && (text[k] == ' ' || text[k] == '\u00A0'))
            {
                k++;
            }
            if (k >= text.Length || !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '‘' or '«' or '('))
            {
                continue;
            }
            if (c == '.' && IsAbbreviation(text, i))
            {
                continue;
            }
            Add(sentences, text, start, j);
            start = k;
            i = k - 1;
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var s = dot - 1;
        while (s >= 0 && (char.IsLetter(text[s]) || text[s] == '.'))
        {
            s--;
        }
        var word = text.AsSpan(s + 1, dot - s - 1);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "F. Karimov"
        }
        return Abbreviations.Contains(word.ToString());
    }

    private static void Add(List<Span> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            sentences.Add(Span.FromBounds(start, end));
        }
    }
}
