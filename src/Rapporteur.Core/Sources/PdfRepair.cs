using System.Diagnostics.CodeAnalysis;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Rapporteur.Core.Sources;

/// <summary>
/// Gives PdfPig a PDF it can read in time linear in its size. PdfPig, lenient, looks for an object
/// its cross-reference misplaces by tokenizing the whole file again, for every such lookup and
/// without remembering a miss, and reads a stream that lacks its end up to some later
/// <c>endobj</c>: a damaged file of a few hundred misplaced objects takes seconds. So the file is
/// checked first, in one pass: when its cross-reference finds every object where it is and every
/// object reads cleanly, PdfPig gets it as it is. Otherwise PdfPig gets a copy rebuilt from the
/// objects found in the file, each written cleanly, with a cross-reference that finds them all and
/// a null object for each one referred to but missing, so that no lookup ever searches.
/// </summary>
internal static class PdfRepair
{
    private static readonly NameToken XRefType = NameToken.Create("XRef");
    private static readonly NameToken ObjectStreamType = NameToken.Create("ObjStm");
    private static readonly NameToken CatalogType = NameToken.Create("Catalog");

    /// <summary>
    /// The bytes to give PdfPig: <paramref name="pdf"/> itself when it is sound, a rebuilt copy when
    /// it is not (<paramref name="rebuilt"/>). False, saying why, when the file holds more objects
    /// than <paramref name="maxObjects"/>, or is damaged and has no document catalog left to rebuild from.
    /// </summary>
    public static bool TryReadable(byte[] pdf, IFilterProvider filters, int maxObjects, [NotNullWhen(true)] out byte[]? readable, out bool rebuilt, [NotNullWhen(false)] out Refused? refused)
    {
        readable = null;
        rebuilt = false;
        refused = null;
        // Every object the file holds costs memory here, whatever the file's size: the count is
        // checked while the objects are found, before they are all held.
        var scan = PdfObjectScan.Of(pdf, maxObjects);
        var xref = scan.TooMany ? null : CrossReference.Read(pdf, scan, filters, maxObjects);
        if (xref is { Complete: true } && !scan.LengthsAgree(xref.OffsetOf))
        {
            // The scan read a stream's length from another object than PdfPig will: once more, knowing.
            scan = PdfObjectScan.Of(pdf, maxObjects, xref.OffsetOf);
            xref = CrossReference.Read(pdf, scan, filters, maxObjects);
        }
        if (xref is null || xref.TooMany)
        {
            refused = TooMany(maxObjects);
            return false;
        }
        // A loop of objects that are only references to each other would exhaust PdfPig's stack,
        // which follows them by recursion: such a file is rebuilt, and the rebuilt copy breaks the loop.
        rebuilt = !xref.FindsEveryObject(scan) || ReferencesLoop(scan);
        if (!rebuilt)
        {
            readable = pdf;
            return true;
        }
        readable = Rebuild(pdf, scan, xref, filters, maxObjects, out var tooMany);
        refused = readable is not null ? null
            : tooMany ? TooMany(maxObjects)
            : new Refused(ReadProblem.Corrupt, "the PDF is damaged: its cross-reference does not find its objects, and no document catalog was found among them to rebuild it from");
        return readable is not null;
    }

    /// <summary>Whether some object whose value is only a reference leads, through others like it, back to itself or on for too long.</summary>
    private static bool ReferencesLoop(PdfObjectScan scan)
    {
        var next = new Dictionary<long, long>();
        foreach (var o in scan.Objects)
        {
            if (o is { Data: null, Value: IndirectReferenceToken reference })
            {
                next[o.Number] = reference.Data.ObjectNumber;
            }
            else
            {
                next.Remove(o.Number);
            }
        }
        foreach (var start in next.Keys)
        {
            var at = start;
            for (var hops = 0; next.TryGetValue(at, out var following); hops++)
            {
                if (following == start || hops >= MaxReferenceChain)
                {
                    return true;
                }
                at = following;
            }
        }
        return false;
    }

    private static Refused TooMany(int maxObjects) =>
        new(ReadProblem.TooLarge, FormattableString.Invariant($"the PDF holds more objects than the limit of {maxObjects:N0}"));

