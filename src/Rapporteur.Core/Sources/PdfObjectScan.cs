using System.Buffers;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace Rapporteur.Core.Sources;

/// <summary>One object as the file's bytes lay it out: its header, the value read after it and, for a stream, where its data lies.</summary>
internal sealed record PdfScannedObject(long Number, int Generation, int Offset)
{
    /// <summary>The object's value (a stream's dictionary), or null when nothing could be read.</summary>
    public IToken? Value { get; init; }

    /// <summary>Where the value's bytes lie; empty for a reference read from three tokens.</summary>
    public Range ValueBytes { get; init; }

    /// <summary>Where a stream's data lies; null for any other object.</summary>
    public Range? Data { get; init; }

    /// <summary>
    /// The object reads as PdfPig expects: one value then <c>endobj</c>, or a dictionary, exactly
    /// as many bytes of data as its <c>/Length</c> says, <c>endstream</c> and <c>endobj</c>.
    /// </summary>
    public bool WellFormed { get; init; }
}

/// <summary>
/// The objects of a PDF file, found in one pass over its bytes without the cross-reference table:
/// every "N G obj" header is located once, and each object is read no further than the next header
/// (a stream whose <c>/Length</c> ends in <c>endstream</c> may contain headers, which are skipped).
/// So a damaged object, an unterminated string or a stream without its end, costs what its own
/// bytes cost and never swallows the objects after it; the whole scan is linear in the file.
/// The price: a string in a dictionary that spells "N G obj" cuts its object short there, so the
/// file is taken for damaged and rebuilt, and that object loses what follows.
/// </summary>
internal sealed class PdfObjectScan
{
    /// <summary>The PDF reference's own limit; past it, digits before "obj" are not an object number.</summary>
    internal const long MaxObjectNumber = 8_388_607;
    private const int MaxGeneration = 65_535;
    private const int MaxGapBeforeEndstream = 64;

    private readonly ReadOnlyMemory<byte> file;
    private readonly List<Header> headers;
    // The last header of each number and generation, and for each header the one before it with
    // the same: the definitions of an object, found without a list per object.
    private readonly Dictionary<(long, int), int> lastHeader = [];
    private readonly int[] earlierHeader;
    // Where the cross-reference places an object, when it is known; the scan is run again knowing
    // it when the lengths taken without it prove wrong (see LengthsAgree).
    private readonly Func<long, int, long?>? placedAt;
    // Each indirect length read, by the reference, with the header it was read from (-1: none).
    private readonly Dictionary<(long, int), (long? Value, int Header)> lengths = [];
    // Where the whitespace before each of Objects begins: a seek anywhere from there to the header finds it.
    private readonly List<int> whitespaceBefore = [];
    private readonly StackDepthGuard depth = new(256);

    private PdfObjectScan(ReadOnlyMemory<byte> file, int maxObjects, Func<long, int, long?>? placedAt)
    {
        this.file = file;
        this.placedAt = placedAt;
        headers = Headers(file.Span, maxObjects);
        TooMany = headers.Count > maxObjects;
        if (TooMany)
        {
            earlierHeader = [];
            return;
        }
        earlierHeader = new int[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var key = (headers[i].Number, headers[i].Generation);
            earlierHeader[i] = lastHeader.TryGetValue(key, out var earlier) ? earlier : -1;
            lastHeader[key] = i;
        }
        var cursor = 0;
        for (var i = 0; i < headers.Count; i++)
        {
            // A header inside the data of the stream before it is part of that data.
            if (headers[i].Offset < cursor)
            {
                continue;
            }
            var (found, end) = Read(i);
            Objects.Add(found);
            // The runs are disjoint, each ending at its own header: walking them all is linear.
            var before = found.Offset;
            while (before > 0 && IsWhitespace(file.Span[before - 1]))
            {
                before--;
            }
            whitespaceBefore.Add(before);
            cursor = end;
        }
    }

    /// <summary>The objects in file order; a number may appear more than once (updates, or damage).</summary>
    public List<PdfScannedObject> Objects { get; } = [];

    /// <summary>The file holds more object headers than the limit: the scan stopped there and holds no objects.</summary>
    public bool TooMany { get; }

    /// <summary>
    /// Scans a file, or stops, <see cref="TooMany"/>, at the header past <paramref name="maxObjects"/>.
    /// A stream's length given by reference is read where <paramref name="placedAt"/> places that
    /// object, when it does; otherwise from the object's last definition in the file.
    /// </summary>
    public static PdfObjectScan Of(ReadOnlyMemory<byte> file, int maxObjects, Func<long, int, long?>? placedAt = null) => new(file, maxObjects, placedAt);

