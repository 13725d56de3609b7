using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Rapporteur.Core.Sources;

/// <summary>
/// How many bytes of content PdfPig would execute to lay out each page, counting a form XObject
/// once for every time it is drawn. Forms that draw forms multiply: nine levels of "draw the next
/// one ten times" is a few kilobytes of file and a billion glyphs, which PdfPig would lay out
/// (and keep) without end. PdfPig cannot be stopped inside a page, so the cost is worked out
/// from the page tree and the forms' content streams before any page is laid out.
/// </summary>
internal sealed class PdfDrawCost(IPdfTokenScanner scanner, IFilterProvider filters, long maxPerPage)
{
    private readonly IPdfTokenScanner tokens = scanner;

    private static readonly NameToken PageType = NameToken.Create("Page");
    private static readonly NameToken FormType = NameToken.Create("Form");
    private static readonly NameToken XObject = NameToken.Create("XObject");

    // Drawing a form saves and restores the graphics state: even an empty form costs something.
    private const long CostOfADraw = 16;

    // What one form costs with the resources it resolves its names against (by identity).
    private readonly Dictionary<(IndirectReference Form, int Resources), long> costs = [];
    private readonly Dictionary<object, int> resourceIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IndirectReference, (long Length, Dictionary<string, int> Draws)> contents = [];
    private readonly HashSet<IndirectReference> drawing = [];

    /// <summary>A form found drawing itself, directly or through others: PdfPig would lay it out without end.</summary>
    private IndirectReference? drawsItself;