    /// <summary>
    /// Where a cross-reference section places an object: at an offset in the file, or, packed, in
    /// the object stream of that number. <see cref="Section"/> orders the sections, the later higher.
    /// </summary>
    private readonly record struct Place(long At, bool Packed, int Section = 0);

    /// <summary>The file's cross-reference sections, from <c>startxref</c> back through <c>/Prev</c>, merged as PdfPig merges them.</summary>
    private sealed class CrossReference
    {
        /// <summary>Far more sections than incremental updates make; each costs memory however small it is.</summary>
        private const int MaxSections = 1_000;

        private readonly ReadOnlyMemory<byte> file;
        private readonly PdfObjectScan scan;
        private readonly IFilterProvider filters;
        private readonly int maxEntries;
        // Sections may lie inside each other (a trailer's string can hold the next section), so each
        // one read counts what it read: past twice the file the chain is taken for broken and the
        // file is rebuilt, rather than read again and again.
        private long bytesLeft;
        private int entries;

        private CrossReference(ReadOnlyMemory<byte> file, PdfObjectScan scan, IFilterProvider filters, int maxEntries)
        {
            this.file = file;
            this.scan = scan;
            this.filters = filters;
            this.maxEntries = maxEntries;
            bytesLeft = 2L * file.Length;
        }

        /// <summary>
        /// Where the cross-reference places each object, at an offset in the file or in an object
        /// stream (generation 0), the later section overriding the earlier, as PdfPig merges them.
        /// </summary>
        public Dictionary<(long Number, int Generation), Place> Places { get; } = [];

        public DictionaryToken? Trailer { get; private set; }

        /// <summary>Every section in the chain was read.</summary>
        public bool Complete { get; private set; }

        /// <summary>The offset in the file where the cross-reference places an object; null when it does not, or packs it.</summary>
        public long? OffsetOf(long number, int generation) => Places.TryGetValue((number, generation), out var place) && !place.Packed ? place.At : null;

        /// <summary>The sections read hold more entries, all told, than the limit on objects; reading stopped there.</summary>
        public bool TooMany { get; private set; }

        private sealed record Section(long Offset, Dictionary<(long, int), Place> Places, DictionaryToken Trailer);

        public static CrossReference Read(ReadOnlyMemory<byte> file, PdfObjectScan scan, IFilterProvider filters, int maxObjects)
        {
            var xref = new CrossReference(file, scan, filters, maxObjects);
            xref.ReadChain();
            return xref;
        }

        private void ReadChain()
        {
            var span = file.Span;
            var keyword = span.LastIndexOf("startxref"u8);
            if (keyword < 0 || Number(span, keyword + "startxref".Length) is not { } first)
            {
                return;
            }
            var sections = new List<Section>();
            var seen = new HashSet<long>();
            long? next = first;
            while (next is { } offset)
            {
                if (!seen.Add(offset) || sections.Count >= MaxSections || ReadSection(offset) is not { } section)
                {
                    return;
                }
                sections.Add(section);
                if (Entry<NumericToken>(section.Trailer, NameToken.XrefStm) is { } streamOffset)
                {
                    if (!seen.Add(streamOffset.Long) || ReadStream(streamOffset.Long) is not { } hybrid)
                    {
                        return;
                    }
                    sections.Add(hybrid);
                }
                next = Entry<NumericToken>(section.Trailer, NameToken.Prev) is { } previous ? previous.Long : null;
            }
            // PdfPig lets a section later in the file override an earlier one, and takes the trailer
            // of the last section that names a root.
            var order = 0;
            foreach (var section in sections.OrderBy(s => s.Offset))
            {
                foreach (var (key, place) in section.Places)
                {
                    Places[key] = place with { Section = order };
                }
                order++;
                if (section.Trailer.ContainsKey(NameToken.Root) || Trailer?.ContainsKey(NameToken.Root) != true)
                {
                    Trailer = section.Trailer;
                }
            }
            Complete = true;
        }