    /// <summary>
    /// Whether every length given by reference was read from the object PdfPig reads it from, the
    /// one where the cross-reference places it. A definition spelled inside another stream's data
    /// (an attached PDF) can otherwise pass for the last one in the file. Where the cross-reference
    /// places no such object, the file is rebuilt anyway.
    /// </summary>
    public bool LengthsAgree(Func<long, int, long?> placed)
    {
        foreach (var ((number, generation), (_, header)) in lengths)
        {
            if (PlacedHeader(placed, number, generation) is { } index && index != header)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The header of the object where <paramref name="placed"/> puts it, found as PdfPig finds it: the next one from there, if it is that object.</summary>
    private int? PlacedHeader(Func<long, int, long?>? placed, long number, int generation) =>
        placed?.Invoke(number, generation) is { } offset && HeaderFrom(offset) is var index and >= 0
        && headers[index].Number == number && headers[index].Generation == generation
            ? index
            : null;

    /// <summary>
    /// The object whose header starts at <paramref name="offset"/>, whitespace before it allowed, as a
    /// PDF reader seeking there would find it. A search, not a walk over the whitespace: a
    /// cross-reference may point every entry at the start of the same megabyte of it.
    /// </summary>
    public PdfScannedObject? At(long offset)
    {
        if (offset < 0 || offset >= file.Length)
        {
            return null;
        }
        var low = FirstAtOrAfter(Objects.Count, i => Objects[i].Offset, offset);
        return low < Objects.Count && whitespaceBefore[low] <= offset ? Objects[low] : null;
    }

    /// <summary>A new tokenizer over part of the file, set as PdfPig sets its own.</summary>
    public CoreTokenScanner Tokens(Range range) => Tokens(file[range]);

    public CoreTokenScanner Tokens(ReadOnlyMemory<byte> bytes) =>
        new(new MemoryInputBytes(bytes), usePdfDocEncoding: true, depth, ScannerScope.None, namedDictionaryRequiredKeys: null, useLenientParsing: true);

    public ReadOnlyMemory<byte> Bytes(Range range) => file[range];

    private readonly record struct Header(int Offset, int BodyStart, long Number, int Generation);

    private readonly record struct Placed(IToken Token, int Start, int End);

    private enum Ending
    {
        None,
        EndObject,
        LooseEndObject,
        Stream,
    }

    /// <summary>Every "N G obj" in the file, in order: found by the keyword, then read backwards; one past <paramref name="maxObjects"/> at most.</summary>
    private static List<Header> Headers(ReadOnlySpan<byte> span, int maxObjects)
    {
        var found = new List<Header>();
        var from = 0;
        while (from < span.Length && found.Count <= maxObjects)
        {
            var hit = span[from..].IndexOf("obj"u8);
            if (hit < 0)
            {
                break;
            }
            var keyword = from + hit;
            from = keyword + 3;
            if (from < span.Length && !IsWhitespace(span[from]) && !IsDelimiter(span[from]))
            {
                continue;
            }
            var p = keyword;
            while (p > 0 && IsWhitespace(span[p - 1]) && keyword - p < 64)
            {
                p--;
            }
            if (!TryReadNumberBefore(span, ref p, 5, out var generation) || p == 0 || !IsWhitespace(span[p - 1]))
            {
                continue;
            }
            while (p > 0 && IsWhitespace(span[p - 1]) && keyword - p < 128)
            {
                p--;
            }
            if (!TryReadNumberBefore(span, ref p, 10, out var number) || (p > 0 && !IsWhitespace(span[p - 1]) && !IsDelimiter(span[p - 1])))
            {
                continue;
            }
            if (number > 0 && number <= MaxObjectNumber && generation <= MaxGeneration)
            {
                found.Add(new Header(p, from, number, (int)generation));
            }
        }
        return found;
    }

    private static bool TryReadNumberBefore(ReadOnlySpan<byte> span, ref int p, int maxDigits, out long value)
    {
        var end = p;
        while (p > 0 && IsDigit(span[p - 1]) && end - p <= maxDigits)
        {
            p--;
        }
        value = 0;
        if (p == end || end - p > maxDigits)
        {
            return false;
        }
        foreach (var digit in span[p..end])
        {
            value = (value * 10) + (digit - '0');
        }
        return true;
    }

    private int NextHeaderFrom(int offset) => HeaderFrom(offset) is var index and >= 0 ? headers[index].Offset : file.Length;

    /// <summary>The first header at or after <paramref name="offset"/>, or -1.</summary>
    private int HeaderFrom(long offset)
    {
        var low = FirstAtOrAfter(headers.Count, i => headers[i].Offset, offset);
        return low < headers.Count ? low : -1;
    }

    /// <summary>The first of <paramref name="count"/> items in offset order whose offset is at or after <paramref name="offset"/> (a binary search); <paramref name="count"/> when none is.</summary>
    private static int FirstAtOrAfter(int count, Func<int, long> offsetOf, long offset)
    {
        var low = 0;
        var high = count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (offsetOf(middle) < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Reads the object at header <paramref name="index"/>, and says where it ended.</summary>
    private (PdfScannedObject Found, int End) Read(int index)
    {
        var header = headers[index];
        var limit = index + 1 < headers.Count ? headers[index + 1].Offset : file.Length;
        var (values, ending, endingAt) = ReadTokens(header.BodyStart, limit);
        var found = new PdfScannedObject(header.Number, header.Generation, header.Offset);
        if (ending != Ending.Stream)
        {
            var value = values.FindLast(v => v.Token is not OperatorToken);
            var wellFormed = ending == Ending.EndObject && values.Count == 1 && values[0].Token is not OperatorToken;
            return (found with { Value = value.Token, ValueBytes = value.Start..value.End, WellFormed = wellFormed }, ending == Ending.None ? limit : endingAt);
        }
        var dictionary = values.FindLast(v => v.Token is DictionaryToken);
        if (dictionary.Token is null)
        {
            return (found, limit);
        }
        found = found with { Value = dictionary.Token, ValueBytes = dictionary.Start..dictionary.End };
        var (data, end, dataWellFormed) = StreamData((DictionaryToken)dictionary.Token, endingAt, limit);
        return (found with { Data = data, WellFormed = dataWellFormed && values.Count == 1 }, end);
    }

    /// <summary>
    /// The tokens after a header, up to <c>endobj</c>, <c>stream</c>, a keyword that belongs outside
    /// objects, or <paramref name="limit"/>; positions are absolute. "N G R" becomes one reference.
    /// </summary>
    private (List<Placed> Values, Ending Ending, int EndingAt) ReadTokens(int start, int limit)
    {
        var values = new List<Placed>();
        var tokens = Tokens(start..limit);
        var span = file.Span;
        try
        {
            while (tokens.MoveNext())
            {
                var token = tokens.CurrentToken;
                var tokenStart = start + (int)tokens.CurrentTokenStart;
                var tokenEnd = TokenEnd(span, token, tokenStart, start + (int)tokens.CurrentPosition);
                if (token is CommentToken)
                {
                    continue;
                }
                if (token is not OperatorToken keyword)
                {
                    values.Add(new Placed(token, tokenStart, tokenEnd));
                    continue;
                }
                switch (keyword.Data)
                {
                    case "R" when values.Count >= 2 && values[^2].Token is NumericToken number && values[^1].Token is NumericToken generation:
                        var reference = new IndirectReferenceToken(new IndirectReference(number.Long, generation.Int));
                        values[^2] = new Placed(reference, values[^2].Start, tokenEnd);
                        values.RemoveAt(values.Count - 1);
                        break;
                    case "endobj":
                        return (values, Ending.EndObject, tokenEnd);
                    case "stream":
                        return (values, Ending.Stream, tokenEnd);
                    case "obj" or "xref" or "startxref" or "trailer":
                        return (values, Ending.None, tokenStart);
                    default:
                        // PdfPig, lenient, takes any word ending in endobj for endobj.
                        if (keyword.Data.EndsWith("endobj", StringComparison.Ordinal))
                        {
                            return (values, Ending.LooseEndObject, tokenEnd);
                        }
                        values.Add(new Placed(token, tokenStart, tokenEnd));
                        break;
                }
            }
        }
        catch (PdfDocumentFormatException)
        {
            // The tokenizer met bytes it cannot read (or nesting past its guard): the object ends
            // where reading stopped, with what was read before, and is not well formed.
            return (values, Ending.None, limit);
        }
        return (values, Ending.None, limit);
    }

    // Numbers, names and keywords end only when the byte after them has been read: that byte is not theirs.
    private static int TokenEnd(ReadOnlySpan<byte> span, IToken token, int start, int end) =>
        token is NumericToken or NameToken or OperatorToken or BooleanToken or NullToken or CommentToken
        && end > start + 1 && (IsWhitespace(span[end - 1]) || IsDelimiter(span[end - 1]))
            ? end - 1
            : end;

    /// <summary>
    /// Where a stream's data lies. The declared length is trusted when <c>endstream</c> follows it;
    /// otherwise the data ends at the first <c>endstream</c> or <c>endobj</c>, or the next header,
    /// whichever comes first.
    /// </summary>
    private (Range Data, int End, bool WellFormed) StreamData(DictionaryToken dictionary, int keywordEnd, int limit)
    {
        var span = file.Span;
        // PdfPig skips to the end of the line after "stream"; so does this, but only a few bytes.
        var start = keywordEnd;
        var lineEnded = false;
        while (start < span.Length && start - keywordEnd < 32)
        {
            var b = span[start++];
            if (b == '\n' || b == '\r')
            {
                if (b == '\r' && start < span.Length && span[start] == '\n')
                {
                    start++;
                }
                lineEnded = true;
                break;
            }
        }
        if (!lineEnded)
        {
            start = keywordEnd;
        }
        if (Length(dictionary) is { } length && length >= 0 && length <= span.Length - start)
        {
            var after = start + (int)length;
            var marker = after;
            for (var eol = 0; eol < 2 && marker < span.Length && (span[marker] == '\n' || span[marker] == '\r'); eol++)
            {
                marker++;
            }
            // PdfPig takes the declared length at its word when endstream follows it within two
            // ends of line. Past more whitespace than that it reads on, to the first endstream
            // followed by whitespace, and still keeps the declared length, unless the data itself
            // spells endstream or endobj and so ends the reading early: such a stream is rebuilt.
            // The whitespace is looked through only so far: the declared lengths of many streams
            // may all point at the same long run of it.
            var byLength = span[marker..].StartsWith("endstream"u8);
            if (!byLength && span[after..Math.Min(span.Length, after + MaxGapBeforeEndstream)].IndexOfAnyExcept(Whitespace) is var gap and >= 0)
            {
                marker = after + gap;
            }
            if (span[marker..].StartsWith("endstream"u8))
            {
                var streamEnd = marker + "endstream".Length;
                var readOn = byLength
                    || (streamEnd < span.Length && IsWhitespace(span[streamEnd])
                        && span[start..after].IndexOf("endstream"u8) < 0 && span[start..after].IndexOf("endobj"u8) < 0);
                var (values, ending, endingAt) = ReadTokens(streamEnd, NextHeaderFrom(streamEnd));
                var closed = ending == Ending.EndObject && values.Count == 0;
                return (start..after, closed ? endingAt : streamEnd, closed && lineEnded && readOn);
            }
        }
        start = Math.Min(start, limit);
        var window = span[start..limit];
        var endStream = window.IndexOf("endstream"u8);
        var endObject = window.IndexOf("endobj"u8);
        var end = (endStream, endObject) switch
        {
            ( >= 0, >= 0) => Math.Min(endStream, endObject),
            ( >= 0, _) => endStream,
            (_, >= 0) => endObject,
            _ => window.Length,
        };
        var dataEnd = start + end;
        if (end < window.Length)
        {
            // The end of line before the keyword belongs to the keyword.
            if (dataEnd > start && span[dataEnd - 1] == '\n')
            {
                dataEnd--;
            }
            if (dataEnd > start && span[dataEnd - 1] == '\r')
            {
                dataEnd--;
            }
        }
        return (start..dataEnd, limit, false);
    }

    /// <summary>A stream's declared length, following a reference to another object when it is one.</summary>
    private long? Length(DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(NameToken.Length, out var token))
        {
            return null;
        }
        if (token is NumericToken number)
        {
            return number.Long;
        }
        if (token is not IndirectReferenceToken reference)
        {
            return null;
        }
        var key = (reference.Data.ObjectNumber, reference.Data.Generation);
        if (lengths.TryGetValue(key, out var known))
        {
            return known.Value;
        }
        (long? Value, int Header) found = (null, -1);
        if (PlacedHeader(placedAt, key.ObjectNumber, key.Generation) is { } placed)
        {
            found = (NumberAt(placed), placed);
        }
        else if (lastHeader.TryGetValue(key, out var last))
        {
            // The last definition in the file is the one an update left in force.
            for (var index = last; index >= 0 && found.Value is null; index = earlierHeader[index])
            {
                found = (NumberAt(index), index);
            }
        }
        lengths[key] = found;
        return found.Value;
    }

    /// <summary>The number the value of the object at header <paramref name="index"/> starts with.</summary>
    private long? NumberAt(int index)
    {
        var limit = index + 1 < headers.Count ? headers[index + 1].Offset : file.Length;
        var (values, _, _) = ReadTokens(headers[index].BodyStart, limit);
        return values is [{ Token: NumericToken value }, ..] ? value.Long : null;
    }

    // PDF whitespace: NUL, tab, line feed, form feed, carriage return, space.
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create([0, 9, 10, 12, 13, 32]);

    internal static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    internal static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
