using System.Text;
using Rapporteur.Core.Names;

namespace Rapporteur.Bench;

/// <summary>
/// Generates person mentions for the resolver: invented people (names built from syllables, so
/// none is real) written in Tajik or Russian Cyrillic or in one of three Latin romanisations,
/// in documents of one to four people, sometimes by surname or initial alone. Knows who each
/// record really is, to score the resolution.
/// </summary>
public sealed class NameMentionGenerator
{
    private static readonly string[] Onsets = ["b", "d", "f", "g", "gh", "h", "kh", "j", "k", "q", "l", "m", "n", "r", "s", "sh", "t", "v", "z", "zh", "ch", "y", ""];
    private static readonly string[] Vowels = ["a", "o", "u", "i", "e"];
    private static readonly string[] Codas = ["", "", "", "r", "n", "m", "d", "sh", "l", "z", "b", "q", "kh"];
    private static readonly string[] Countries = ["Tajikistan", "Uzbekistan", "Kyrgyzstan", "Kazakhstan", "Turkmenistan"];

    private readonly Random random;
    private readonly List<(string Given, string Surname, bool Female, string Country)> people = [];

    public NameMentionGenerator(int seed, int peopleCount)
    {
        random = new Random(seed);
        var givenMale = Words(peopleCount / 100 + 200, 2, 3);
        var givenFemale = Words(peopleCount / 100 + 200, 2, 3).Select(w => w.EndsWith('a') ? w : w + "a").ToArray();
        var roots = Words(peopleCount / 4 + 1000, 2, 3);
        for (var i = 0; i < peopleCount; i++)
        {
            var female = random.Next(2) == 0;
            var root = roots[random.Next(roots.Length)];
            var suffix = random.Next(10) switch
            {
                < 7 => female ? "ova" : "ov",
                < 9 => "zoda",
                _ => "",
            };
            var given = female ? givenFemale[random.Next(givenFemale.Length)] : givenMale[random.Next(givenMale.Length)];
            people.Add((given, root + suffix, female, Countries[random.Next(Countries.Length)]));
        }
    }

    public int People => people.Count;

    /// <summary>Records holding about <paramref name="mentions"/> spellings in all, with the person each record really is.</summary>
    public (List<PersonRecord> Records, List<int> Truth) Records(int mentions)
    {
        var records = new List<PersonRecord>();
        var truth = new List<int>();
        var count = 0;
        for (long document = 1; count < mentions; document++)
        {
            var inDocument = random.Next(1, 5);
            for (var p = 0; p < inDocument && count < mentions; p++)
            {
                var who = random.Next(people.Count);
                var (given, surname, _, country) = people[who];
                var scheme = random.Next(5);
                var g = Render(given, scheme);
                var s = Render(surname, scheme);
                var spellings = random.Next(20) switch
                {
                    0 => [s],
                    1 => [$"{g[..1]}. {s}"],
                    < 12 => [$"{g} {s}", s],
                    < 14 => [$"{s} {g}", s],
                    _ => new[] { $"{g} {s}" },
                };
                records.Add(new PersonRecord(document, spellings) { Country = random.Next(10) < 7 ? country : null });
                truth.Add(who);
                count += spellings.Length;
            }
        }
        return (records, truth);
    }

    private string[] Words(int count, int minSyllables, int maxSyllables)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < count)
        {
            var w = new StringBuilder();
            var syllables = random.Next(minSyllables, maxSyllables + 1);
            for (var i = 0; i < syllables; i++)
            {
                w.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]);
                if (i == syllables - 1 || random.Next(3) == 0)
                {
                    w.Append(Codas[random.Next(Codas.Length)]);
                }
            }
            words.Add(w.ToString());
        }
        return [.. words];
    }

    // 0 Tajik Cyrillic, 1 Russian Cyrillic, 2 Tajik-style Latin, 3 Russian-based English, 4 Uzbek-style Latin.
    private static string Render(string phonemic, int scheme)
    {
        var s = new StringBuilder();
        var i = 0;
        while (i < phonemic.Length)
        {
            var two = i + 1 < phonemic.Length ? phonemic.Substring(i, 2) : "";
            var unit = two is "gh" or "kh" or "sh" or "zh" or "ch" ? two : phonemic[i].ToString();
            // y before a vowel is one Cyrillic letter.
            if (unit == "y" && scheme < 2 && i + 1 < phonemic.Length && "aoue".Contains(phonemic[i + 1], StringComparison.Ordinal))
            {
                s.Append(phonemic[i + 1] switch { 'a' => "я", 'o' => "ё", 'u' => "ю", _ => "е" });
                i += 2;
                continue;
            }
            s.Append(scheme switch
            {
                0 => Cyrillic(unit, tajik: true),
                1 => Cyrillic(unit, tajik: false),
                2 => unit,
                3 => unit switch { "gh" => "g", "h" => "kh", "j" => "dzh", "q" => "k", _ => unit },
                _ => unit switch { "gh" => "gʻ", "kh" => "x", _ => unit },
            });
            i += unit.Length;
        }
        var word = s.ToString();
        if (scheme == 3 && word.EndsWith("zoda", StringComparison.Ordinal))
        {
            word = word[..^4] + "zade";
        }
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static string Cyrillic(string unit, bool tajik) => unit switch
    {
        "a" => "а", "o" => "о", "u" => "у", "i" => "и", "e" => "е",
        "b" => "б", "d" => "д", "f" => "ф", "g" => "г", "l" => "л", "m" => "м", "n" => "н", "r" => "р", "s" => "с", "t" => "т", "v" => "в", "z" => "з", "y" => "й",
        "sh" => "ш", "zh" => "ж", "ch" => "ч", "k" => "к",
        "gh" => tajik ? "ғ" : "г",
        "h" => tajik ? "ҳ" : "х",
        "kh" => "х",
        "j" => tajik ? "ҷ" : "дж",
        "q" => tajik ? "қ" : "к",
        _ => unit,
    };
}
