using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Names;

namespace Rapporteur.Core.Extraction;

/// <summary>One written mention of a person: the words, any title before them, and which person it was resolved to.</summary>
public sealed class NameHit
{
    public required Span Span { get; init; }
    public required string[] Words { get; init; }
    public string? Title { get; init; }
    public bool Cued { get; init; }
    public int Person { get; set; } = -1;
    public string Surface => Title is null ? string.Join(' ', Words) : Title + " " + string.Join(' ', Words);
    public bool Full => Words.Length >= 2;
}

/// <summary>A person of one document, built from the mentions resolved to them.</summary>
public sealed class PersonCluster
{
    public required string Name { get; set; }
    public required string GivenKey { get; set; }
    public required string SurnameKey { get; set; }
    public string? Given { get; set; }
    public string? Surname { get; set; }
    public Gender Gender { get; set; }
    public List<NameHit> Hits { get; } = [];
    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);
    public bool HasFullName { get; set; }
}

/// <summary>An organisation mention: the name as written and its acronym when the text gives one.</summary>
public sealed record OrgHit(Span Span, string Name, string? Acronym, OrganizationKind Kind);

/// <summary>
/// Finds people and organisations by the shape of names: capitalised words, given names from the
/// lexicon, surname endings of the region, titles and role nouns around them; then resolves
/// surnames, given names, "Ms. X" and pronouns to the people of the document.
/// </summary>
public sealed partial class NameRecogniser(Lexicon lexicon)
{
    private static readonly FrozenSet<string> Stop = new[]
    {
        "The", "A", "An", "In", "On", "At", "After", "Before", "Despite", "During", "While", "When", "Since", "As", "But", "And", "Or", "If", "This", "That", "These", "Those",
        "His", "Her", "Their", "Its", "Our", "Your", "My", "We", "I", "He", "She", "They", "It", "You", "Now", "Then", "Also", "Both", "Among", "According", "Following", "Under", "Over",
        "For", "From", "With", "Without", "By", "Meanwhile", "However", "Last", "Next", "Former", "Ex", "Yet", "Still", "Even", "Only", "Some", "Many", "Several", "Other", "Others",
        "All", "Any", "Each", "Every", "No", "Not", "Why", "What", "Who", "Whom", "Which", "Where", "How", "There", "Here", "Today", "Yesterday", "Tomorrow", "Read", "Share", "Photo",
        "Human", "Rights", "Right", "Defenders", "Defender", "Day", "Supreme", "Criminal", "Code", "Article", "Articles", "Republic", "State", "States", "National", "Independence",
        "Constitution", "Constitutional", "Internet", "Facebook", "Telegram", "YouTube", "Instagram", "Twitter", "WhatsApp", "TikTok", "God", "Islam", "Islamic", "Muslim", "Muslims", "Christian",
        "Soviet", "European", "Western", "Eastern", "Northern", "Southern", "Central", "Asia", "Asian", "Kremlin", "Covid", "English", "Live", "News", "Today", "Times", "Post", "Daily",
        "Online", "Press", "Update", "Updated", "Breaking", "Posted", "Published", "Dear", "Mission", "Statement", "Report", "Reports", "Law", "Laws", "Act", "Plan", "Action", "Free",
        "Release", "Support", "Stop", "Join", "Become", "Contact", "Email", "Phone", "Tel", "Fax", "Twitter", "Commission", "Prosecutor", "Prosecutors", "Authorities", "Police", "Court",
        "Justice", "Ministry", "Minister", "Office", "General", "Special", "Rapporteur", "Chief", "Officer", "Programmes", "Director", "Head", "Chairman", "Chairwoman", "Chair", "Deputy",
        "President", "Vice", "Sr", "Jr", "Mr", "Ms", "Mrs", "Dr", "Prof", "Professor", "Sir", "Madam", "Judge", "Journalist", "Journalists", "Activist", "Activists", "Lawyer", "Lawyers",
        "Blogger", "Bloggers", "Senior", "Junior", "Leader", "Member", "Members", "Council", "Parliament", "Group", "Party", "Government", "Service", "Security", "Committee", "Union",
        "Organization", "Organisation", "Centre", "Center", "Foundation", "Association", "International", "Media", "Radio", "Agency", "Observatory", "Watch", "Coalition", "Network",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Autonomous", "Oblast", "Region", "Province", "District", "City",
        "Town", "Village", "Street", "Avenue", "Prison", "Colony", "Detention", "Penal", "Facility", "Camp", "Pre-trial", "Trial", "Appeal", "Appeals", "Sentence", "Verdict", "Case",
        "Hearing", "Victims", "Victim", "Freedom", "Freedoms", "Democracy", "Democratic", "Social", "Liberal", "People", "People’s", "Peoples", "Public", "Civil", "Civic", "Society",
        "Reporters", "Borders", "Without", "Amnesty", "Nations", "United", "Secretary", "Ambassador", "Embassy", "Consulate", "Department", "Bureau", "Institute", "Fund", "Alliance",
        "Movement", "Federation", "Initiative", "Project", "Clinic", "Trust", "Helsinki", "Memorial", "Partnership", "Campaign", "Witness", "Postcard", "Letter", "Appeal", "Urgent",
        "MP", "MPs", "UN", "EU", "OSCE", "NGO", "NGOs", "HRD", "HRDs", "Mr.", "Ms.", "Mrs.", "Dr.", "St.", "Jr.", "Sr.", "Gen.", "Col.", "Lt.", "Prof.", "Sheikh", "Imam", "Mullah",
        "Chapter", "Section", "Paragraph", "Part", "Annex", "Resolution", "Recommendation", "Recommendations", "Review", "Universal", "Periodic", "Anti-Discrimination", "Equality",
        "Independent", "Official", "Country", "Visit", "Preliminary", "Observations", "End-of-Mission", "Concerns", "Condemnation", "Due", "Process", "Violations", "Voices",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Honorifics = new[] { "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Miss" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] SurnameEndings =
    [
        "ov", "ova", "ev", "eva", "yev", "yeva", "iev", "ieva", "zoda", "zade", "zada", "bekov", "bekova", "uly", "kyzy", "qizi", "kizi", "uulu", "ulu", "li", "lu", "yan", "ian", "yants",
        "shvili", "dze", "enko", "chuk", "sky", "ski", "skiy", "skaya", "ovich", "evich", "ovna", "evna", "ovs", "ava", "yeva", "oev", "oeva", "iyev", "iyeva", "ayev", "ayeva", "bayev",
        "baev", "baeva", "bayeva", "murodov", "zod", "pur", "ipour", "zadeh", "yar", "off", "ow", "owa", "ew", "ewa",
    ];

    [GeneratedRegex(@"(?:(?<![\p{L}\p{M}\d])|(?<=\p{Ll}{3}))(?:\p{Lu}\.(?=[ \u00A0]\p{Lu})|(?:Mc|Mac|O['’]|Al-|al-|el-|El-|ad-|ud-)?\p{Lu}[\p{L}\p{M}]*(?:[-'’][\p{L}][\p{L}\p{M}]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex CapWord();

    [GeneratedRegex(@"\b(?:he|him|his|himself|she|her|hers|herself)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^[\p{Lu}][\p{Lu}\d&/\-]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();

    private readonly record struct Word(int Start, int End, string Text);

    /// <summary>Every run of capitalised words (words separated by one space), as word lists.</summary>
    private static List<List<Word>> CapitalisedRuns(string text)
    {
        var runs = new List<List<Word>>();
        List<Word>? current = null;
        foreach (var m in CapWord().EnumerateMatches(text))
        {
            var value = text.Substring(m.Index, m.Length);
            var end = m.Index + m.Length;
            var possessive = false;
            if (value.EndsWith("’s", StringComparison.Ordinal) || value.EndsWith("'s", StringComparison.Ordinal))
            {
                value = value[..^2];
                end -= 2;
                possessive = true;
            }
            var word = new Word(m.Index, end, value);
            if (current is not null && current.Count > 0)
            {
                var prev = current[^1];
                var gap = text.AsSpan(prev.End, m.Index - prev.End);
                var afterHonorific = gap is ". " && prev.Text is "Mr" or "Ms" or "Mrs" or "Dr";
                if (!(gap is " " or "\u00A0") && !afterHonorific)
                {
                    runs.Add(current);
                    current = null;
                }
            }
            current ??= [];
            current.Add(word);
            if (possessive)
            {
                runs.Add(current);
                current = null;
            }
        }
        if (current is { Count: > 0 })
        {
            runs.Add(current);
        }
        return runs;
    }

    public bool IsGivenName(string word) => lexicon.GivenNames.ContainsKey(word);

    public static bool HasSurnameShape(string word)
    {
        if (word.Length < 4)
        {
            return false;
        }
        foreach (var ending in SurnameEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private bool NameLike(string word) =>
        word.Length >= 2 && !Stop.Contains(word) && (!lexicon.Places.ContainsKey(word) || IsGivenName(word)) && !lexicon.Demonyms.ContainsKey(word) &&
        !lexicon.OrgHeads.ContainsKey(word) && !Acronym().IsMatch(word) && char.IsLower(word[^1]) || (word.Length == 2 && word[1] == '.');

    /// <summary>Person mentions in a text, before resolution.</summary>
    public List<NameHit> FindPersons(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = new List<NameHit>();
        foreach (var run in CapitalisedRuns(text))
        {
            var i = 0;
            while (i < run.Count)
            {
                // Leading honorifics and titles are cues, not names.
                string? honorific = null;
                var titleStart = i;
                while (i < run.Count && !NameLike(run[i].Text))
                {
                    if (Honorifics.Contains(run[i].Text) || (run[i].Text is "Mr" or "Ms" or "Mrs" or "Dr" && run[i].End < text.Length && text[run[i].End] == '.'))
                    {
                        honorific = run[i].Text.TrimEnd('.') + ".";
                    }
                    i++;
                }
                var titled = i > titleStart;
                var start = i;
                while (i < run.Count && NameLike(run[i].Text))
                {
                    i++;
                }
                if (i == start)
                {
                    i++;
                    continue;
                }
                // Slices of the run, not copies: this runs for every capitalised run of every document.
                var words = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(run)[start..i];
                // A headline capitalises every word: a name there starts with a given name and ends at the surname.
                var inHeadline = InHeadline(text, words[0].Start);
                if (words.Length >= 3 || inHeadline)
                {
                    var lastSurname = words.Length - 1;
                    while (lastSurname >= 0 && !HasSurnameShape(words[lastSurname].Text))
                    {
                        lastSurname--;
                    }
                    if (lastSurname >= 1)
                    {
                        words = words[..(lastSurname + 1)];
                    }
                    if (words.Length >= 3 && !IsGivenName(words[0].Text) && IsGivenName(words[1].Text))
                    {
                        words = words[1..];
                    }
                }
                if (inHeadline && (words.Length < 2 || !IsGivenName(words[0].Text)))
                {
                    continue;
                }
                // Initials only ("A. B.") are not a name.
                if (AllInitials(words))
                {
                    continue;
                }
                if (words.Length > 4)
                {
                    words = words[..4];
                }
                var span = Span.FromBounds(words[0].Start, words[^1].End);
                var cuedBefore = titled || CueBefore(text, span.Start);
                var cuedAfter = CueAfter(text, span.End);
                var texts = new string[words.Length];
                for (var w = 0; w < words.Length; w++)
                {
                    texts[w] = words[w].Text;
                }
                if (texts.Length >= 2)
                {
                    var accept = IsGivenName(texts[0]) || HasSurnameShape(texts[^1]) || cuedBefore || cuedAfter;
                    if (accept)
                    {
                        hits.Add(new NameHit { Span = span, Words = texts, Title = honorific, Cued = cuedBefore || cuedAfter });
                    }
                }
                else
                {
                    var sentenceStart = SentenceInitial(text, span.Start);
                    if (honorific is not null || !sentenceStart || HasSurnameShape(texts[0]) || IsGivenName(texts[0]))
                    {
                        hits.Add(new NameHit { Span = span, Words = texts, Title = honorific, Cued = cuedBefore || cuedAfter });
                    }
                }
            }
        }
        return hits;
    }

    private static bool AllInitials(ReadOnlySpan<Word> words)
    {
        foreach (var w in words)
        {
            if (!(w.Text.Length == 2 && w.Text[1] == '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool InHeadline(string text, int position)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = text.IndexOf('\n', position);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
        return ListingSplitter.IsHeadline(line) && line.Length < 160;
    }

    private static bool SentenceInitial(string text, int position)
    {
        var p = position - 1;
        while (p >= 0 && text[p] is ' ' or '\u00A0' or '"' or '“' or '‘' or '(')
        {
            p--;
        }
        return p < 0 || text[p] is '.' or '\n' or '!' or '?' or ':';
    }

    // Words that, just before a capitalised run, say a person is named: "lawyer X", "his wife, X", "said X".
    private static readonly FrozenSet<string> CueWords = new[]
    {
        "journalist", "journalists", "reporter", "reporters", "correspondent", "editor", "lawyer", "lawyers", "attorney", "advocate",
        "activist", "activists", "blogger", "bloggers", "defender", "defenders", "director", "head", "chair", "chairman", "chairwoman",
        "chairperson", "founder", "coordinator", "officer", "president", "minister", "judge", "prosecutor", "rapporteur", "expert",
        "mp", "deputy", "leader", "colleague", "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "uncle",
        "aunt", "niece", "nephew", "cousin", "relative", "relatives", "said", "says", "told", "named", "including", "dissident",
        "opposition", "politician", "poet", "writer", "scholar", "researcher", "spokesman", "spokeswoman", "spokesperson",
        "representative", "member", "student", "farmer", "entrepreneur", "businessman", "businesswoman", "imam", "pastor", "unionist",
        "engineer", "doctor", "teacher", "nurse", "commissioner", "ombudsman", "governor", "mayor", "official", "associate", "manager",
        "secretary", "chief",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CueHonorifics = new[] { "mr", "ms", "mrs", "dr" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:['’]s\s+(?:lawyer|wife|husband|son|daughter|mother|father|brother|sister|family|relatives|arrest|detention|trial|sentence|release|case|lawyers)|,\s+(?:a|an|the|who|whose|his|her|director|head|chair|chairman|founder|co-founder|coordinator|editor|leader|deputy|representative|spokes\w+|member|senior|former|\d{2},)\b|\s+\((?:\d{2}|[\p{Lu}][\p{Ll}]+)\)|\s+(?:said|says|told|wrote|added|noted|stated|explained|was|were|has|had|is|who)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CueAfterPattern();

    /// <summary>
    /// Whether the words just before a position cue a name: a cue word, then optional spaces and
    /// one comma ("his lawyer, X"), or an honorific with an optional full stop and one space. Read
    /// backwards by hand: this runs for every capitalised run of every document.
    /// </summary>
    private static bool CueBefore(string text, int position)
    {
        var window = text.AsSpan(Math.Max(0, position - 40), Math.Min(40, position));
        if (window.Length >= 2 && char.IsWhiteSpace(window[^1]))
        {
            var honorific = window[..^1];
            if (honorific.Length > 0 && honorific[^1] == '.')
            {
                honorific = honorific[..^1];
            }
            if (CueHonorifics.GetAlternateLookup<ReadOnlySpan<char>>().Contains(LastWord(honorific, out var boundary)) && boundary)
            {
                return true;
            }
        }
        var end = window.TrimEnd();
        if (end.Length > 0 && end[^1] == ',')
        {
            end = end[..^1].TrimEnd();
        }
        var word = LastWord(end, out var atBoundary);
        if (!atBoundary || word.IsEmpty)
        {
            return false;
        }
        // "co-founder", "editor-in-chief", "ex-journalist": the last part of a hyphenated word counts on its own.
        var cues = CueWords.GetAlternateLookup<ReadOnlySpan<char>>();
        while (true)
        {
            if (cues.Contains(word))
            {
                return true;
            }
            var hyphen = word.IndexOf('-');
            if (hyphen < 0)
            {
                return false;
            }
            word = word[(hyphen + 1)..];
        }
    }

    /// <summary>The letters and hyphens that end a span, and whether a word boundary comes before them.</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> span, out bool boundary)
    {
        var start = span.Length;
        while (start > 0 && (char.IsLetter(span[start - 1]) || span[start - 1] == '-'))
        {
            start--;
        }
        while (start < span.Length && span[start] == '-')
        {
            start++;
        }
        boundary = start == 0 || !(char.IsLetterOrDigit(span[start - 1]) || span[start - 1] == '_');
        return span[start..];
    }

    private static bool CueAfter(string text, int position)
    {
        var length = Math.Min(text.Length - position, 40);
        return CueAfterPattern().IsMatch(text.AsSpan(position, length));
    }

    /// <summary>Groups mentions into people: full names by surname and given-name keys, then single words, titles and pronouns to the nearest compatible person.</summary>
    public List<PersonCluster> Resolve(string text, List<NameHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var people = new List<PersonCluster>();
        // A document repeats the same few names many times; each key is computed once.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        string KeyOf(string word)
        {
            if (!keys.TryGetValue(word, out var key))
            {
                key = NameKey.Of(word);
                keys[word] = key;
            }
            return key;
        }
        foreach (var hit in hits.Where(h => h.Full))
        {
            var given = hit.Words[0];
            var surname = hit.Words[^1];
            var gk = KeyOf(given);
            var sk = KeyOf(surname);
            var index = people.FindIndex(p => p.HasFullName && Close(p.SurnameKey, sk) && Close(p.GivenKey, gk));
            if (index < 0)
            {
                people.Add(new PersonCluster { Name = string.Join(' ', hit.Words), GivenKey = gk, SurnameKey = sk, Given = given, Surname = surname, HasFullName = true, Gender = GenderOf(given, surname) });
                index = people.Count - 1;
            }
            hit.Person = index;
            people[index].Hits.Add(hit);
        }
        foreach (var hit in hits.Where(h => !h.Full))
        {
            var key = KeyOf(hit.Words[0]);
            var best = -1;
            var bestDistance = int.MaxValue;
            for (var p = 0; p < people.Count; p++)
            {
                var matchesSurname = people[p].SurnameKey == key;
                var matchesGiven = people[p].GivenKey == key && hit.Title is null;
                if (!matchesSurname && !matchesGiven)
                {
                    continue;
                }
                foreach (var full in people[p].Hits)
                {
                    // Prefer the person named most recently before this mention.
                    var distance = full.Span.Start <= hit.Span.Start ? hit.Span.Start - full.Span.Start : (full.Span.Start - hit.Span.Start) * 4;
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = p;
                    }
                }
            }
            if (best < 0 && (hit.Title is not null || (HasSurnameShape(hit.Words[0]) && hit.Cued)))
            {
                var word = hit.Words[0];
                people.Add(new PersonCluster { Name = hit.Surface, GivenKey = "", SurnameKey = key, Surname = word, Gender = GenderOf(null, word, hit.Title) });
                best = people.Count - 1;
            }
            if (best >= 0)
            {
                hit.Person = best;
                people[best].Hits.Add(hit);
            }
        }
        foreach (var person in people)
        {
            person.Hits.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
        return people;
    }

    private static bool Close(string a, string b)
    {
        if (a == b)
        {
            return true;
        }
        if (a.Length < 4 || b.Length < 4 || a[0] != b[0])
        {
            return false;
        }
        return Levenshtein(a, b) <= (Math.Min(a.Length, b.Length) >= 7 ? 2 : 1);
    }

    private static int Levenshtein(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    public Gender GenderOf(string? given, string surname, string? title = null)
    {
        if (title is "Ms." or "Mrs." or "Miss")
        {
            return Gender.Female;
        }
        if (title is "Mr.")
        {
            return Gender.Male;
        }
        if (given is not null && lexicon.GivenNames.TryGetValue(given, out var g) && g != Gender.Unknown)
        {
            return g;
        }
        ArgumentNullException.ThrowIfNull(surname);
        if (surname.EndsWith("ova", StringComparison.Ordinal) || surname.EndsWith("eva", StringComparison.Ordinal) || surname.EndsWith("kyzy", StringComparison.Ordinal) || surname.EndsWith("skaya", StringComparison.Ordinal) || surname.EndsWith("ina", StringComparison.Ordinal))
        {
            return Gender.Female;
        }
        if (surname.EndsWith("ov", StringComparison.Ordinal) || surname.EndsWith("ev", StringComparison.Ordinal) || surname.EndsWith("uly", StringComparison.Ordinal) || surname.EndsWith("uulu", StringComparison.Ordinal) || surname.EndsWith("sky", StringComparison.Ordinal))
        {
            return Gender.Male;
        }
        return Gender.Unknown;
    }

    /// <summary>Pronoun positions with the gender they imply.</summary>
    public static List<(Span Span, Gender Gender)> Pronouns(string text)
    {
        var found = new List<(Span, Gender)>();
        foreach (var m in Pronoun().EnumerateMatches(text))
        {
            var word = text.AsSpan(m.Index, m.Length);
            var male = word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("him", StringComparison.OrdinalIgnoreCase)
                || word.Equals("his", StringComparison.OrdinalIgnoreCase) || word.Equals("himself", StringComparison.OrdinalIgnoreCase);
            found.Add((new Span(m.Index, m.Length), male ? Gender.Male : Gender.Female));
        }
        return found;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:the[ \u00A0]+)?(?<name>[\p{Lu}][\p{L}\p{M}'’\-]*(?:(?:[ \u00A0]+(?:(?:of|for|the|and|against|de|du|&)[ \u00A0]+)*[\p{Lu}][\p{L}\p{M}'’\-]*)|[ \u00A0]+\d+\b)*)(?:[ \u00A0]+\((?<acr>[\p{Lu}][\p{Lu}\d/\-&]{1,12})\))?", RegexOptions.CultureInvariant)]
    private static partial Regex OrgRun();

    /// <summary>Organisation mentions: capitalised phrases with a head word ("Association", "Court"), names with an acronym, and acronyms.</summary>
    public List<OrgHit> FindOrganizations(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hits = new List<OrgHit>();
        // Every capitalised run in the text matches, and most are people and places: enumerating
        // spares each a match object, and its parts are read off the run itself.
        foreach (var m in OrgRun().EnumerateMatches(text))
        {
            var (nameAt, nameLength, acronymAt, acronymLength) = OrgRunParts(text, m.Index, m.Length);
            if (acronymLength == 0 && !MayNameOrganization(text.AsSpan(nameAt, nameLength)))
            {
                continue;
            }
            var name = text.Substring(nameAt, nameLength).TrimEnd('.', '’', '\'');
            if (name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal))
            {
                name = name[..^2];
            }
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var acronym = acronymLength > 0 ? text.Substring(acronymAt, acronymLength) : null;
            OrganizationKind? kind = null;
            foreach (var w in words)
            {
                var bare = w.TrimEnd('’', '\'', 's');
                if (lexicon.OrgHeads.TryGetValue(w, out var k) || lexicon.OrgHeads.TryGetValue(bare, out k))
                {
                    kind = k;
                }
            }
            // Drop words before the name proper: "the Chairman of Tajikistan’s Supreme Court" keeps the court.
            var start = nameAt;
            while (words.Length > 1 && (LeadingNonName(words[0])
                || words[0] is "of" or "the" or "for" || words[0].EndsWith("’s", StringComparison.Ordinal) || words[0].EndsWith("'s", StringComparison.Ordinal)
                || words[0].EndsWith("-based", StringComparison.Ordinal)))
            {
                var cut = name.IndexOf(' ', StringComparison.Ordinal) + 1;
                start += cut;
                name = name[cut..];
                words = words[1..];
            }
            if (words.Any(w => w is "Autonomous" or "Oblast" or "Region" or "Province" or "District" or "Republic") && !words.Any(w => lexicon.OrgHeads.ContainsKey(w)))
            {
                continue;
            }
            if (lexicon.Places.ContainsKey(words[0]) && words.Length == 1)
            {
                continue;
            }
            if (acronym is null && InHeadline(text, start))
            {
                continue;
            }
            // "Sevara Nazarova (HRW)" is a person with her organisation, not an organisation.
            if (kind is null && words.Length >= 2 && IsGivenName(words[0]))
            {
                continue;
            }
            if (kind is null && acronym is null)
            {
                if (words.Length == 1 && Acronym().IsMatch(words[0]) && words[0].Length >= 3 && !lexicon.Places.ContainsKey(words[0]) && !IsRoman(words[0]))
                {
                    // An acronym the text has spelled out before is that organisation.
                    var spelled = hits.LastOrDefault(h => h.Acronym == words[0]);
                    hits.Add(spelled is null
                        ? new OrgHit(new Span(start, name.Length), name, null, OrganizationKind.Other)
                        : new OrgHit(new Span(start, name.Length), spelled.Name, spelled.Acronym, spelled.Kind));
                }
                continue;
            }
            if (words.Length == 1 && kind is not null && acronym is null && !Acronym().IsMatch(words[0]))
            {
                // "the Observatory" after "the Observatory for the Protection of ..." is that organisation.
                var earlier = hits.LastOrDefault(h => h.Name.Split(' ').Contains(words[0]) && h.Name.Contains(' ', StringComparison.Ordinal));
                if (earlier is not null)
                {
                    hits.Add(new OrgHit(new Span(start, name.Length), earlier.Name, earlier.Acronym, earlier.Kind));
                }
                continue;
            }
            if (words.All(w => lexicon.Places.ContainsKey(w) || lexicon.Demonyms.ContainsKey(w)))
            {
                continue;
            }
            var full = acronym is null ? name : $"{name} ({acronym})";
            var end = acronym is null ? start + name.Length : m.Index + m.Length;
            hits.Add(new OrgHit(Span.FromBounds(start, end), full, acronym, kind ?? OrganizationKind.Ngo));
        }
        // "the opposition party Alga", "the news agency Dovod": a kind noun names the organisation after it.
        foreach (Match m in LiteralLeads.MayMatch(KindNouns, text) ? KindNounName().Matches(text) : Enumerable.Empty<Match>())
        {
            var span = new Span(m.Groups["name"].Index, m.Groups["name"].Length);
            if (!hits.Exists(h => h.Span.Overlaps(span)) && !lexicon.Places.ContainsKey(m.Groups["name"].Value))
            {
                var kind = m.Groups["kind"].Value.ToLowerInvariant() switch
                {
                    "party" => OrganizationKind.PoliticalParty,
                    "agency" or "outlet" or "newspaper" or "website" or "channel" or "portal" or "site" => OrganizationKind.Media,
                    _ => OrganizationKind.Ngo,
                };
                hits.Add(new OrgHit(span, m.Groups["name"].Value, null, kind));
            }
        }
        return hits;
    }

    /// <summary>
    /// The name and the acronym of an <see cref="OrgRun"/> match, read off the run: a leading
    /// "the" and its spaces are not the name (a name opens with a capital), and a run that ends
    /// with ")" carries an acronym in the last brackets (a name has no brackets), after spaces
    /// that are not the name's (a name ends with a letter or a digit).
    /// </summary>
    private static (int NameAt, int NameLength, int AcronymAt, int AcronymLength) OrgRunParts(string text, int index, int length)
    {
        var run = text.AsSpan(index, length);
        var nameStart = 0;
        if (run[0] == 't')
        {
            nameStart = 3;
            while (run[nameStart] is ' ' or '\u00A0')
            {
                nameStart++;
            }
        }
        if (run[^1] != ')')
        {
            return (index + nameStart, length - nameStart, 0, 0);
        }
        var open = run.LastIndexOf('(');
        var nameEnd = open;
        while (run[nameEnd - 1] is ' ' or '\u00A0')
        {
            nameEnd--;
        }
        return (index + nameStart, nameEnd - nameStart, index + open + 1, length - open - 2);
    }

    private const string KindNounWords = "party|group|organi[sz]ation|outlet|agency|association|movement|NGO|newspaper|website|channel|portal|site|foundation|union";

    /// <summary>The kind nouns' openings: most texts have none, and the pattern is not run over them.</summary>
    private static readonly System.Buffers.SearchValues<string>? KindNouns = LiteralLeads.Of(KindNounWords);

    [GeneratedRegex(@"\b(?<kind>" + KindNounWords + @")[ \u00A0]+(?<name>\p{Lu}[\p{L}\-]+(?:[ \u00A0]+(?:\p{Lu}[\p{L}\-]+|\d+))?)", RegexOptions.CultureInvariant)]
    private static partial Regex KindNounName();

    // Words that open a sentence or name a post, not an organisation: "The", "After", "Chairman of ...".
    private static bool LeadingNonName(string word) => word is "The" or "A" or "An" or "In" or "On" or "At" or "After" or "Before" or "While" or "Despite" or "According"
        or "Following" or "Meanwhile" or "However" or "But" or "And" or "When" or "Since" or "As" or "Last" or "This" or "That" or "Both" or "Former" or "Chairman" or "Chairwoman"
        or "Chair" or "Head" or "Director" or "President" or "Minister" or "Judge" or "Prosecutor" or "Spokesman" or "Spokeswoman" or "Spokesperson" or "Deputy" or "Secretary"
        or "Member" or "Members" or "Officials" or "Official" or "Lawyer" or "Journalist" or "Activist" or "Blogger" or "Dear" or "Photo" or "Read" or "Share" or "Contact";

    /// <summary>
    /// Whether a capitalised run without an acronym in brackets can be an organisation at all: one
    /// of its words must be an organisation's head noun or shaped like an acronym. Most runs are
    /// people and places; this spares them the work below, with the same trimming it does.
    /// </summary>
    private bool MayNameOrganization(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd(".’'");
        if (name.EndsWith("’s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal))
        {
            name = name[..^2];
        }
        var heads = lexicon.OrgHeads.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.IsEmpty)
            {
                continue;
            }
            if (heads.ContainsKey(word) || heads.ContainsKey(word.TrimEnd("’'s")) || Acronym().IsMatch(word))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRoman(string word) => word.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C' or 'M' or 'D');
}