    /// <summary>Why the document costs too much to lay out, or null when every page is within bounds.</summary>
    public static string? Check(PdfDocument pdf, IFilterProvider filters, long maxPerPage, int maxPages)
    {
        var cost = new PdfDrawCost(pdf.Structure.TokenScanner, filters, maxPerPage);
        if (!pdf.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var rootToken))
        {
            return null;
        }
        var number = 0;
        // A page tree may name the same node many times (or itself): each is laid out once here.
        var visited = new HashSet<IndirectReference>();
        var stack = new Stack<(IToken Node, DictionaryToken? Resources)>();
        stack.Push((rootToken, null));
        while (stack.Count > 0 && number < maxPages)
        {
            var (nodeToken, inherited) = stack.Pop();
            if ((nodeToken is IndirectReferenceToken reference && !visited.Add(reference.Data)) || !Resolve<DictionaryToken>(nodeToken, cost.tokens, out var node))
            {
                continue;
            }
            var resources = cost.Dictionary(node, NameToken.Resources) ?? inherited;
            if (cost.Get<ArrayToken>(node, NameToken.Kids) is { } kids && cost.Get<NameToken>(node, NameToken.Type)?.Equals(PageType) != true)
            {
                for (var k = kids.Length - 1; k >= 0; k--)
                {
                    stack.Push((kids[k], resources));
                }
                continue;
            }
            number++;
            var pageCost = cost.Page(node, resources);
            if (cost.drawsItself is { } loop)
            {
                // PdfPig follows a form's drawings by recursion, and one that draws itself (say
                // through a name its parent's resources give it) would exhaust the stack.
                return FormattableString.Invariant($"page {number} of the PDF draws form {loop.ObjectNumber} inside itself, without end");
            }
            if (pageCost > maxPerPage)
            {
                return FormattableString.Invariant($"page {number} of the PDF has more than {maxPerPage:N0} bytes of content to lay out, each drawing of a form counted");
            }
        }
        return null;
    }

    private long Page(DictionaryToken page, DictionaryToken? resources)
    {
        long total = 0;
        if (!page.TryGet(NameToken.Contents, out var contentsToken))
        {
            return 0;
        }
        var streams = Resolve<ArrayToken>(contentsToken, tokens, out var array) ? array.Data : [contentsToken];
        foreach (var token in streams)
        {
            if (Resolve<StreamToken>(token, tokens, out var stream))
            {
                var (length, draws) = Measure(stream);
                total = Add(total, length);
                total = Add(total, Draws(draws, resources));
            }
        }
        return total;
    }

    /// <summary>
    /// What the drawings of a content stream cost: each name looked up in <paramref name="resources"/>
    /// and, as PdfPig does for a form whose own resources lack it, in those it was drawn with
    /// (<paramref name="outer"/>).
    /// </summary>
    private long Draws(Dictionary<string, int> draws, DictionaryToken? resources, DictionaryToken? outer = null)
    {
        long total = 0;
        var xobjects = resources is null ? null : Dictionary(resources, XObject);
        var outerXObjects = outer is null || ReferenceEquals(outer, resources) ? null : Dictionary(outer, XObject);
        if (xobjects is null && outerXObjects is null)
        {
            return 0;
        }
        foreach (var (name, times) in draws)
        {
            if ((xobjects?.Data.GetValueOrDefault(name) ?? outerXObjects?.Data.GetValueOrDefault(name)) is IndirectReferenceToken reference)
            {
                total = Add(total, Multiply(times, Form(reference.Data, resources)));
                if (total > maxPerPage)
                {
                    return total;
                }
            }
        }
        return total;
    }

    private long Form(IndirectReference reference, DictionaryToken? inherited)
    {
        if (drawing.Contains(reference))
        {
            drawsItself ??= reference;
            return 0;
        }
        if (!Resolve<StreamToken>(new IndirectReferenceToken(reference), tokens, out var form)
            || Get<NameToken>(form.StreamDictionary, NameToken.Subtype)?.Equals(FormType) != true)
        {
            return 0;
        }
        var resources = Dictionary(form.StreamDictionary, NameToken.Resources) ?? inherited;
        var key = (reference, resources is null ? 0 : IdOf(resources));
        if (costs.TryGetValue(key, out var known))
        {
            return known;
        }
        drawing.Add(reference);
        if (!contents.TryGetValue(reference, out var measured))
        {
            measured = Measure(form);
            contents[reference] = measured;
        }
        var total = Add(CostOfADraw + measured.Length, Draws(measured.Draws, resources, inherited));
        drawing.Remove(reference);
        costs[key] = total;
        return total;
    }

    private (long Length, Dictionary<string, int> Draws) Measure(StreamToken stream)
    {
        var bytes = stream.Decode(filters).Span;
        return (bytes.Length, CountDraws(bytes));
    }

    /// <summary>How often each name is drawn ("/Name Do") in a content stream.</summary>
    internal static Dictionary<string, int> CountDraws(ReadOnlySpan<byte> content)
    {
        var draws = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastName = null;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (b == '/')
            {
                var end = i + 1;
                while (end < content.Length && !IsDelimiter(content[end]))
                {
                    end++;
                }
                lastName = System.Text.Encoding.ASCII.GetString(content[(i + 1)..end]);
                i = end;
                continue;
            }
            if (b == '(')
            {
                // A string is text to show, however it reads: skip it, nested parentheses and escapes included.
                var depth = 0;
                for (; i < content.Length; i++)
                {
                    if (content[i] == '\\')
                    {
                        i++;
                    }
                    else if (content[i] == '(')
                    {
                        depth++;
                    }
                    else if (content[i] == ')' && --depth == 0)
                    {
                        break;
                    }
                }
                i++;
                continue;
            }
            if (b == 'D' && i + 1 < content.Length && content[i + 1] == 'o' && (i == 0 || IsDelimiter(content[i - 1])) && (i + 2 == content.Length || IsDelimiter(content[i + 2])))
            {
                if (lastName is not null)
                {
                    draws[lastName] = draws.GetValueOrDefault(lastName) + 1;
                }
                i += 2;
                continue;
            }
            i++;
        }
        return draws;
    }

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0 or (byte)'/' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'{' or (byte)'}' or (byte)'%';

    private int IdOf(DictionaryToken resources)
    {
        if (!resourceIds.TryGetValue(resources, out var id))
        {
            id = resourceIds.Count + 1;
            resourceIds[resources] = id;
        }
        return id;
    }

    private DictionaryToken? Dictionary(DictionaryToken owner, NameToken key) => Get<DictionaryToken>(owner, key);

    private T? Get<T>(DictionaryToken owner, NameToken key)
        where T : class, IToken =>
        owner.TryGet(key, out var token) && Resolve<T>(token, tokens, out var value) ? value : null;

    private long Add(long a, long b) => Math.Min(a + b, maxPerPage + 1);

    private long Multiply(long times, long cost) => cost == 0 ? 0 : times > (maxPerPage + 1) / cost ? maxPerPage + 1 : times * cost;

    /// <summary>The most references followed from one token to the object it stands for.</summary>
    private const int MaxReferenceHops = 32;

    /// <summary>
    /// The object a token stands for, as PdfPig's <see cref="DirectObjectFinder"/> finds it, but
    /// following at most <see cref="MaxReferenceHops"/> references first: the finder follows a
    /// reference to a reference by recursion, and a loop of them would exhaust the stack.
    /// </summary>
    private static bool Resolve<T>(IToken token, IPdfTokenScanner tokens, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
        where T : class, IToken
    {
        for (var hops = 0; token is IndirectReferenceToken reference; hops++)
        {
            if (hops == MaxReferenceHops || tokens.Get(reference.Data)?.Data is not { } next)
            {
                value = null;
                return false;
            }
            token = next;
        }
        return DirectObjectFinder.TryGet(token, tokens, out value);
    }
}
