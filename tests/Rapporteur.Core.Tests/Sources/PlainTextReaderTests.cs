using System.Text;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Sources;

public sealed class PlainTextReaderTests
{
    private const string English = "Dilnoza Karimova, a lawyer from Namangan, was summoned for questioning on Monday.\nHer colleagues were not told why.\n";
    private const string Russian = "Правозащитница Дильноза Каримова задержана в Намангане. Её адвокат не допущен к делу.";

    private static readonly DateTimeOffset Captured = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static ReadResult ReadBytes(byte[] bytes, string name = "statement.txt") =>
        new PlainTextReader().Read(new SourceInput(bytes, name, Captured, "text/plain"));

    private static Read AssertRead(ReadResult result) => Assert.IsType<Read>(result);

    private static Refused AssertRefused(ReadResult result, ReadProblem problem)
    {
        var refused = Assert.IsType<Refused>(result);
        Assert.Equal(problem, refused.Problem);
        Assert.False(string.IsNullOrWhiteSpace(refused.Detail), "a refusal says why in words");
        return refused;
    }

    [Fact]
    public void Utf8_text_is_read_as_it_is()
    {
        var read = AssertRead(ReadBytes(Encoding.UTF8.GetBytes(English)));

        Assert.Equal(English, read.Text);
        Assert.Equal("text/plain", read.MediaType);
    }

    [Fact]
    public void Utf8_cyrillic_without_a_bom_is_read_as_utf8()
    {
        var read = AssertRead(ReadBytes(Encoding.UTF8.GetBytes(Russian)));

        Assert.Equal(Russian, read.Text);
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_text()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Russian)];

        var read = AssertRead(ReadBytes(bytes));

        Assert.Equal(Russian, read.Text);
    }

    [Fact]
    public void Utf16_little_endian_with_a_bom_is_decoded()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Russian)];

        var read = AssertRead(ReadBytes(bytes));

        Assert.Equal(Russian, read.Text);
    }

    [Fact]
    public void Windows_1251_cyrillic_bytes_decode_to_the_russian_text()
    {
        const string text = "Активист Бекболот Исаков задержан в Бишкеке после публикации о выборах в городской совет.";

        var read = AssertRead(ReadBytes(Windows1251(text)));

        Assert.Equal(text, read.Text);
    }

    [Fact]
    public void Windows_1251_text_whose_letters_happen_to_pair_like_utf8_still_decodes()
    {
        // Ё is 0xA8/0xB8 and » is 0xBB in Windows-1251: after a capital letter (0xC2-0xDF) such a
        // byte is also a well-formed two-byte UTF-8 sequence ("Её" is C5 B8, "ОБСЕ»" ends C5 BB).
        var read = AssertRead(ReadBytes(Windows1251(Russian + " Представитель «ОБСЕ» выразил обеспокоенность.")));

        Assert.Equal(Russian + " Представитель «ОБСЕ» выразил обеспокоенность.", read.Text);
    }

    private static byte[] Windows1251(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes(text);
        Assert.Equal(text.Length, bytes.Length); // one byte per letter: no UTF-8 in sight
        return bytes;
    }

    [Fact]
    public void Empty_file_is_refused_as_empty()
    {
        AssertRefused(ReadBytes([]), ReadProblem.Empty);
    }

    [Fact]
    public void Binary_bytes_named_txt_are_refused_as_binary()
    {
        // The start of a PNG image, then its zero-filled header fields.
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, .. new byte[64]];

        AssertRefused(ReadBytes(bytes, "photo-of-the-court.txt"), ReadProblem.Binary);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_the_offset_of_the_bad_byte()
    {
        var before = Encoding.UTF8.GetBytes("Азамат Юлдашев, журналист из Оша, ");
        var after = Encoding.UTF8.GetBytes(" вызван на допрос в ГКНБ.");
        byte[] bytes = [.. before, 0xFF, .. after];

        var refused = AssertRefused(ReadBytes(bytes), ReadProblem.InvalidEncoding);

        Assert.Matches(FormattableString.Invariant($@"\b{before.Length}\b"), refused.Detail);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\n\n\t \r\n")]
    [InlineData("\u00A0\u2003\n")]
    public void Whitespace_only_text_is_refused_as_having_no_text(string text)
    {
        AssertRefused(ReadBytes(Encoding.UTF8.GetBytes(text)), ReadProblem.NoText);
    }
}