        /// <summary>
        /// Whether PdfPig, given the file as it is, finds every object at the first place it looks:
        /// each placed object starts where it is placed and reads cleanly, and so does every other
        /// object in the file (PdfPig's own search finds those when a lookup misses).
        /// </summary>
        public bool FindsEveryObject(PdfObjectScan scan)
        {
            if (!Complete || Trailer?.Data.GetValueOrDefault(NameToken.Root.Data) is not IndirectReferenceToken root)
            {
                return false;
            }
            if (scan.Objects.Exists(o => !o.WellFormed))
            {
                return false;
            }
            foreach (var ((number, generation), place) in Places)
            {
                if (place.Packed
                    ? !Places.TryGetValue((place.At, 0), out var stream) || stream.Packed || scan.At(stream.At)?.Data is null
                    : scan.At(place.At) is not { } found || found.Number != number || found.Generation != generation)
                {
                    return false;
                }
            }
            return Places.ContainsKey((root.Data.ObjectNumber, root.Data.Generation));
        }

        /// <summary>The section at <paramref name="offset"/>, or null when there is none, or when reading it spent more than the bytes left.</summary>
        private Section? ReadSection(long offset)
        {
            if (offset < 0 || offset >= file.Length)
            {
                return null;
            }
            var tokens = scan.Tokens((int)offset..);
            try
            {
                if (tokens.MoveNext() && tokens.CurrentToken is OperatorToken { Data: "xref" })
                {
                    var table = ReadTable(tokens, offset);
                    bytesLeft -= tokens.CurrentPosition;
                    return bytesLeft >= 0 ? table : null;
                }
                bytesLeft -= tokens.CurrentPosition;
                return bytesLeft >= 0 ? ReadStream(offset) : null;
            }
            catch (PdfDocumentFormatException)
            {
                // Bytes a tokenizer cannot read where a section should be: the chain is broken and the file is rebuilt.
                return null;
            }
        }

        /// <summary>Counts one more entry; false, and reading stops, past the limit on objects.</summary>
        private bool Counted()
        {
            TooMany = ++entries > maxEntries;
            return !TooMany;
        }

        /// <summary>A classic table: subsections of "offset generation n|f" after their "first count" line, then the trailer.</summary>
        private Section? ReadTable(CoreTokenScanner tokens, long offset)
        {
            var places = new Dictionary<(long, int), Place>();
            while (tokens.MoveNext())
            {
                if (tokens.CurrentToken is OperatorToken { Data: "trailer" })
                {
                    return tokens.MoveNext() && tokens.CurrentToken is DictionaryToken trailer ? new Section(offset, places, trailer) : null;
                }
                if (tokens.CurrentToken is not NumericToken first || !tokens.MoveNext() || tokens.CurrentToken is not NumericToken count)
                {
                    return null;
                }
                for (var number = first.Long; number < first.Long + count.Long; number++)
                {
                    if (!tokens.MoveNext() || tokens.CurrentToken is not NumericToken at
                        || !tokens.MoveNext() || tokens.CurrentToken is not NumericToken generation
                        || !tokens.MoveNext() || tokens.CurrentToken is not OperatorToken { Data: "n" or "f" } kind)
                    {
                        return null;
                    }
                    if (kind.Data == "n")
                    {
                        if (!Counted())
                        {
                            return null;
                        }
                        places[(number, generation.Int)] = new Place(at.Long, Packed: false);
                    }
                }
            }
            return null;
        }

