using System.IO.Compression;
using System.Text;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>
/// Writes small PDFs object by object, so a test can build what no PDF library would write:
/// streams that inflate a thousandfold, forms that draw forms, page trees that repeat a node.
/// </summary>
public static class PdfBytes
{
    public const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    public const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    public const string OnePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

    public static byte[] Text(string line) => Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({line}) Tj ET\n");

    public static string Page(string resources = "") =>
        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> {resources} >> >>";

    /// <summary>A PDF of the given objects, numbered from 1, with a correct cross-reference table.</summary>
    public static byte[] Document(params object[] objects)
    {
        using var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.7\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            if (objects[i] is byte[] raw)
            {
                output.Write(raw);
            }
            else
            {
                Write((string)objects[i]);
            }
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }
        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static byte[] Stream(byte[] data, string entries = "")
    {
        var head = Encoding.ASCII.GetBytes($"<< /Length {data.Length} {entries} >>\nstream\n");
        return [.. head, .. data, .. "\nendstream"u8];
    }

    /// <summary>zlib-compressed bytes: the text, then <paramref name="padding"/> spaces, which compress a thousandfold.</summary>
    public static byte[] Deflated(byte[] text, long padding)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(text);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var left = padding; left > 0; left -= spaces.Length)
            {
                zlib.Write(spaces, 0, (int)Math.Min(left, spaces.Length));
            }
        }
        return output.ToArray();
    }

    /// <summary>Bytes the file's writer never counted, inserted after the header line: every offset after them is wrong.</summary>
    public static byte[] Shifted(byte[] pdf, string inserted = "% a line added after the file was written\n")
    {
        var at = Array.IndexOf(pdf, (byte)'\n') + 1;
        return [.. pdf.AsSpan(0, at), .. Encoding.ASCII.GetBytes(inserted), .. pdf.AsSpan(at)];
    }

    /// <summary>One page showing one line of text, its content stream as given.</summary>
    public static byte[] OnePageWith(byte[] contentStream) => Document(Catalog, OnePage, Page(), contentStream, Font);
}
