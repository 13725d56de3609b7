namespace Rapporteur.Core.Documents;

/// <summary>One line of a source text: where it starts, its length without the line break, and whether the break follows.</summary>
public readonly record struct TextLine(int Start, int Length, int BreakLength)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);

    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                lines.Add(new TextLine(start, end - start, i + 1 - end));
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(new TextLine(start, text.Length - start, 0));
        }
        return lines;
    }

    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }
}