        /// <summary>A cross-reference stream (PDF 1.5): rows of /W-wide big-endian fields, numbered by /Index.</summary>
        private Section? ReadStream(long offset)
        {
            if (scan.At(offset) is not { Value: DictionaryToken dictionary, Data: { } data } found
                || Entry<NameToken>(dictionary, NameToken.Type) is not { } type || !type.Equals(XRefType)
                || Entry<ArrayToken>(dictionary, NameToken.W) is not { } widths || widths.Length != 3
                || widths.Data.Any(w => w is not NumericToken { Int: >= 0 and <= 8 }) || !DecodesAlone(dictionary))
            {
                return null;
            }
            // Offsets in the whitespace before one object all find it: each finding counts.
            bytesLeft -= data.End.Value - found.Offset;
            if (bytesLeft < 0)
            {
                return null;
            }
            int[] w = [.. widths.Data.Cast<NumericToken>().Select(n => n.Int)];
            var row = w.Sum();
            if (Decoded(dictionary, file[data], filters) is not { } decoded)
            {
                return null;
            }
            var rows = decoded.Span;
            var index = Entry<ArrayToken>(dictionary, NameToken.Index) is { } ranges && ranges.Data.All(r => r is NumericToken)
                ? [.. ranges.Data.Cast<NumericToken>().Select(n => n.Long)]
                : new long[] { 0, Entry<NumericToken>(dictionary, NameToken.Size) is { } size ? size.Long : 0 };
            if (row == 0 || index.Length % 2 != 0)
            {
                return null;
            }
            var places = new Dictionary<(long, int), Place>();
            var at = 0;
            for (var r = 0; r < index.Length; r += 2)
            {
                for (var number = index[r]; number < index[r] + index[r + 1]; number++)
                {
                    if (at + row > rows.Length)
                    {
                        return null;
                    }
                    var kind = w[0] == 0 ? 1 : Field(rows.Slice(at, w[0]));
                    var second = Field(rows.Slice(at + w[0], w[1]));
                    var third = Field(rows.Slice(at + w[0] + w[1], w[2]));
                    at += row;
                    if (kind is 1 or 2 && !Counted())
                    {
                        return null;
                    }
                    if (kind == 1)
                    {
                        places[(number, (int)Math.Min(third, int.MaxValue))] = new Place(second, Packed: false);
                    }
                    else if (kind == 2)
                    {
                        places[(number, 0)] = new Place(second, Packed: true);
                    }
                }
            }
            return new Section(offset, places, dictionary);
        }

        private static long Field(ReadOnlySpan<byte> bytes)
        {
            long value = 0;
            foreach (var b in bytes)
            {
                value = (value << 8) | b;
            }
            return value;
        }

        private static long? Number(ReadOnlySpan<byte> span, int at)
        {
            while (at < span.Length && PdfObjectScan.IsWhitespace(span[at]))
            {
                at++;
            }
            var start = at;
            long value = 0;
            while (at < span.Length && at - start < 18 && span[at] is >= (byte)'0' and <= (byte)'9')
            {
                value = (value * 10) + (span[at++] - '0');
            }
            return at > start ? value : null;
        }
    }

    /// <summary>An object to write into the rebuilt copy: its value, the bytes that spelled it, and a stream's data.</summary>
    private sealed record Kept(long Number, int Generation, IToken? Value, ReadOnlyMemory<byte> Spelled, ReadOnlyMemory<byte>? Data);

    /// <summary>The rebuilt copy; null when there is no catalog to root it, or when it would hold more objects than <paramref name="maxObjects"/> (<paramref name="tooMany"/>).</summary>
    private static byte[]? Rebuild(ReadOnlyMemory<byte> file, PdfObjectScan scan, CrossReference xref, IFilterProvider filters, int maxObjects, out bool tooMany)
    {
        tooMany = false;
        // Each number as the latest section to name it places it, whatever the generation: an
        // update that moves an object into or out of an object stream overrides where it was.
        var latest = new Dictionary<long, (int Generation, Place Place)>();
        foreach (var ((number, generation), place) in xref.Places)
        {
            if (!latest.TryGetValue(number, out var other) || other.Place.Section < place.Section)
            {
                latest[number] = (generation, place);
            }
        }
        // Where the cross-reference still finds an object, that one stands (an update may have
        // replaced it further on); elsewhere the last definition that reads cleanly, or failing
        // that the last one.
        var confirmed = new Dictionary<long, PdfScannedObject>();
        foreach (var (number, (generation, place)) in latest)
        {
            if (!place.Packed && scan.At(place.At) is { } found && found.Number == number && found.Generation == generation)
            {
                confirmed[number] = found;
            }
        }
        var chosen = new Dictionary<long, PdfScannedObject>(confirmed);
        foreach (var found in scan.Objects)
        {
            if (!confirmed.ContainsKey(found.Number) && (!chosen.TryGetValue(found.Number, out var earlier) || found.WellFormed || !earlier.WellFormed))
            {
                chosen[found.Number] = found;
            }
        }
        var kept = new Dictionary<long, Kept>();
        foreach (var (number, found) in chosen)
        {
            kept[number] = new Kept(number, found.Generation, found.Value, scan.Bytes(found.ValueBytes), found.Data is { } data ? scan.Bytes(data) : (ReadOnlyMemory<byte>?)null);
        }
        var trailer = TrailerWithRoot(file.Span, scan, xref);
        // Objects packed in object streams. Their own encryption is the stream's, so an encrypted
        // file's are left to the references that name them.
        if (trailer?.ContainsKey(NameToken.Encrypt) != true)
        {
            foreach (var (number, found) in chosen)
            {
                if (found is { Value: DictionaryToken dictionary, Data: { } data }
                    && Entry<NameToken>(dictionary, NameToken.Type) is { } type && type.Equals(ObjectStreamType))
                {
                    if (!Unpack(number, dictionary, scan.Bytes(data), scan, latest, filters, kept, chosen, maxObjects))
                    {
                        tooMany = true;
                        return null;
                    }
                }
            }
        }
        if (RootOf(trailer, kept) is not { } root)
        {
            return null;
        }
        if (Missing(kept, trailer, maxObjects) is not { } missing)
        {
            tooMany = true;
            return null;
        }
        return Write(kept, missing, root, trailer, scan);
    }

