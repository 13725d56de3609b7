using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Rapporteur.Core.Sources;

/// <summary>
/// The PDF filters PdfPig decodes streams with, wrapped so that one document's streams inflate to
/// a bounded number of bytes in all. PdfPig inflates a whole stream into one array, so a 2 MB
/// FlateDecode bomb would become 2 GB before anyone could look at it: a stream whose compressed
/// size allows more than what is left of the budget is first inflated into a small scratch
/// buffer, only counting, and refused before PdfPig allocates anything.
/// </summary>
internal sealed class PdfStreamBudget(long maxDecodedBytes) : IFilterProvider
{
    // RFC 1951: the most deflate expands by is a 258-byte match for a two-bit code.
    private const long MaxFlateExpansion = 1032;
    // Run-length decoding turns two bytes into at most 128.
    private const long MaxRunLengthExpansion = 64;
    // A 12-bit LZW code can stand for a string of up to 4,096 bytes.
    private const long MaxLzwExpansion = 4096 * 8 / 9 + 1;

    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;
    private long decoded;

    /// <summary>Why the budget ran out, once it has; PdfPig may swallow the exception that said so.</summary>
    public string? Exceeded { get; private set; }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => [.. inner.GetFilters(dictionary).Select(Wrap)];

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => [.. inner.GetNamedFilters(names).Select(Wrap)];

    public IReadOnlyList<IFilter> GetAllFilters() => [.. inner.GetAllFilters().Select(Wrap)];

    private BudgetedFilter Wrap(IFilter filter) => new(filter, this);

    private long Remaining => Math.Max(0, maxDecodedBytes - decoded);

    private void Charge(long bytes)
    {
        decoded += bytes;
        if (decoded > maxDecodedBytes)
        {
            Refuse();
        }
    }

    private void Refuse()
    {
        Exceeded ??= FormattableString.Invariant($"the PDF's compressed streams expand past the limit of {maxDecodedBytes:N0} bytes");
        throw new InvalidDataException(Exceeded);
    }

    private sealed class BudgetedFilter(IFilter filter, PdfStreamBudget budget) : IFilter
    {
        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (budget.Exceeded is not null)
            {
                budget.Refuse();
            }
            var remaining = budget.Remaining;
            var (worstCase, measure) = filter switch
            {
                FlateFilter => (input.Length * MaxFlateExpansion, (Func<ReadOnlyMemory<byte>, long, long>?)InflatedLength),
                LzwFilter => (input.Length * MaxLzwExpansion, LzwLength),
                RunLengthFilter => (input.Length * MaxRunLengthExpansion, RunLength),
                _ => (0L, null),
            };
            if (measure is not null && worstCase > remaining && measure(input, remaining) > remaining)
            {
                budget.Refuse();
            }
            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Charge(output.Length);
            return output;
        }
    }

    // What PdfPig's FlateFilter would inflate, counted in a scratch buffer and stopped once past the limit.
    private static long InflatedLength(ReadOnlyMemory<byte> input, long limit)
    {
        if (input.Length <= 2)
        {
            return 0;
        }
        // Like PdfPig, skip the two-byte zlib header that DeflateStream does not read.
        using var compressed = new MemoryStream(input[2..].ToArray(), writable: false);
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        var scratch = new byte[64 * 1024];
        long total = 0;
        while (total <= limit)
        {
            int read;
            try
            {
                read = deflate.Read(scratch, 0, scratch.Length);
            }
            catch (InvalidDataException)
            {
                // Damaged from here on: PdfPig keeps what came before, no more.
                break;
            }
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    private static long RunLength(ReadOnlyMemory<byte> input, long limit)
    {
        var bytes = input.Span;
        long total = 0;
        var i = 0;
        while (i < bytes.Length && total <= limit)
        {
            var header = bytes[i];
            if (header == 128)
            {
                break;
            }
            if (header < 128)
            {
                total += header + 1;
                i += header + 2;
            }
            else
            {
                total += 257 - header;
                i += 2;
            }
        }
        return total;
    }

    // The length an LZW stream decodes to, from the lengths of its table entries alone.
    private static long LzwLength(ReadOnlyMemory<byte> input, long limit)
    {
        const int clear = 256, end = 257;
        var bytes = input.Span;
        var lengths = new int[4096];
        var codeLength = 9;
        var next = 258;
        var previous = -1;
        long total = 0;
        long bit = 0;
        var bits = (long)bytes.Length * 8;
        while (bit + codeLength <= bits && total <= limit)
        {
            var code = 0;
            for (var k = 0; k < codeLength; k++, bit++)
            {
                code = (code << 1) | ((bytes[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }
            if (code == clear)
            {
                codeLength = 9;
                next = 258;
                previous = -1;
                continue;
            }
            if (code == end)
            {
                break;
            }
            int length;
            if (previous < 0)
            {
                length = 1;
            }
            else
            {
                length = code < 256 ? 1 : code < next ? lengths[code] : previous + 1;
                if (next < lengths.Length)
                {
                    lengths[next++] = previous + 1;
                }
            }
            total += length;
            previous = length;
            // Early change (the PDF default): the code grows one code before the table needs it.
            if (next + 1 >= 1 << codeLength && codeLength < 12)
            {
                codeLength++;
            }
        }
        return total;
    }
}
