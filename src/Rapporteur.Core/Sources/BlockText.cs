using System.Text;
using AngleSharp.Dom;

namespace Rapporteur.Core.Sources;

/// <summary>Text of an HTML subtree with one line per block and a blank line between paragraphs.</summary>
public static class BlockText
{
    private static readonly HashSet<string> Paragraphs = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "article", "section", "header", "footer", "ul", "ol", "table", "figure", "figcaption", "form", "nav", "aside", "main",
    };

    private static readonly HashSet<string> Lines = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "li", "tr", "dt", "dd", "br", "hr", "address", "caption", "label", "option",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
    };

    public static string Of(INode root)
    {
        var builder = new StringBuilder();
        var pendingBreak = 0;
        Walk(root, builder, ref pendingBreak, 0);
        return builder.ToString().Trim();
    }

    // Depth is bounded so a page nested thousands of levels deep cannot exhaust the stack.
    private static void Walk(INode node, StringBuilder text, ref int pendingBreak, int depth)
    {
        if (depth > 256)
        {
            return;
        }
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                AppendInline(t.Data, text, ref pendingBreak);
            }
            else if (child is IElement e && !Skipped.Contains(e.LocalName))
            {
                var breaks = Paragraphs.Contains(e.LocalName) ? 2 : Lines.Contains(e.LocalName) ? 1 : 0;
                pendingBreak = Math.Max(pendingBreak, breaks);
                if (e.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                Walk(e, text, ref pendingBreak, depth + 1);
                pendingBreak = Math.Max(pendingBreak, breaks);
            }
        }
    }

    private static void AppendInline(string data, StringBuilder text, ref int pendingBreak)
    {
        foreach (var c in data)
        {
            var space = char.IsWhiteSpace(c) && c != '\u00A0';
            if (space)
            {
                if (text.Length > 0 && pendingBreak == 0 && text[^1] != ' ' && text[^1] != '\n')
                {
                    text.Append(' ');
                }
                continue;
            }
            if (pendingBreak > 0 && text.Length > 0)
            {
                while (text.Length > 0 && text[^1] == ' ')
                {
                    text.Length--;
                }
                text.Append('\n', pendingBreak);
            }
            pendingBreak = 0;
            text.Append(c);
        }
    }
}
