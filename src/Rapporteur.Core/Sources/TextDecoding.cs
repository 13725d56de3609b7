using System.Text;

namespace Rapporteur.Core.Sources;

/// <summary>Turns bytes into text: BOMs, strict UTF-8, and Windows-1251 for Cyrillic files saved the old way.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>Decodes, or says why the bytes are not text.</summary>
    public static ReadResult Decode(ReadOnlySpan<byte> bytes, out string text, out string encodingName)
    {
        text = "";
        encodingName = "";
        if (bytes.IsEmpty)
        {
            return new Refused(ReadProblem.Empty, "the file is empty (0 bytes)");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeStrict(bytes[3..], out text, out encodingName);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
            encodingName = "utf-16le";
            return Ok;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
            encodingName = "utf-16be";
            return Ok;
        }
        if (LooksBinary(bytes))
        {
            return new Refused(ReadProblem.Binary, "the bytes are binary, not text (control bytes or NUL found)");
        }
        var firstBad = FirstInvalidUtf8(bytes, out var validMultiByte, out var invalid);
        if (firstBad < 0)
        {
            text = StrictUtf8.GetString(bytes);
            encodingName = "utf-8";
            return Ok;
        }
        // In Windows-1251 a capital followed by ё or » can pass for a UTF-8 pair; broken pairs outnumbering good ones mean 1251.
        if (invalid > validMultiByte && LooksLikeWindows1251Cyrillic(bytes))
        {
            text = Windows1251.GetString(bytes);
            encodingName = "windows-1251";
            return Ok;
        }
        return new Refused(ReadProblem.InvalidEncoding, $"invalid UTF-8 at byte {firstBad}, and not Windows-1251 Cyrillic either");
    }

    private static readonly Read Ok = new("text/plain", "");

    private static ReadResult DecodeStrict(ReadOnlySpan<byte> bytes, out string text, out string encodingName)
    {
        encodingName = "utf-8";
        var bad = FirstInvalidUtf8(bytes, out _, out _);
        if (bad >= 0)
        {
            text = "";
            return new Refused(ReadProblem.InvalidEncoding, $"invalid UTF-8 at byte {bad + 3}");
        }
        text = StrictUtf8.GetString(bytes);
        return Ok;
    }

    /// <summary>NUL bytes or many C0 controls (other than tab, newline, form feed, carriage return) mean binary.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B))
            {
                controls++;
            }
        }
        return controls > sample.Length / 100 + 1;
    }

    /// <summary>Index of the first byte that breaks UTF-8, or -1; counts the well-formed multi-byte sequences seen.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes, out int validMultiByte, out int invalid)
    {
        validMultiByte = 0;
        invalid = 0;
        var firstBad = -1;
        var i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
                if (firstBad < 0)
                {
                    firstBad = i;
                }
                i += Math.Max(consumed, 1);
                continue;
            }
            if (consumed > 1)
            {
                validMultiByte++;
            }
            i += consumed;
        }
        return firstBad;
    }

    // In Windows-1251 the Cyrillic letters are 0xC0-0xFF (plus Ёё at 0xA8/0xB8); Cyrillic text is
    // mostly runs of those between ASCII spaces and punctuation.
    private static bool LooksLikeWindows1251Cyrillic(ReadOnlySpan<byte> bytes)
    {
        int high = 0, letters = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                if (b >= 0xC0 || b is 0xA8 or 0xB8)
                {
                    letters++;
                }
            }
        }
        return high > 0 && letters >= high * 0.8;
    }
}
