using Rapporteur.Core.Domain;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Documents;

/// <summary>
/// Turns a read source into documents: drops furniture lines, splits listings into articles,
/// and keeps an offset map from every document character to the same character of the source text.
/// </summary>
public static partial class DocumentSegmenter
{
    public static IReadOnlyList<Document> Segment(Read read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var text = read.Text;
        var lines = TextLine.Split(text);
        var marks = FurnitureCleaner.Classify(text, lines);
        var kept = marks.Select(m => m == Furniture.None).ToArray();
        var hadPaging = marks.Contains(Furniture.Paging);
        var starts = read.ArticleStarts.Count >= 2
            ? read.ArticleStarts.Select(offset => FirstLineFrom(lines, offset)).Where(i => i >= 0).Distinct().ToList()
            : ListingSplitter.ArticleStarts(text, lines, kept, hadPaging);
        var published = read.PublishedAt is { } at ? DatePoint.Of(DateOnly.FromDateTime(at.UtcDateTime)) : (DatePoint?)null;

        var documents = new List<Document>();
        if (starts.Count == 0)
        {
            var single = Build(text, lines, kept, 0, lines.Count);
            if (single is not null)
            {
                var title = read.Title ?? FirstLineTitle(single.Value.Text);
                documents.Add(new Document { Text = single.Value.Text, Map = single.Value.Map, Title = title, Published = published, Language = read.Language, Ordinal = 0 });
            }
            return documents;
        }
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : lines.Count;
            var part = Build(text, lines, kept, starts[k], end);
            if (part is null)
            {
                continue;
            }
            var title = FirstLineTitle(part.Value.Text) ?? lines[starts[k]].Of(text).Trim().ToString();
            documents.Add(new Document { Text = part.Value.Text, Map = part.Value.Map, Title = title, Published = published, Language = read.Language, Ordinal = documents.Count });
        }
        return documents;
    }

    // Lines are in text order, so the line an article starts on is found by bisection: a listing
    // with a hundred thousand articles must not cost a scan of every line per article.
    private static int FirstLineFrom(List<TextLine> lines, int offset)
    {
        int lo = 0, hi = lines.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (lines[mid].Start >= offset)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo < lines.Count ? lo : -1;
    }

    // The headline is the first line before the lead paragraph that reads like one: a few words,
    // no full stop, no date (mastheads, datelines and "Published:" lines come before it).
    private static string? FirstLineTitle(string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].Trim();
            if (line.Length >= 200)
            {
                return null;
            }
            if (line.IsEmpty || line.Contains('|') || line[^1] is '.' or ',' or ';' || DateLike().IsMatch(line))
            {
                continue;
            }
            var words = line.Count(' ') + 1;
            if (words >= 4 && words <= 30 && char.IsUpper(line[0]))
            {
                return line.ToString();
            }
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:19|20)\d\d\b|^(?:published|updated|posted|by)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DateLike();

    // Kept lines are copied with their own line breaks; consecutive blank lines collapse to one.
    private static (string Text, OffsetMap Map)? Build(string text, List<TextLine> lines, bool[] kept, int from, int to)
    {
        var builder = new System.Text.StringBuilder();
        var runs = new List<OffsetMap.Run>();
        var lastBlank = true;
        for (var i = from; i < to; i++)
        {
            if (!kept[i])
            {
                continue;
            }
            var line = lines[i];
            var blank = TextLine.IsBlank(line.Of(text));
            if (blank && lastBlank)
            {
                continue;
            }
            lastBlank = blank;
            var start = blank ? line.End : line.Start;
            var length = (blank ? 0 : line.Length) + line.BreakLength;
            if (length == 0)
            {
                continue;
            }
            runs.Add(new OffsetMap.Run(builder.Length, start, length));
            builder.Append(text, start, length);
        }
        // Trailing blank lines add nothing.
        while (runs.Count > 0 && TextLine.IsBlank(text.AsSpan(runs[^1].SourceStart, runs[^1].Length)))
        {
            builder.Length -= runs[^1].Length;
            runs.RemoveAt(runs.Count - 1);
        }
        if (builder.Length == 0 || TextLine.IsBlank(builder.ToString()))
        {
            return null;
        }
        return (builder.ToString(), new OffsetMap(runs));
    }
}
