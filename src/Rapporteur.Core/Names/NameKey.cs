using System.Text;
using AnyAscii;

namespace Rapporteur.Core.Names;

/// <summary>
/// A comparison key for one name word, in which common romanisations of Central Asian and
/// Russian names meet: Холиқов, Kholiqov and Kholikov share a key.
/// </summary>
/// <remarks>
/// The key is lower-case ASCII. Consonants: kh, h, x, ҳ, х → h; q, қ → k; gh, ғ, gʻ → g;
/// j, zh, dzh, dj, ж, ҷ → j; ts, c, ц → c. Vowels: y before a consonant and at the end → i
/// (iy, ii, ий → i); a glide y before a vowel drops at the start of a word and after a vowel
/// (Yerlan = Erlan, Musoyev = Musoev) and marks softening after a consonant (Tatyana = Tatiana,
/// Belyaev = Beliaev); yo/ё after a consonant → e (Pyotr = Petr); ou → u; Uzbek oʻ and ў → u.
/// Doubled letters collapse; -zade/-zada → -zoda. Variants the key cannot settle (Tajik o vs
/// Russian a, Russian г for h) are left to <see cref="RomanisationCosts"/>.
/// </remarks>
public static class NameKey
{
    /// <summary>The key of a single word (a given name or a surname).</summary>
    public static string Of(string word) => Scan(Letters(word), Reading.Primary);

    /// <summary>
    /// The word's key, and further readings where a Latin spelling is ambiguous: x is Uzbek kh or
    /// English ks (Alexander); c is ts or Azerbaijani j (Sevinc); ng before a vowel is one Kazakh
    /// or Kyrgyz letter that passports write n (Zhangabaev, Zhanabaev) or n + g (Kurmangaliev);
    /// j after a consonant is a scholarly y (Olesja). The primary key comes first; keys are distinct.
    /// </summary>
    public static IReadOnlyList<string> Readings(string word)
    {
        var letters = Letters(word);
        var primary = Scan(letters, Reading.Primary);
        var present = (letters.Contains('x', StringComparison.Ordinal) ? Reading.LetterX : Reading.Primary)
            | (letters.Contains('c', StringComparison.Ordinal) ? Reading.LetterC : Reading.Primary)
            | (letters.Contains("ng", StringComparison.Ordinal) ? Reading.LetterNg : Reading.Primary)
            | (letters.Contains('j', StringComparison.Ordinal) ? Reading.LetterJ : Reading.Primary);
        if (present == Reading.Primary)
        {
            return [primary];
        }
        // Every ambiguous letter read the other way at once, then each on its own.
        var keys = new List<string>(3) { primary };
        foreach (var reading in (Reading[])[present, Reading.LetterX, Reading.LetterC, Reading.LetterNg, Reading.LetterJ])
        {
            if ((reading & present) == reading)
            {
                var key = Scan(letters, reading);
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }
        return keys;
    }

    [Flags]
    private enum Reading
    {
        Primary = 0,
        LetterX = 1,
        LetterC = 2,
        LetterNg = 4,
        LetterJ = 8,
    }

    /// <summary>A spelling as judgements and lookups compare it: NFC, single spaces, lower case.</summary>
    public static string Normalise(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        var s = new StringBuilder(spelling.Length);
        foreach (var c in spelling.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                if (s.Length > 0 && s[^1] != ' ')
                {
                    s.Append(' ');
                }
            }
            else
            {
                s.Append(char.ToLowerInvariant(c));
            }
        }
        return s.ToString().TrimEnd();
    }

