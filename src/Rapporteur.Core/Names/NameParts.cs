using System.Text;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>
/// One reading of a full name: given name, surname, patronymic and initials, each with its
/// key, and the gender the name's endings state. A name whose order cannot be told
/// (two words, neither with a surname ending) has two readings; see <see cref="Readings"/>.
/// </summary>
public sealed record NameParts
{
    public required string Text { get; init; }
    /// <summary>The given name(s) as written, joined by a space; null when only initials or nothing is given.</summary>
    public string? Given { get; init; }
    /// <summary>Keys of the given name: the primary reading first.</summary>
    public IReadOnlyList<string> GivenKeys { get; init; } = [];
    /// <summary>Keys of the first given word when the given name is written as several words ("Farrukh Alisher"); empty otherwise.</summary>
    public IReadOnlyList<string> FirstGivenKeys { get; init; } = [];
    public string? Surname { get; init; }
    public IReadOnlyList<string> SurnameKeys { get; init; } = [];
    public string? Patronymic { get; init; }
    public string PatronymicKey { get; init; } = "";
    /// <summary>Initials as written, in order, romanised and lower case: "f", "sh", "ye".</summary>
    public IReadOnlyList<string> Initials { get; init; } = [];
    public Gender Gender { get; init; }
    /// <summary>True when the name is one word only (a surname, or a given name standing alone).</summary>
    public bool Single { get; init; }

    public string GivenKey => GivenKeys.Count > 0 ? GivenKeys[0] : "";
    public string SurnameKey => SurnameKeys.Count > 0 ? SurnameKeys[0] : "";

    /// <summary>The initial standing for the given name when no given name is written ("F. Karimov").</summary>
    public string? GivenInitial => Given is null && Initials.Count > 0 ? Initials[0] : null;

    /// <summary>The initial standing for the patronymic: the second initial, or the only one beside a written given name.</summary>
    public string? PatronymicInitial => Given is null ? (Initials.Count > 1 ? Initials[1] : null) : (Initials.Count > 0 ? Initials[0] : null);

    /// <summary>Given name and surname keys: the same person written in any script or order has the same full key.</summary>
    public string FullKey => GivenKey.Length > 0 ? GivenKey + " " + SurnameKey : (Initials.Count > 0 ? InitialKey(Initials[0]) + ". " : "") + SurnameKey;

    /// <summary>The most likely reading of a name.</summary>
    public static NameParts Parse(string text) => Readings(text)[0];

    /// <summary>Every reading of a name: one when its order is clear, two when given and surname could be either way round.</summary>
    public static IReadOnlyList<NameParts> Readings(string text) => Readings(text, NameKey.Readings);

