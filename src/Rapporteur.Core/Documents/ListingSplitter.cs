namespace Rapporteur.Core.Documents;

/// <summary>
/// Finds where the articles of a listing page begin. A page is a listing when it had paging
/// furniture and at least two headlines, or when three or more headlines each head exactly one
/// paragraph (a report's section headings head several).
/// </summary>
public static class ListingSplitter
{
    private const int MinLeadLength = 200;

    /// <param name="text">The source text.</param>
    /// <param name="lines">Its lines.</param>
    /// <param name="kept">Which lines survive cleaning.</param>
    /// <param name="hadPaging">Whether cleaning removed a paging line.</param>
    /// <returns>Indexes of the lines that start an article; empty when the page is one article.</returns>
    public static IReadOnlyList<int> ArticleStarts(string text, IReadOnlyList<TextLine> lines, IReadOnlyList<bool> kept, bool hadPaging)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(kept);
        var blocks = new List<(int Line, bool Headline)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!kept[i] || TextLine.IsBlank(lines[i].Of(text)))
            {
                continue;
            }
            var next = NextKept(text, lines, kept, i);
            // Behind paging furniture, sentence-case headlines count too ("Blogger detained in Osh after a video").
            var isHeadline = next >= 0 && lines[next].Length >= MinLeadLength && (IsHeadline(lines[i].Of(text)) || (hadPaging && IsPlainHeadline(lines[i].Of(text))));
            blocks.Add((i, isHeadline));
        }
        var headlines = blocks.Where(b => b.Headline).Select(b => b.Line).ToList();
        if (headlines.Count < 2)
        {
            return [];
        }
        if (hadPaging)
        {
            return headlines;
        }
        if (headlines.Count < 3)
        {
            return [];
        }
        // Strict alternation: headline, one paragraph, headline, one paragraph...
        var first = blocks.FindIndex(b => b.Headline);
        for (var k = first; k < blocks.Count; k++)
        {
            var expectHeadline = (k - first) % 2 == 0;
            if (blocks[k].Headline != expectHeadline)
            {
                return [];
            }
        }
        return headlines;
    }

    private static int NextKept(string text, IReadOnlyList<TextLine> lines, IReadOnlyList<bool> kept, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (kept[j] && !TextLine.IsBlank(lines[j].Of(text)))
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>A short line of words that starts with a capital and does not end like a sentence.</summary>
    public static bool IsPlainHeadline(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length is < 12 or > 180 || !char.IsUpper(line[0]) || line[^1] is '.' or ',' or ';' or ':' or '"' or '”' or '»')
        {
            return false;
        }
        var words = 0;
        foreach (var range in line.Split(' '))
        {
            words += line[range].IsEmpty ? 0 : 1;
        }
        return words is >= 3 and <= 30;
    }

    /// <summary>A headline: a plain headline in which at least half the words are capitalised.</summary>
    public static bool IsHeadline(ReadOnlySpan<char> line)
    {
        if (!IsPlainHeadline(line))
        {
            return false;
        }
        line = line.Trim();
        var words = 0;
        var capitalised = 0;
        foreach (var range in line.Split(' '))
        {
            var word = line[range];
            if (word.IsEmpty)
            {
                continue;
            }
            words++;
            if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
            {
                capitalised++;
            }
        }
        return capitalised * 2 >= words;
    }
}
