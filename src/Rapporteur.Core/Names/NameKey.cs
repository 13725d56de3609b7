using System.Text;
using AnyAscii;

namespace Rapporteur.Core.Names;

/// <summary>
/// A comparison key for one name word, in which common romanisations of Central Asian and
/// Russian names meet: Холиқов, Kholiqov and Kholikov share a key.
/// </summary>
public static class NameKey
{
    /// <summary>The key of a single word (a given name or a surname).</summary>
    public static string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var latin = Romanise(word);
        var s = new StringBuilder(latin.Length);
        foreach (var c in latin)
        {
            if (char.IsLetter(c))
            {
                s.Append(char.ToLowerInvariant(c));
            }
        }
        var k = s.ToString();
        // Order matters: longer spellings first, so "dzh" is not read as "d" + "zh".
        k = k.Replace("dzh", "j", StringComparison.Ordinal)
             .Replace("dj", "j", StringComparison.Ordinal)
             .Replace("zh", "j", StringComparison.Ordinal)
             .Replace("kh", "h", StringComparison.Ordinal)
             .Replace("gh", "g", StringComparison.Ordinal)
             .Replace("x", "h", StringComparison.Ordinal)
             .Replace("q", "k", StringComparison.Ordinal)
             .Replace("ts", "c", StringComparison.Ordinal)
             .Replace("tch", "ch", StringComparison.Ordinal)
             .Replace("yo", "e", StringComparison.Ordinal)
             .Replace("ye", "e", StringComparison.Ordinal)
             .Replace("yu", "u", StringComparison.Ordinal)
             .Replace("ya", "a", StringComparison.Ordinal)
             .Replace("iy", "i", StringComparison.Ordinal)
             .Replace("ou", "u", StringComparison.Ordinal)
             .Replace("w", "v", StringComparison.Ordinal)
             .Replace("y", "i", StringComparison.Ordinal);
        // Tajik "zoda" and Persian "zade" are one suffix.
        if (k.EndsWith("zade", StringComparison.Ordinal) || k.EndsWith("zada", StringComparison.Ordinal))
        {
            k = k[..^4] + "zoda";
        }
        var collapsed = new StringBuilder(k.Length);
        foreach (var c in k)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }
        return collapsed.ToString();
    }

    /// <summary>Latin letters for any script: Cyrillic through AnyAscii, with the Central Asian letters first.</summary>
    public static string Romanise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pre = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            pre.Append(c switch
            {
                'қ' or 'Қ' => "q",
                'ғ' or 'Ғ' => "gh",
                'ҳ' or 'Ҳ' or 'һ' or 'Һ' => "h",
                'ҷ' or 'Ҷ' => "j",
                'ӣ' or 'Ӣ' => "i",
                'ӯ' or 'Ӯ' or 'ў' or 'Ў' => "u",
                'ң' or 'Ң' => "ng",
                'ө' or 'Ө' => "o",
                'ү' or 'Ү' or 'ұ' or 'Ұ' => "u",
                'ә' or 'Ә' => "a",
                'і' or 'І' => "i",
                'х' or 'Х' => "kh",
                'ж' or 'Ж' => "zh",
                'ц' or 'Ц' => "ts",
                'щ' or 'Щ' => "shch",
                'ъ' or 'Ъ' or 'ь' or 'Ь' => "",
                'ʻ' or 'ʼ' or '\'' or '’' or '‘' or '`' => "",
                'ň' or 'Ň' => "n",
                'ş' or 'Ş' => "sh",
                'ž' or 'Ž' => "zh",
                'ç' or 'Ç' => "ch",
                'ý' or 'Ý' => "y",
                'ä' or 'Ä' => "a",
                'ö' or 'Ö' => "o",
                'ü' or 'Ü' => "u",
                _ => c.ToString(),
            });
        }
        return pre.ToString().Transliterate();
    }
}