    /// <summary>Every reading of a name, with the keys of each word from <paramref name="keysOf"/> (a cache, when many names share words).</summary>
    public static IReadOnlyList<NameParts> Readings(string text, Func<string, IReadOnlyList<string>> keysOf)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keysOf);
        var tokens = Tokenise(text, keysOf, out var commaAfterFirst, out var honorific);
        var full = new List<Token>();
        var initials = new List<string>();
        Token? patronymic = null;
        var patronymicLast = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Initials is { } letters)
            {
                initials.AddRange(letters);
            }
            else if (t.Marker != Gender.Unknown && full.Count > 0)
            {
                // Kyrgyz "Bakytbek uulu", Kazakh "Nurlan kyzy": the father's name and the marker make one surname.
                var father = full[^1];
                full[^1] = father with { Text = father.Text + " " + t.Text, Keys = [.. father.Keys.Select(k => k + t.Keys[0])], Gender = t.Marker, Strong = true };
            }
            else if (t.Patronymic != Gender.Unknown && patronymic is null && full.Count > 0)
            {
                patronymic = t;
                patronymicLast = i == tokens.Count - 1;
            }
            else
            {
                full.Add(t);
            }
        }
        var genderFromPatronymic = patronymic?.Patronymic ?? Gender.Unknown;
        if (full.Count == 0)
        {
            return [new NameParts { Text = text, Initials = initials, Gender = honorific }];
        }
        if (full.Count == 1)
        {
            var only = full[0];
            return [new NameParts
            {
                Text = text, Surname = only.Text, SurnameKeys = only.Keys, Initials = initials,
                Patronymic = patronymic?.Text, PatronymicKey = patronymic?.Keys[0] ?? "",
                Gender = Combine(only.Gender, genderFromPatronymic, honorific), Single = initials.Count == 0 && patronymic is null,
            }];
        }
        int surnameAt;
        int? alternative = null;
        if (commaAfterFirst)
        {
            surnameAt = 0;
        }
        else if (patronymic is not null)
        {
            // Given Patronymic Surname, or Surname Given Patronymic.
            surnameAt = patronymicLast ? 0 : full.Count - 1;
        }
        else if (full[^1].Strong && !full[0].Strong)
        {
            surnameAt = full.Count - 1;
        }
        else if (full[0].Strong && !full[^1].Strong)
        {
            surnameAt = 0;
        }
        else
        {
            surnameAt = full.Count - 1;
            alternative = 0;
        }
        var readings = new List<NameParts> { Build(text, full, surnameAt, initials, patronymic, genderFromPatronymic, honorific) };
        if (alternative is { } other)
        {
            readings.Add(Build(text, full, other, initials, patronymic, genderFromPatronymic, honorific));
        }
        return readings;
    }

    private static NameParts Build(string text, List<Token> full, int surnameAt, List<string> initials, Token? patronymic, Gender fromPatronymic, Gender honorific)
    {
        var surname = full[surnameAt];
        string givenText;
        IReadOnlyList<string> givenKeys;
        IReadOnlyList<string> firstGivenKeys = [];
        if (full.Count == 2)
        {
            var only = full[1 - surnameAt];
            (givenText, givenKeys) = (only.Text, only.Keys);
        }
        else
        {
            var given = full.Where((_, i) => i != surnameAt).ToList();
            givenText = string.Join(' ', given.Select(g => g.Text));
            // A given name written in two words (Said Akhmed) keys as one (Saidakhmed).
            givenKeys = NameKey.Readings(string.Concat(given.Select(g => g.Text)));
            firstGivenKeys = given[0].Keys;
        }
        return new NameParts
        {
            Text = text,
            Given = givenText,
            GivenKeys = givenKeys,
            FirstGivenKeys = firstGivenKeys,
            Surname = surname.Text,
            SurnameKeys = surname.Keys,
            Patronymic = patronymic?.Text,
            PatronymicKey = patronymic?.Keys[0] ?? "",
            Initials = initials,
            Gender = Combine(surname.Gender, fromPatronymic, honorific),
        };
    }

    private static Gender Combine(Gender surname, Gender patronymic, Gender honorific) =>
        surname != Gender.Unknown ? surname : patronymic != Gender.Unknown ? patronymic : honorific;

    /// <summary>The key of an initial: Ye. and E. are one, Kh. and H. are one.</summary>
    public static string InitialKey(string initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var key = NameKey.Of(initial);
        return key.Length > 0 ? key : initial;
    }

    private sealed record Token(string Text, IReadOnlyList<string> Keys)
    {
        public IReadOnlyList<string>? Initials { get; init; }
        public Gender Marker { get; init; }
        public Gender Patronymic { get; init; }
        /// <summary>The gender the word's ending states, read as a surname.</summary>
        public Gender Gender { get; init; }
        /// <summary>The word ends like a surname (-ov, -zoda, -yan, -dze, -uly), so it is one.</summary>
        public bool Strong { get; init; }
    }

    private static List<Token> Tokenise(string text, Func<string, IReadOnlyList<string>> keysOf, out bool commaAfterFirst, out Gender honorific)
    {
        commaAfterFirst = false;
        honorific = Gender.Unknown;
        var tokens = new List<Token>(4);
        var composed = text.AsSpan().ContainsAnyInRange('\u0300', '\u036F') ? text.Normalize(NormalizationForm.FormC) : text;
        foreach (var raw in composed.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(Punctuation);
            if (word.Length == 0)
            {
                continue;
            }
            if (Honorifics.TryGetValue(word.TrimEnd('.').ToLowerInvariant(), out var g))
            {
                honorific = g;
                continue;
            }
            if (InitialsOf(word) is { } letters)
            {
                tokens.Add(new Token(word, []) { Initials = letters });
                continue;
            }
            var keys = keysOf(word);
            if (keys[0].Length == 0)
            {
                continue;
            }
            if (tokens.Count == 0 && raw.EndsWith(','))
            {
                commaAfterFirst = true;
            }
            var key = keys[0];
            tokens.Add(new Token(word, keys)
            {
                Marker = Markers.TryGetValue(key, out var marker) ? marker : Gender.Unknown,
                Patronymic = PatronymicGender(key),
                Gender = SurnameGender(key),
                Strong = IsSurnameLike(key),
            });
        }
        // Only a comma right after the first word says "Surname, Given".
        commaAfterFirst = commaAfterFirst && tokens.Count > 1;
        return tokens;
    }

    private static readonly char[] Separators = [' ', '\t', '\u00A0', '\n', '\r'];

    private static readonly char[] Punctuation = ['(', ')', '"', '“', '”', '«', '»', ';', ':', ','];

    // "F.", "F.R.", "Sh.", "Ф.Р.", "F" alone: the letters of initials, lower case and romanised.
    private static List<string>? InitialsOf(string word)
    {
        var dotted = word.Contains('.', StringComparison.Ordinal);
        if (!dotted && word.Length > 1)
        {
            return null;
        }
        var parts = word.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }
        var letters = new List<string>();
        foreach (var part in parts)
        {
            var p = part.Trim('-');
            var isInitial = p.Length == 1 && char.IsLetter(p[0])
                || (dotted && p.Length == 2 && char.IsUpper(p[0]) && char.IsLetter(p[1]) && Digraph(NameKey.Romanise(p)));
            if (!isInitial)
            {
                return null;
            }
            letters.Add(NameKey.Romanise(p).ToLowerInvariant());
        }
        return letters;
    }

    private static bool Digraph(string latin) => latin.ToLowerInvariant() is "sh" or "zh" or "kh" or "ch" or "ts" or "ye" or "yu" or "ya" or "yo" or "dj" or "gh";

    private static readonly Dictionary<string, Gender> Honorifics = new(StringComparer.Ordinal)
    {
        ["mr"] = Gender.Male, ["mrs"] = Gender.Female, ["ms"] = Gender.Female, ["miss"] = Gender.Female,
        ["dr"] = Gender.Unknown, ["prof"] = Gender.Unknown, ["mx"] = Gender.Unknown,
        ["г-н"] = Gender.Male, ["г-жа"] = Gender.Female,
    };

    // Keys of the words that follow a father's name: uulu, uly, ogly, o'g'li (son); kyzy, qizi, gyzy (daughter).
    private static readonly Dictionary<string, Gender> Markers = new(StringComparer.Ordinal)
    {
        ["ulu"] = Gender.Male, ["uli"] = Gender.Male, ["ogli"] = Gender.Male, ["oglu"] = Gender.Male, ["ugli"] = Gender.Male,
        ["kizi"] = Gender.Female, ["gizi"] = Gender.Female,
    };

    private static Gender PatronymicGender(string key)
    {
        if (key.Length < 6)
        {
            return Gender.Unknown;
        }
        if (key.EndsWith("ovna", StringComparison.Ordinal) || key.EndsWith("evna", StringComparison.Ordinal) || key.EndsWith("ichna", StringComparison.Ordinal))
        {
            return Gender.Female;
        }
        return key.EndsWith("ovich", StringComparison.Ordinal) || key.EndsWith("evich", StringComparison.Ordinal) || key.EndsWith("ich", StringComparison.Ordinal)
            ? Gender.Male
            : Gender.Unknown;
    }

    /// <summary>The gender a surname's ending states: -ova, -eva, -ina, -skaya, -kyzy are women's; -ov, -ev, -in, -sky, -uly men's.</summary>
    public static Gender SurnameGender(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 4)
        {
            return Gender.Unknown;
        }
        foreach (var (ending, gender) in Endings)
        {
            if (key.EndsWith(ending, StringComparison.Ordinal))
            {
                return gender;
            }
        }
        return Gender.Unknown;
    }

    // Longest endings first: -ova before -ov, -kizi before -i.
    private static readonly (string Ending, Gender Gender)[] Endings =
    [
        ("kizi", Gender.Female), ("gizi", Gender.Female), ("ova", Gender.Female), ("eva", Gender.Female), ("ina", Gender.Female), ("ska", Gender.Female),
        ("ulu", Gender.Male), ("uli", Gender.Male), ("ogli", Gender.Male), ("oglu", Gender.Male), ("ugli", Gender.Male),
        ("ov", Gender.Male), ("ev", Gender.Male), ("in", Gender.Male), ("ski", Gender.Male),
    ];

    // Endings that make a word a surname whatever its place: a name with one of them at either end is read that way round.
    private static readonly string[] SurnameEndings =
    [
        "ov", "ev", "ova", "eva", "zoda", "ian", "dze", "shvili", "enko", "ski", "ska", "uli", "ulu", "kizi", "gizi", "ogli", "oglu", "ugli",
    ];

    private static bool IsSurnameLike(string key)
    {
        if (key.Length < 4)
        {
            return false;
        }
        foreach (var ending in SurnameEndings)
        {
            if (key.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
