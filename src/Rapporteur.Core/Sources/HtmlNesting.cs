using System.Text;

namespace Rapporteur.Core.Sources;

/// <summary>
/// Caps how deeply HTML elements nest before the markup reaches the parser. AngleSharp's tree
/// builder costs time quadratic in the depth of open elements (100,000 nested &lt;div&gt; take
/// minutes) and the readability port walks the tree recursively, so tags that would open an
/// element past the cap are dropped, with their matching end tags; the text inside them stays.
/// </summary>
/// <remarks>
/// One linear pass that tracks open elements roughly the way the parser does: void elements
/// never open, raw-text elements (script, style, textarea...) hide their content, and the
/// elements that close themselves in practice (p, li, dt, dd, option, tr, td, th) replace an
/// open sibling. It may overestimate the depth of odd markup, never the text: at worst a page
/// deeper than the cap loses some structure.
/// </remarks>
public static class HtmlNesting
{
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "frame", "basefont", "bgsound",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    // An open element of one of these names is closed by the start of the next one of the same family.
    private static readonly Dictionary<string, string> Siblings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "p", ["li"] = "li", ["dt"] = "d", ["dd"] = "d", ["option"] = "option", ["tr"] = "tr", ["td"] = "t", ["th"] = "t",
    };

    /// <summary>The markup with every tag past <paramref name="maxDepth"/> removed, or the same string when none is.</summary>
    /// <param name="html">The page.</param>
    /// <param name="maxDepth">Open elements allowed at once.</param>
    /// <param name="dropped">How many start tags were removed.</param>
    public static string Cap(string html, int maxDepth, out int dropped)
    {
        ArgumentNullException.ThrowIfNull(html);
        dropped = 0;
        var open = new List<string>();
        // How many elements of each name are open, so a stray end tag costs no search.
        var openCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // Start tags dropped and not yet closed, by name: their end tags are dropped too.
        var droppedOpen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var droppedOpenTotal = 0;
        StringBuilder? kept = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }
            var next = html[lt + 1];
            if (next == '!' || next == '?')
            {
                i = html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal) ? EndOf(html, lt + 4, "-->") : EndOf(html, lt + 2, ">");
                continue;
            }
            var isEnd = next == '/';
            var nameStart = lt + (isEnd ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<" before anything but a letter is text; "</" before one is a bogus comment.
                i = isEnd ? EndOf(html, nameStart, ">") : lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>'))
            {
                nameEnd++;
            }
            var tagEnd = TagEnd(html, nameEnd);
            var name = html[nameStart..nameEnd];
            var drop = false;
            if (isEnd)
            {
                if (droppedOpen.GetValueOrDefault(name) > 0)
                {
                    droppedOpen[name]--;
                    droppedOpenTotal--;
                    drop = true;
                }
                else if (openCount.GetValueOrDefault(name) > 0)
                {
                    // Closes everything opened inside it, dropped tags included. The search is
                    // paid for by the elements it pops, so the pass stays linear.
                    var k = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                    for (var j = k; j < open.Count; j++)
                    {
                        openCount[open[j]]--;
                    }
                    open.RemoveRange(k, open.Count - k);
                    droppedOpen.Clear();
                    droppedOpenTotal = 0;
                }
            }
            else if (!Void.Contains(name))
            {
                // Inside a dropped element a start tag is nested in it, not a sibling of the kept top.
                if (droppedOpenTotal == 0 && open.Count > 0 && Siblings.TryGetValue(name, out var family) && Siblings.TryGetValue(open[^1], out var openFamily) && family == openFamily)
                {
                    openCount[open[^1]]--;
                    open.RemoveAt(open.Count - 1);
                }
                if (droppedOpenTotal > 0 || open.Count >= maxDepth)
                {
                    droppedOpen[name] = droppedOpen.GetValueOrDefault(name) + 1;
                    droppedOpenTotal++;
                    dropped++;
                    drop = true;
                }
                else
                {
                    open.Add(name);
                    openCount[name] = openCount.GetValueOrDefault(name) + 1;
                }
                if (RawText.Contains(name))
                {
                    // Everything up to the matching end tag is text to the parser, however it looks.
                    tagEnd = RawTextEnd(html, tagEnd, name);
                }
            }
            if (drop)
            {
                kept ??= new StringBuilder(html.Length);
                kept.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = tagEnd;
            }
            i = tagEnd;
        }
        if (kept is null)
        {
            return html;
        }
        kept.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return kept.ToString();
    }

    private static int EndOf(string html, int from, string terminator)
    {
        var at = from >= html.Length ? -1 : html.IndexOf(terminator, from, StringComparison.Ordinal);
        return at < 0 ? html.Length : at + terminator.Length;
    }

    // Past the closing '>' of a tag whose name ends at `from`; a '>' inside a quoted attribute value does not end it.
    private static int TagEnd(string html, int from)
    {
        var i = from;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }
            if (c == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    i = close < 0 ? html.Length : close + 1;
                }
                continue;
            }
            i++;
        }
        return html.Length;
    }

    private static int RawTextEnd(string html, int from, string name)
    {
        var i = from;
        while (i < html.Length)
        {
            var at = html.IndexOf("</", i, StringComparison.Ordinal);
            if (at < 0)
            {
                return html.Length;
            }
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
            i = at + 2;
        }
        return html.Length;
    }
}
