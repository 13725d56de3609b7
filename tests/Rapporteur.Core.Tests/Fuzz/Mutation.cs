using System.Text;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// One change to a seed input. Positions are taken modulo the input's length when applied, so a
/// mutation stands on its own and a failing list of them shrinks and replays on any seed.
/// </summary>
public abstract record Mutation
{
    /// <summary>Pieces of the formats the readers parse: inserted whole, they reach deeper than random bytes.</summary>
    public static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<div>", "</div>", "<", ">", "</", "/>", "&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE rss [<!ENTITY a \"aa\">]>", "&a;",
            "<item>", "</item>", "<entry>", "<article>", "</article>", "<script>", "<table><tr><td>", "<ul><li>", "<p>", "\"", "'", "=",
            "\0", "\r\n", "\n\n", "\n", " ", "\t",
            "%PDF-1.7\n", " obj\n", "endobj\n", "stream\n", "\nendstream\n", "/Filter /FlateDecode", "/Length 999999999", "xref\n", "trailer\n", "startxref\n", "<<", ">>", "[", "]", "(", ")", " 0 R", "/Kids [3 0 R 3 0 R]", "/Count 99999999", " Do\n", "BT ", " ET", " Tj", "/Type /Page",
            "Share on Facebook", "Page 1 of 2", "Contact us", "desk@bulletin.example.org", "+1 555 0100 200", "x x x x x x x x x x", "Published: 14 March 2025",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xFE, 0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xD0], [0x80], [0xE2, 0x80],
    ];

    public abstract byte[] Apply(byte[] input, byte[] other);

    private static int Position(int at, int length) => length == 0 ? 0 : (int)((uint)at % (uint)(length + 1));

    public sealed record Flip(int At, int Bit) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other)
        {
            if (input.Length == 0)
            {
                return input;
            }
            var copy = (byte[])input.Clone();
            copy[(int)((uint)At % (uint)input.Length)] ^= (byte)(1 << (Bit & 7));
            return copy;
        }
    }

    public sealed record Insert(int At, byte[] Bytes) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other)
        {
            var at = Position(At, input.Length);
            return [.. input.AsSpan(0, at), .. Bytes, .. input.AsSpan(at)];
        }

        public override string ToString() => $"Insert {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}";
    }

    public sealed record InsertToken(int At, int Token) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other) => new Insert(At, Tokens[(int)((uint)Token % (uint)Tokens.Length)]).Apply(input, other);
    }

    public sealed record Delete(int At, int Length) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other)
        {
            var at = Position(At, input.Length);
            var length = Math.Min(Math.Abs(Length), input.Length - at);
            return [.. input.AsSpan(0, at), .. input.AsSpan(at + length)];
        }
    }

    public sealed record Truncate(int At) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other) => input[..Position(At, input.Length)];
    }

    /// <summary>The head of this input joined to the tail of another.</summary>
    public sealed record Splice(int At, int OtherAt) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other) => [.. input.AsSpan(0, Position(At, input.Length)), .. other.AsSpan(Position(OtherAt, other.Length))];
    }

    /// <summary>A chunk of the input repeated in place, the shape of most resource bombs.</summary>
    public sealed record Repeat(int At, int Length, int Times) : Mutation
    {
        public override byte[] Apply(byte[] input, byte[] other)
        {
            var at = Position(At, input.Length);
            var length = Math.Min(Math.Abs(Length), input.Length - at);
            var chunk = input.AsSpan(at, length);
            var output = new List<byte>(input.Length + (length * Math.Abs(Times)));
            output.AddRange(input.AsSpan(0, at + length));
            for (var i = 0; i < Math.Abs(Times); i++)
            {
                output.AddRange(chunk);
            }
            output.AddRange(input.AsSpan(at + length));
            return [.. output];
        }
    }

    /// <summary>A random mutation, for the long-running fuzz verb that has no generator library.</summary>
    public static Mutation Random(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(7) switch
        {
            0 => new Flip(random.Next(), random.Next(8)),
            1 => new Insert(random.Next(), [.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256))]),
            2 => new InsertToken(random.Next(), random.Next(Tokens.Length)),
            3 => new Delete(random.Next(), random.Next(1, 512)),
            4 => new Truncate(random.Next()),
            5 => new Splice(random.Next(), random.Next()),
            _ => new Repeat(random.Next(), random.Next(1, 257), random.Next(2, 2001)),
        };
    }
}
