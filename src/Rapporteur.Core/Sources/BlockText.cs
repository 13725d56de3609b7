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
        ArgumentNullException.ThrowIfNull(root);
        var builder = new StringBuilder();
        var pendingBreak = 0;
        // An explicit stack, not recursion: the tree may be as deep as the markup allows.
        var stack = new Stack<(INode Node, int Next, int Breaks)>();
        stack.Push((root, 0, 0));
        while (stack.Count > 0)
        {
            var (node, next, breaks) = stack.Pop();
            if (next >= node.ChildNodes.Length)
            {
                pendingBreak = Math.Max(pendingBreak, breaks);
                continue;
            }
            stack.Push((node, next + 1, breaks));
            var child = node.ChildNodes[next];
            if (child is IText t)
            {
                AppendInline(t.Data, builder, ref pendingBreak);
            }
            else if (child is IElement e && !Skipped.Contains(e.LocalName))
            {
                var childBreaks = Paragraphs.Contains(e.LocalName) ? 2 : Lines.Contains(e.LocalName) ? 1 : 0;
                pendingBreak = Math.Max(pendingBreak, childBreaks);
                if (!e.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    stack.Push((e, 0, childBreaks));
                }
            }
        }
        return builder.ToString().Trim();
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