    /// <summary>The script a spelling is written in, by its first letter that says.</summary>
    public static Domain.Script ScriptOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return Domain.Script.Cyrillic;
            }
            if (char.IsLetter(c))
            {
                return c <= '\u02AF' || c is >= '\u1E00' and <= '\u1EFF' ? Domain.Script.Latin : Domain.Script.Other;
            }
        }
        return Domain.Script.Other;
    }

    // The word in lower-case Latin letters and apostrophes only, doubles collapsed first so "yy" (Turkmen ý after y) is one glide.
    private static string Letters(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var latin = Romanise(word);
        var raw = new StringBuilder(latin.Length);
        foreach (var ch in latin)
        {
            var c = char.ToLowerInvariant(ch);
            if (c is '\'')
            {
                raw.Append(c);
            }
            else if (c is >= 'a' and <= 'z' && (raw.Length == 0 || raw[^1] != c))
            {
                raw.Append(c);
            }
        }
        return raw.ToString();
    }

    private static string Scan(string s, Reading reading)
    {
        var k = new StringBuilder(s.Length + 2);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            switch (c)
            {
                case '\'':
                    // Soft signs, the Uzbek tutuq and stray apostrophes carry no sound a spelling agrees on.
                    continue;
                case 'o' when next == '\'':
                    // Uzbek oʻ is Cyrillic ў, written u in Russian-based spellings.
                    k.Append('u');
                    i++;
                    continue;
                case 'g' when next == '\'':
                    k.Append('g');
                    i++;
                    continue;
                case 'o' when next == 'u':
                    // French-style ou (Youssoupov) is u.
                    k.Append('u');
                    i++;
                    continue;
                case 's' when At(s, i, "shch"):
                    k.Append("shch");
                    i += 3;
                    continue;
                case 'd' when At(s, i, "dzh"):
                    k.Append('j');
                    i += 2;
                    continue;
                case 'd' when next == 'j':
                case 'z' when next == 'h':
                    k.Append('j');
                    i++;
                    continue;
                case 'k' when next == 'h':
                    k.Append('h');
                    i++;
                    continue;
                case 'g' when next == 'h':
                    k.Append('g');
                    i++;
                    continue;
                case 't' when next == 's':
                    k.Append('c');
                    i++;
                    continue;
                case 't' when At(s, i, "tch"):
                    k.Append("ch");
                    i += 2;
                    continue;
                case 'p' when next == 'h':
                    k.Append('f');
                    i++;
                    continue;
                case 'c' when next == 'h':
                    k.Append("ch");
                    i++;
                    continue;
                case 'x':
                    k.Append(reading.HasFlag(Reading.LetterX) ? "ks" : "h");
                    continue;
                case 'c':
                    k.Append(reading.HasFlag(Reading.LetterC) ? 'j' : 'c');
                    continue;
                case 'j' when reading.HasFlag(Reading.LetterJ) && k.Length > 0 && !IsVowel(k[^1]) && IsVowel(next):
                    Glide(k, next, ref i);
                    continue;
                case 'q':
                    k.Append('k');
                    continue;
                case 'w':
                    k.Append('v');
                    continue;
                case 'n' when next == 'g' && reading.HasFlag(Reading.LetterNg) && (IsVowel(At(s, i + 2)) || At(s, i + 2) == 'y'):
                    k.Append('n');
                    i++;
                    continue;
                case 'i' when next == 'y':
                    // -iy, -ий and -iyev: the y adds nothing to the i.
                    k.Append('i');
                    i++;
                    continue;
                case 'y':
                    Glide(k, next, ref i);
                    continue;
                default:
                    k.Append(c);
                    continue;
            }
        }
        var key = k.ToString();
        // Tajik -zoda and Persian -zade/-zada are one suffix.
        if (key.EndsWith("zade", StringComparison.Ordinal) || key.EndsWith("zada", StringComparison.Ordinal))
        {
            key = key[..^4] + "zoda";
        }
        var collapsed = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }
        return collapsed.ToString();
    }

    // y before a vowel is a glide: nothing at the start or after a vowel (Yerlan, Musoyev);
    // softening after a consonant (Tatyana = Tatiana), where ё/yo and ye are plain e (Pyotr = Petr).
    private static void Glide(StringBuilder k, char next, ref int i)
    {
        if (!IsVowel(next))
        {
            k.Append('i');
            return;
        }
        var afterConsonant = k.Length > 0 && !IsVowel(k[^1]);
        if (!afterConsonant)
        {
            return;
        }
        switch (next)
        {
            case 'o' or 'e':
                k.Append('e');
                i++;
                return;
            case 'u':
                return;
            default:
                k.Append('i');
                return;
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool At(string s, int i, string part) => string.CompareOrdinal(s, i, part, 0, part.Length) == 0;

    /// <summary>
    /// Latin letters for any script: the Central Asian Cyrillic and national Latin letters by
    /// their common English romanisation first, everything else through AnyAscii. Apostrophes of
    /// every kind become ' (Uzbek oʻ gʻ keep their sign for the key to read).
    /// </summary>
    public static string Romanise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Composing is only needed when a combining mark is there to compose; most names have none.
        var normal = text.AsSpan().ContainsAnyInRange('\u0300', '\u036F') ? text.Normalize(NormalizationForm.FormC) : text;
        var pre = new StringBuilder(normal.Length + 8);
        var previous = '\0';
        foreach (var c in normal)
        {
            var upper = char.IsUpper(c);
            var mapped = c switch
            {
                'қ' or 'Қ' => "q",
                'ғ' or 'Ғ' => "gh",
                'ҳ' or 'Ҳ' or 'һ' or 'Һ' => "h",
                'ҷ' or 'Ҷ' => "j",
                'ӣ' or 'Ӣ' => "i",
                'ӯ' or 'Ӯ' or 'ў' or 'Ў' => "u",
                'ң' or 'Ң' or 'ň' or 'Ň' or 'ñ' or 'Ñ' => "ng",
                'ө' or 'Ө' => "o",
                'ү' or 'Ү' or 'ұ' or 'Ұ' => "u",
                'ә' or 'Ә' or 'ə' or 'Ə' => "a",
                'і' or 'І' => "i",
                'х' or 'Х' => "kh",
                'ж' or 'Ж' => "zh",
                'ц' or 'Ц' => "ts",
                'щ' or 'Щ' => "shch",
                // AnyAscii reads ё as e; the y keeps Pchyolkin and Пчёлкин together.
                'ё' or 'Ё' => "yo",
                // The Russian alphabet here too: AnyAscii is several times slower, and names are mostly Cyrillic or Latin.
                'а' or 'А' => "a",
                'б' or 'Б' => "b",
                'в' or 'В' => "v",
                'г' or 'Г' or 'ґ' or 'Ґ' => "g",
                'д' or 'Д' => "d",
                'з' or 'З' => "z",
                'и' or 'И' => "i",
                'й' or 'Й' => "y",
                'к' or 'К' => "k",
                'л' or 'Л' => "l",
                'м' or 'М' => "m",
                'н' or 'Н' => "n",
                'о' or 'О' => "o",
                'п' or 'П' => "p",
                'р' or 'Р' => "r",
                'с' or 'С' => "s",
                'т' or 'Т' => "t",
                'у' or 'У' => "u",
                'ф' or 'Ф' => "f",
                'ч' or 'Ч' => "ch",
                'ш' or 'Ш' => "sh",
                'ы' or 'Ы' => "y",
                'э' or 'Э' => "e",
                'ю' or 'Ю' => "yu",
                'я' or 'Я' => "ya",
                'є' or 'Є' => "ye",
                'ї' or 'Ї' => "yi",
                // After a soft or hard sign, е is pronounced ye (Воробьева, Vorobyeva).
                'е' or 'Е' when previous is 'ь' or 'ъ' or 'Ь' or 'Ъ' => "ye",
                'е' or 'Е' => "e",
                'ъ' or 'Ъ' or 'ь' or 'Ь' => "",
                'ʻ' or 'ʼ' or '\'' or '’' or '‘' or '`' or '´' or 'ʹ' => "'",
                'ş' or 'Ş' or 'ș' or 'Ș' => "sh",
                'ž' or 'Ž' => "zh",
                'ç' or 'Ç' or 'č' or 'Č' => "ch",
                'ý' or 'Ý' => "y",
                'ä' or 'Ä' => "a",
                'ö' or 'Ö' => "o",
                'ü' or 'Ü' or 'ū' or 'Ū' => "u",
                'ğ' or 'Ğ' => "g",
                'ı' => "i",
                _ => null,
            };
            previous = c;
            if (mapped is null)
            {
                pre.Append(c);
            }
            else if (upper && mapped.Length > 0)
            {
                pre.Append(char.ToUpperInvariant(mapped[0])).Append(mapped.AsSpan(1));
            }
            else
            {
                pre.Append(mapped);
            }
        }
        var latin = pre.ToString();
        // AnyAscii only for what is not already ASCII: it is the slow part, and it rewrites apostrophes.
        foreach (var c in latin)
        {
            if (c > '\u007F')
            {
                return latin.Transliterate();
            }
        }
        return latin;
    }
}