    /// <summary>
    /// Keeps the objects of one object stream that the cross-reference places there, or that nothing
    /// else defines. False when they would make more objects than <paramref name="maxObjects"/>.
    /// </summary>
    private static bool Unpack(long container, DictionaryToken dictionary, ReadOnlyMemory<byte> data, PdfObjectScan scan, Dictionary<long, (int Generation, Place Place)> latest, IFilterProvider filters, Dictionary<long, Kept> kept, Dictionary<long, PdfScannedObject> atTopLevel, int maxObjects)
    {
        if (Entry<NumericToken>(dictionary, NameToken.N) is not { } count || Entry<NumericToken>(dictionary, NameToken.First) is not { } first || !DecodesAlone(dictionary))
        {
            return true;
        }
        if (Decoded(dictionary, data, filters) is not { } decoded)
        {
            return true;
        }
        if (first.Long < 0 || first.Long > decoded.Length)
        {
            return true;
        }
        var tokens = scan.Tokens(decoded[..first.Int]);
        var members = new List<(long Number, long Offset)>();
        try
        {
            while (members.Count < count.Long && tokens.MoveNext() && tokens.CurrentToken is NumericToken number
                && tokens.MoveNext() && tokens.CurrentToken is NumericToken offset)
            {
                if (offset.Long >= 0 && first.Long + offset.Long <= decoded.Length)
                {
                    if (kept.Count + members.Count >= maxObjects)
                    {
                        return false;
                    }
                    members.Add((number.Long, first.Long + offset.Long));
                }
            }
        }
        catch (PdfDocumentFormatException)
        {
            // The index of the stream is damaged past this point: the members listed before it are kept.
        }
        members.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        for (var m = 0; m < members.Count; m++)
        {
            var (number, start) = members[m];
            var end = m + 1 < members.Count ? members[m + 1].Offset : decoded.Length;
            var placedHere = latest.TryGetValue(number, out var place) && place.Place is { Packed: true } packed && packed.At == container;
            if (number <= 0 || number > PdfObjectScan.MaxObjectNumber || (!placedHere && (atTopLevel.ContainsKey(number) || kept.ContainsKey(number))))
            {
                continue;
            }
            var bytes = decoded[(int)start..(int)end];
            var (value, spelled) = ValueOf(bytes, scan);
            kept[number] = new Kept(number, 0, value, spelled, null);
        }
        return true;
    }

    /// <summary>The first value in some bytes and the bytes that spell it; a reference is three tokens and is written anew.</summary>
    private static (IToken? Value, ReadOnlyMemory<byte> Spelled) ValueOf(ReadOnlyMemory<byte> bytes, PdfObjectScan scan)
    {
        var tokens = scan.Tokens(bytes);
        var read = new List<(IToken Token, int Start, int End)>();
        try
        {
            while (read.Count < 3 && tokens.MoveNext())
            {
                if (tokens.CurrentToken is not CommentToken)
                {
                    read.Add((tokens.CurrentToken, (int)tokens.CurrentTokenStart, (int)tokens.CurrentPosition));
                }
            }
        }
        catch (PdfDocumentFormatException)
        {
            // What was read before the unreadable bytes is all there is of the value.
        }
        if (read is [{ Token: NumericToken number }, { Token: NumericToken generation }, { Token: OperatorToken { Data: "R" } }, ..])
        {
            return (new IndirectReferenceToken(new IndirectReference(number.Long, generation.Int)), ReadOnlyMemory<byte>.Empty);
        }
        return read is [{ Token: not OperatorToken } value, ..] ? (value.Token, bytes[value.Start..value.End]) : (null, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>The trailer of the cross-reference, or of the last trailer or cross-reference stream in the file, that names a root.</summary>
    private static DictionaryToken? TrailerWithRoot(ReadOnlySpan<byte> span, PdfObjectScan scan, CrossReference xref)
    {
        if (xref.Trailer?.ContainsKey(NameToken.Root) == true)
        {
            return xref.Trailer;
        }
        var end = span.Length;
        for (var tries = 0; tries < 16; tries++)
        {
            var at = span[..end].LastIndexOf("trailer"u8);
            if (at < 0)
            {
                break;
            }
            var tokens = scan.Tokens((at + "trailer".Length)..);
            try
            {
                if (tokens.MoveNext() && tokens.CurrentToken is DictionaryToken trailer && trailer.ContainsKey(NameToken.Root))
                {
                    return trailer;
                }
            }
            catch (PdfDocumentFormatException)
            {
                // An unreadable trailer is no trailer; an earlier one may still be whole.
            }
            end = at;
        }
        return scan.Objects.LastOrDefault(o => o.Value is DictionaryToken d && d.ContainsKey(NameToken.Root) && Entry<NameToken>(d, NameToken.Type) is { } type && type.Equals(XRefType))?.Value as DictionaryToken;
    }

    /// <summary>The trailer's root when it is a dictionary kept; otherwise the last catalog among the objects kept.</summary>
    private static IndirectReference? RootOf(DictionaryToken? trailer, Dictionary<long, Kept> kept)
    {
        if (trailer?.Data.GetValueOrDefault(NameToken.Root.Data) is IndirectReferenceToken named
            && kept.TryGetValue(named.Data.ObjectNumber, out var root) && root is { Value: DictionaryToken, Data: null })
        {
            return new IndirectReference(root.Number, root.Generation);
        }
        var catalog = kept.Values
            .Where(k => k is { Value: DictionaryToken d, Data: null } && Entry<NameToken>(d, NameToken.Type) is { } type && type.Equals(CatalogType) && d.ContainsKey(NameToken.Pages))
            .MaxBy(k => k.Number);
        return catalog is null ? null : new IndirectReference(catalog.Number, catalog.Generation);
    }

    /// <summary>
    /// The objects referred to but kept nowhere, each with the generation first named: a reference
    /// to an object that is nowhere is a reference to null (ISO 32000-1, 7.3.10), and written so,
    /// PdfPig finds it at once instead of searching the file for it. Null when they and the objects
    /// kept would pass <paramref name="maxObjects"/>.
    /// </summary>
    private static Dictionary<long, int>? Missing(Dictionary<long, Kept> kept, DictionaryToken? trailer, int maxObjects)
    {
        var missing = new Dictionary<long, int>();
        var pending = new Stack<IToken>();
        foreach (var value in kept.Values.Select(k => k.Value).Append(trailer))
        {
            if (value is not null)
            {
                pending.Push(value);
            }
            while (pending.TryPop(out var next))
            {
                switch (next)
                {
                    case IndirectReferenceToken reference when !kept.ContainsKey(reference.Data.ObjectNumber) && reference.Data.ObjectNumber > 0 && reference.Data.ObjectNumber <= PdfObjectScan.MaxObjectNumber:
                        if (missing.TryAdd(reference.Data.ObjectNumber, reference.Data.Generation) && kept.Count + missing.Count > maxObjects)
                        {
                            return null;
                        }
                        break;
                    case DictionaryToken dictionary:
                        foreach (var entry in dictionary.Data.Values)
                        {
                            pending.Push(entry);
                        }
                        break;
                    case ArrayToken array:
                        foreach (var entry in array.Data)
                        {
                            pending.Push(entry);
                        }
                        break;
                }
            }
        }
        return missing;
    }

    /// <summary>The most objects whose value is only a reference to the next that a chain may pass through.</summary>
    private const int MaxReferenceChain = 32;

    /// <summary>Whether following an object whose value is a reference reaches something else than a reference, soon and without coming back.</summary>
    private static bool ChainEnds(Kept start, Dictionary<long, Kept> kept)
    {
        var seen = new HashSet<long> { start.Number };
        var at = start;
        for (var hops = 0; hops < MaxReferenceChain; hops++)
        {
            if (at is not { Data: null, Value: IndirectReferenceToken next })
            {
                return true;
            }
            if (!kept.TryGetValue(next.Data.ObjectNumber, out var following))
            {
                // A reference to an object that is nowhere is null (written below with the missing ones).
                return true;
            }
            if (!seen.Add(following.Number))
            {
                return false;
            }
            at = following;
        }
        return false;
    }

    private static byte[] Write(Dictionary<long, Kept> kept, Dictionary<long, int> missing, IndirectReference root, DictionaryToken? trailer, PdfObjectScan scan)
    {
        var output = new MemoryStream();
        void Text(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Text("%PDF-1.7\n%");
        output.Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        var offsets = new SortedDictionary<long, (long Offset, int Generation)>();
        foreach (var k in kept.Values.OrderBy(k => k.Number))
        {
            offsets[k.Number] = (output.Position, k.Generation);
            Text(FormattableString.Invariant($"{k.Number} {k.Generation} obj\n"));
            if (k.Data is { } data && k.Value is DictionaryToken dictionary && StreamDictionary(dictionary, k.Spelled, data.Length, scan) is { } spelled)
            {
                output.Write(spelled.Span);
                Text("\nstream\n");
                output.Write(data.Span);
                Text("\nendstream\nendobj\n");
                continue;
            }
            // A reference is three tokens, which no single token spells back: it is written anew,
            // unless following it comes back round or runs on: PdfPig follows such a chain by
            // recursion, and a loop of references would exhaust its stack.
            if (k is { Data: null, Value: IndirectReferenceToken reference } && ChainEnds(k, kept))
            {
                Text(FormattableString.Invariant($"{reference.Data.ObjectNumber} {reference.Data.Generation} R"));
            }
            else if (k.Data is null && k.Value is not null && ReadsBack(k.Spelled, "endobj", scan, _ => true))
            {
                output.Write(k.Spelled.Span);
            }
            else
            {
                // A value nothing can spell back (or a stream whose dictionary cannot be written) is lost.
                Text("null");
            }
            Text("\nendobj\n");
        }
        foreach (var (number, generation) in missing.OrderBy(m => m.Key))
        {
            offsets[number] = (output.Position, generation);
            Text(FormattableString.Invariant($"{number} {generation} obj\nnull\nendobj\n"));
        }

        var xref = output.Position;
        Text("xref\n0 1\n0000000000 65535 f \n");
        var numbers = offsets.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var run = i;
            while (run + 1 < numbers.Count && numbers[run + 1] == numbers[run] + 1)
            {
                run++;
            }
            Text(FormattableString.Invariant($"{numbers[i]} {run - i + 1}\n"));
            for (; i <= run; i++)
            {
                var (offset, generation) = offsets[numbers[i]];
                Text(FormattableString.Invariant($"{offset:D10} {generation:D5} n \n"));
            }
        }
        var size = numbers.Count == 0 ? 1 : numbers[^1] + 1;
        Text(FormattableString.Invariant($"trailer\n<< /Size {size} /Root {root.ObjectNumber} {root.Generation} R"));
        // The document information only when it is a dictionary: PdfPig refuses a file whose /Info is anything else.
        if (trailer?.Data.GetValueOrDefault(NameToken.Info.Data) is IndirectReferenceToken info
            && kept.TryGetValue(info.Data.ObjectNumber, out var information) && information is { Value: DictionaryToken, Data: null })
        {
            Text(FormattableString.Invariant($" /Info {information.Number} {information.Generation} R"));
        }
        foreach (var key in new[] { NameToken.Id, NameToken.Encrypt })
        {
            if (trailer?.Data.GetValueOrDefault(key.Data) is { } value && Writable(value))
            {
                Text(FormattableString.Invariant($" /{key.Data} "));
                TokenWriter.Instance.WriteToken(value, output);
            }
        }
        Text(FormattableString.Invariant($" >>\nstartxref\n{xref}\n%%EOF\n"));
        return output.ToArray();
    }

    /// <summary>
    /// A stream's dictionary spelled so that its <c>/Length</c> is the data's: as the file spelled it
    /// when that is so, else written anew. Null when neither reads back.
    /// </summary>
    private static ReadOnlyMemory<byte>? StreamDictionary(DictionaryToken dictionary, ReadOnlyMemory<byte> spelled, int length, PdfObjectScan scan)
    {
        bool Right(IToken token) => token is DictionaryToken d && Entry<NumericToken>(d, NameToken.Length) is { } declared && declared.Long == length;
        if (Right(dictionary) && ReadsBack(spelled, "stream", scan, Right))
        {
            return spelled;
        }
        var entries = dictionary.Data.Where(e => Writable(e.Value)).ToDictionary(e => NameToken.Create(e.Key), e => e.Value);
        entries[NameToken.Length] = new NumericToken(length);
        var written = new MemoryStream();
        TokenWriter.Instance.WriteToken(new DictionaryToken(entries), written);
        var bytes = new ReadOnlyMemory<byte>(written.ToArray());
        return ReadsBack(bytes, "stream", scan, Right) ? bytes : null;
    }

    /// <summary>Whether PdfPig, reading these bytes then the keyword, gets one value that passes <paramref name="check"/> and then that keyword.</summary>
    private static bool ReadsBack(ReadOnlyMemory<byte> spelled, string keyword, PdfObjectScan scan, Func<IToken, bool> check)
    {
        if (spelled.IsEmpty)
        {
            return false;
        }
        var tokens = scan.Tokens(new ReadOnlyMemory<byte>([.. spelled.Span, (byte)'\n', .. Encoding.ASCII.GetBytes(keyword), (byte)'\n']));
        try
        {
            return tokens.MoveNext() && tokens.CurrentToken is not OperatorToken and not CommentToken && check(tokens.CurrentToken)
                && tokens.MoveNext() && tokens.CurrentToken is OperatorToken after && after.Data == keyword;
        }
        catch (PdfDocumentFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// A stream's data decoded, or null when its filters cannot decode it: one damaged stream is
    /// passed over, not the file. PdfPig's filters fail in many ways (a filter named by a reference
    /// fails a cast); only the decoding budget running out still ends the read.
    /// </summary>
    private static ReadOnlyMemory<byte>? Decoded(DictionaryToken dictionary, ReadOnlyMemory<byte> data, IFilterProvider filters)
    {
        try
        {
            return new StreamToken(dictionary, data.ToArray()).Decode(filters);
        }
        catch (Exception e) when (e is not OutOfMemoryException && filters is not PdfStreamBudget { Exceeded: not null })
        {
            return null;
        }
    }

    /// <summary>Whether a stream names its filters and their parameters itself; PdfPig cannot look them up elsewhere when decoding on its own.</summary>
    private static bool DecodesAlone(DictionaryToken dictionary) =>
        dictionary.Data.GetValueOrDefault(NameToken.Filter.Data) is null or NameToken or ArrayToken
        && dictionary.Data.GetValueOrDefault(NameToken.DecodeParms.Data) is null or DictionaryToken or ArrayToken or NullToken;

    private static T? Entry<T>(DictionaryToken dictionary, NameToken key)
        where T : class, IToken => dictionary.Data.GetValueOrDefault(key.Data) as T;

    /// <summary>Whether PdfPig's writer can write a token: data only, no stray keywords or comments.</summary>
    private static bool Writable(IToken token) => token switch
    {
        DictionaryToken dictionary => dictionary.Data.Values.All(Writable),
        ArrayToken array => array.Data.All(Writable),
        OperatorToken or CommentToken or StreamToken or ObjectToken => false,
        _ => true,
    };
}
