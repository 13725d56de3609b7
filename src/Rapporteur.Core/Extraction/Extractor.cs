using System.Text.RegularExpressions;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction;

/// <summary>
/// The extraction stage: document text in, mentions and event suggestions out, each with its
/// evidence span and the rule that produced it. Deterministic; no I/O.
/// </summary>
public sealed partial class Extractor(Lexicon lexicon)
{
    public const string Version = "1";

    private readonly NameRecogniser names = new(lexicon);

    public static Extractor Default { get; } = new(Lexicon.Default);


    private sealed record Actor(int Person, string? Org, int Position);

    private sealed class Context
    {
        public required string Text { get; init; }
        public required List<Span> Sentences { get; init; }
        public required List<PersonCluster> People { get; init; }
        public required List<NameHit> Hits { get; init; }
        public required List<OrgHit> Orgs { get; init; }
        public required List<(Span Span, Gender Gender)> Pronouns { get; init; }
        public DatePoint? Anchor { get; init; }
        /// <summary>Who speaks in which sentence (by its start): a speaker is not the victim of that sentence's events.</summary>
        public HashSet<(int Sentence, int Person)> Speakers { get; } = [];
        /// <summary>People the text introduces by an office ("President X", "Judge Y"): speakers and actors, not victims.</summary>
        public HashSet<int> Officials { get; } = [];

        public bool SpeaksIn(Span sentence, int person) => Speakers.Contains((sentence.Start, person));

        /// <summary>The paragraph around a position, as the bounds of <see cref="SpeaksIn(int, int, int)"/>.</summary>
        public (int From, int To) ParagraphAround(int position)
        {
            var from = Text.LastIndexOf("\n\n", Math.Max(0, position - 1), StringComparison.Ordinal);
            var to = Text.IndexOf("\n\n", position, StringComparison.Ordinal);
            return (from < 0 ? 0 : from, to < 0 ? Text.Length : to);
        }

        /// <summary>Whether the person speaks in a sentence starting within the bounds (a paragraph: a quote runs over several sentences).</summary>
        public bool SpeaksIn(int from, int to, int person)
        {
            foreach (var (sentence, speaker) in Speakers)
            {
                if (speaker == person && sentence >= from && sentence < to)
                {
                    return true;
                }
            }
            return false;
        }
        public required List<DateMention> AllDates { get; init; }
        public required List<DurationMention> AllDurations { get; init; }
        public required List<(EventType Type, int Index, int Length, string Value)> Triggers { get; init; }
        public required List<(int Index, int Length, string Value)> Verbs { get; init; }
        public required List<Span> Quotes { get; init; }
        /// <summary>The people last named together as the subject of a case event: "they", "the three" mean them.</summary>
        public List<int> LastGroup { get; set; } = [];
        public int LastGroupSentence { get; set; } = -1;
        /// <summary>The person the latest case event was about, and the sentence it was in.</summary>
        public (int Person, int Sentence) Salient { get; set; } = (-1, -1);

        public bool Quoted(int position) => Quotes.Exists(q => q.Start < position && position < q.End);

        private readonly Dictionary<int, List<(int Start, int End, int Person)>> peopleIn = [];

        /// <summary>Names and resolved pronouns of a sentence, in order; computed once per sentence.</summary>
        public List<(int Start, int End, int Person)> PeopleIn(Span sentence)
        {
            if (peopleIn.TryGetValue(sentence.Start, out var items))
            {
                return items;
            }
            items = [.. Hits.Where(h => sentence.Contains(h.Span)).Select(h => (h.Span.Start, h.Span.End, h.Person))];
            foreach (var p in Pronouns.Where(p => sentence.Contains(p.Span) && p.Span.Length > 0))
            {
                if (Resolve(this, p.Span.Start, p.Gender) is { } who)
                {
                    items.Add((p.Span.Start, p.Span.End, who));
                }
            }
            items.Sort((a, b) => a.Start.CompareTo(b.Start));
            peopleIn[sentence.Start] = items;
            return items;
        }

        private readonly Dictionary<int, string> sentenceTexts = [];

        /// <summary>A sentence's text, cut from the document once.</summary>
        public string TextOf(Span sentence)
        {
            if (!sentenceTexts.TryGetValue(sentence.Start, out var s))
            {
                s = Text[sentence.Start..sentence.End];
                sentenceTexts[sentence.Start] = s;
            }
            return s;
        }

        private readonly Dictionary<int, List<DateMention>> datesIn = [];
        private readonly Dictionary<int, List<DurationMention>> durationsIn = [];

        // Each recogniser runs once over the whole text; sentences take their share by position,
        // once each. The lists are shared: callers read them and never change them.
        public List<DateMention> DatesIn(Span sentence)
        {
            if (!datesIn.TryGetValue(sentence.Start, out var dates))
            {
                dates = AllDates.FindAll(d => sentence.Contains(d.Span));
                datesIn[sentence.Start] = dates;
            }
            return dates;
        }

        public List<DurationMention> DurationsIn(Span sentence)
        {
            if (!durationsIn.TryGetValue(sentence.Start, out var durations))
            {
                durations = AllDurations.FindAll(d => sentence.Contains(d.Span));
                durationsIn[sentence.Start] = durations;
            }
            return durations;
        }
    }

    public ExtractionResult Extract(string text, DatePoint? published = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var anchor = DateRecogniser.DocumentDate(text, published);
        var hits = names.FindPersons(text);
        var orgs = names.FindOrganizations(text);
        // A person's name inside an organisation's name is the organisation's ("Rakhimova Foundation").
        hits.RemoveAll(h => orgs.Exists(o => o.Span.Contains(h.Span) && o.Kind != OrganizationKind.Other));
        var people = names.Resolve(text, hits);
        var context = new Context
        {
            Text = text,
            Sentences = SentenceSplitter.Split(text),
            People = people,
            Hits = hits.Where(h => h.Person >= 0).OrderBy(h => h.Span.Start).ToList(),
            Orgs = orgs,
            Pronouns = NameRecogniser.Pronouns(text),
            Anchor = anchor,
            AllDates = DateRecogniser.Find(text, new Span(0, text.Length), anchor),
            AllDurations = DateRecogniser.Durations(text, new Span(0, text.Length)),
            Triggers = Triggers(text),
            Verbs = Verbs(text),
            Quotes = QuotedSpans(text),
        };
        foreach (var hit in context.Hits)
        {
            if (OfficeBefore().IsMatch(text.AsSpan(Math.Max(0, hit.Span.Start - 40), Math.Min(40, hit.Span.Start))))
            {
                context.Officials.Add(hit.Person);
            }
        }
        var events = new List<ExtractedEvent>();
        var statements = new List<ExtractedStatement>();
        foreach (var sentence in context.Sentences)
        {
            FindStatements(context, sentence, events, statements);
        }
        foreach (var sentence in context.Sentences)
        {
            FindEvents(context, sentence, events);
            FindCallsToAction(context, sentence, events);
        }
        var merged = Merge(events);
        var atRisk = new HashSet<string>(merged.Where(e => e.Subject is not null && !e.SubjectIsOrganization && e.Type is not (EventType.Statement or EventType.Visit)).Select(e => e.Subject!), StringComparer.Ordinal);
        var persons = new List<ExtractedPerson>();
        foreach (var p in people.Where(p => p.Hits.Count > 0))
        {
            var spellings = p.Hits.Select(h => h.Surface).Concat(p.Hits.Select(h => string.Join(' ', h.Words))).Distinct(StringComparer.Ordinal).Where(s => s != p.Name).ToList();
            var profile = Profile(context, p, people.IndexOf(p));
            if (context.Officials.Contains(people.IndexOf(p)) && profile.Roles.Count == 0)
            {
                profile.Roles.Add("official");
            }
            persons.Add(new ExtractedPerson(p.Name, spellings, [.. profile.Roles], profile.Country, atRisk.Contains(p.Name), p.Gender, [.. p.Hits.Select(h => h.Span)])
            {
                Age = profile.Age,
                Affiliations = [.. profile.Affiliations],
            });
        }
        var organizations = orgs
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .Select(g => new ExtractedOrganization(g.Key, g.First().Acronym, g.First().Kind, null, [.. g.Select(o => o.Span)]))
            .ToList();
        var mentions = new List<Mention>();
        mentions.AddRange(context.Hits.Select(h => new Mention(MentionKind.Person, h.Span, h.Span.Of(text), people[h.Person].Name)));
        mentions.AddRange(orgs.Select(o => new Mention(o.Kind == OrganizationKind.Court ? MentionKind.Court : MentionKind.Organization, o.Span, o.Span.Of(text), o.Name)));
        foreach (var sentence in context.Sentences)
        {
            mentions.AddRange(context.DatesIn(sentence).Select(d => new Mention(MentionKind.Date, d.Span, d.Span.Of(text), d.Value?.ToString())));
            mentions.AddRange(context.DurationsIn(sentence).Select(d => new Mention(MentionKind.Duration, d.Span, d.Span.Of(text), d.Months is { } mo ? $"{mo} months" : $"{d.Days} days")));
            foreach (Match m in LegalArticle().Matches(context.TextOf(sentence)))
            {
                mentions.Add(new Mention(MentionKind.LegalProvision, new Span(sentence.Start + m.Index, m.Length), m.Value, string.Join(",", Articles(m))));
            }
        }
        var places = lexicon.Places.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var m in PlaceWord().EnumerateMatches(text))
        {
            if (places.TryGetValue(text.AsSpan(m.Index, m.Length), out var place))
            {
                mentions.Add(new Mention(MentionKind.Place, new Span(m.Index, m.Length), text.Substring(m.Index, m.Length), place.Country));
            }
        }
        return new ExtractionResult(anchor, persons, organizations, merged, statements, mentions);
    }

    [GeneratedRegex(@"\p{Lu}[\p{L}\-']+", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceWord();

    // Only positions and words are kept: enumerating spares a match object per hit.
    private List<(EventType Type, int Index, int Length, string Value)> Triggers(string text)
    {
        var found = new List<(EventType, int, int, string)>();
        foreach (var (type, pattern, leads) in lexicon.Triggers)
        {
            if (!LiteralLeads.MayMatch(leads, text))
            {
                continue;
            }
            foreach (var m in pattern.EnumerateMatches(text))
            {
                found.Add((type, m.Index, m.Length, text.Substring(m.Index, m.Length)));
            }
        }
        return found;
    }

    private List<(int Index, int Length, string Value)> Verbs(string text)
    {
        var found = new List<(int, int, string)>();
        foreach (var m in lexicon.StatementVerbs.EnumerateMatches(text))
        {
            found.Add((m.Index, m.Length, text.Substring(m.Index, m.Length)));
        }
        return found;
    }

    private static readonly System.Buffers.SearchValues<char> EndsBefore = System.Buffers.SearchValues.Create(".\n;”\"");
    private static readonly System.Buffers.SearchValues<char> EndsAfter = System.Buffers.SearchValues.Create(".;\n“\"");

    [GeneratedRegex(@"\p{Lu}[\p{L}\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex DemonymWord();

    [GeneratedRegex(@"^,\s+\d{2},", RegexOptions.CultureInvariant)]
    private static partial Regex AgeAfter();

    private sealed record PersonProfile(List<string> Roles, List<string> Affiliations, string? Country, int? Age);

    /// <summary>Roles, affiliation, nationality and age from the words around each mention: "Tajik journalist X", "X, 52, director of Y".</summary>
    private PersonProfile Profile(Context c, PersonCluster person, int index)
    {
        var roles = new List<string>();
        var affiliations = new List<string>();
        string? country = null;
        int? age = null;
        foreach (var hit in person.Hits)
        {
            // Only the words of the mention's own sentence describe it.
            var window = c.Text.AsSpan(Math.Max(0, hit.Span.Start - 60), Math.Min(60, hit.Span.Start));
            var before = window[(window.LastIndexOfAny(EndsBefore) + 1)..].ToString();
            var after = c.Text.Substring(hit.Span.End, Math.Min(90, c.Text.Length - hit.Span.End));
            var cut = after.AsSpan().IndexOfAny(EndsAfter);
            var apposition = RoleApposition().Match(cut >= 0 ? after[..cut] : after);
            var near = RoleBefore().Match(before);
            foreach (var (role, pattern, leads) in lexicon.Roles)
            {
                // Spans, not Value: Value cuts a new string on every read.
                if ((near.Success && LiteralLeads.MayMatch(leads, near.ValueSpan) && pattern.IsMatch(near.ValueSpan))
                    || (apposition.Success && LiteralLeads.MayMatch(leads, apposition.ValueSpan) && pattern.IsMatch(apposition.ValueSpan)))
                {
                    if (!roles.Contains(role))
                    {
                        roles.Add(role);
                    }
                }
            }
            if (near.Success)
            {
                var demonyms = lexicon.Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
                foreach (var word in DemonymWord().EnumerateMatches(near.Value))
                {
                    if (demonyms.TryGetValue(near.Value.AsSpan(word.Index, word.Length), out var nation))
                    {
                        country ??= nation;
                    }
                }
            }
            if (apposition.Success)
            {
                var org = c.Orgs.FirstOrDefault(o => o.Span.Start >= hit.Span.End && o.Span.Start < hit.Span.End + apposition.Length + 2);
                if (org is not null && !affiliations.Contains(org.Name))
                {
                    affiliations.Add(org.Name);
                }
            }
            // The age patterns need "-year-old" before the name or ", 52," after it; most mentions have neither.
            var ageMatch = age is null && (before.Contains("-year-old", StringComparison.Ordinal) || AgeAfter().IsMatch(after))
                ? AgeNear().Match(before + "|" + after)
                : Match.Empty;
            if (age is null && ageMatch.Success && int.TryParse(ageMatch.Groups["age"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var years) && years is >= 12 and <= 110)
            {
                age = years;
            }
        }
        _ = index;
        return new PersonProfile(roles, affiliations, country, age);
    }

    // Anchored at the end: read right to left, it starts where it must instead of trying every position.
    [GeneratedRegex(@"(?:(?:\p{Lu}[\p{L}\-]+|[a-z\-]+)\s+){0,4}$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex RoleBefore();

    [GeneratedRegex(@"^(?:,\s+\d{2},)?(?:,\s+|\s+(?:is|was|has been|remains)\s+)(?!and\b|or\b|but\b|who\b|which\b|while\b|as\b)(?:(?:a|an|the|its|his|her)\s+)?[^,]{2,80}", RegexOptions.CultureInvariant)]
    private static partial Regex RoleApposition();

    [GeneratedRegex(@"(?:(?<age>\d{2})-year-old(?:\s+[a-z\-]+){0,2}\s*\||\|,\s+(?<age>\d{2}),)", RegexOptions.CultureInvariant)]
    private static partial Regex AgeNear();

    [GeneratedRegex(@"\b[Aa]rt(?:icle|icles|\.)?\s+(?<n>\d+(?:[-.:]\d+)*(?:\s*\(\d+\))?)(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?<n>\d+(?:[-.:]\d+)*))*", RegexOptions.CultureInvariant)]
    private static partial Regex LegalArticle();

    private static IEnumerable<string> Articles(Match m) => m.Groups["n"].Captures.Select(c => c.Value.Split('(')[0].Trim());

    // ---- statements -------------------------------------------------------------------------

    private static void FindStatements(Context c, Span sentence, List<ExtractedEvent> events, List<ExtractedStatement> statements)
    {
        foreach (var verb in c.Verbs.Where(v => v.Index >= sentence.Start && v.Index + v.Length <= sentence.End && !c.Quoted(v.Index)))
        {
            // "wrote about fishermen" is reporting, not a statement.
            if (verb.Value is "wrote" && c.Text.AsSpan(verb.Index + verb.Length).TrimStart().StartsWith("about", StringComparison.Ordinal))
            {
                continue;
            }
            var at = verb.Index;
            var end = at + verb.Length;
            Actor? speaker = null;
            // The pattern is anchored at the verb: the last few words are all it can use.
            var wordBefore = WordBeforeVerb().Match(c.Text[Math.Max(sentence.Start, at - 120)..at]);
            var lowerWordBefore = wordBefore.Success && char.IsLower(wordBefore.Groups[1].Value[0]);
            var before = HitsIn(c, sentence.Start, at).LastOrDefault();
            var org = c.Orgs.LastOrDefault(o => o.Span.Start >= sentence.Start && o.Span.End <= at);
            var pronoun = c.Pronouns.LastOrDefault(p => p.Span.Start >= sentence.Start && p.Span.End <= at && at - p.Span.End < 25);
            var onlyAfter = verb.Value.StartsWith("according", StringComparison.OrdinalIgnoreCase) || verb.Value.StartsWith("in an", StringComparison.OrdinalIgnoreCase) || verb.Value.StartsWith("in a ", StringComparison.OrdinalIgnoreCase);
            if (onlyAfter)
            {
                var named = HitsIn(c, end, Math.Min(sentence.End, end + 60)).FirstOrDefault(h => !Possessive(c.Text, h.Span));
                var namedOrg = c.Orgs.FirstOrDefault(o => o.Span.Start >= end && o.Span.Start - end < 40 && sentence.Contains(o.Span));
                if (named is not null && NamedAfterVerb().IsMatch(c.Text[end..named.Span.Start]) && !ClauseWordAfterVerb().IsMatch(c.Text[end..named.Span.Start]))
                {
                    speaker = new Actor(named.Person, null, named.Span.Start);
                }
                else if (namedOrg is not null && !verb.Value.StartsWith("according", StringComparison.OrdinalIgnoreCase) && NamedAfterVerb().IsMatch(c.Text[end..namedOrg.Span.Start]))
                {
                    // "according to an outlet" cites a source; it is not the outlet's statement.
                    speaker = new Actor(-1, namedOrg.Name, namedOrg.Span.Start);
                }
            }
            else if (wordBefore.Success && wordBefore.Groups[1].Value.ToLowerInvariant() is "he" or "she")
            {
                if (Resolve(c, wordBefore.Index + sentence.Start, string.Equals(wordBefore.Groups[1].Value, "he", StringComparison.OrdinalIgnoreCase) ? Gender.Male : Gender.Female) is { } who)
                {
                    speaker = new Actor(who, null, at);
                }
            }
            else if (lowerWordBefore && KindNounSpeaker(c, sentence, wordBefore.Groups[1].Value, at) is { } named)
            {
                // "the ministry said", "the foundation said": the organisation of that kind named last.
                speaker = new Actor(-1, named.Name, at);
            }
            else if (lowerWordBefore && wordBefore.Groups[1].Value is not ("and" or "also" or "has" or "have" or "who" or "which"))
            {
                // "reports said", "officials told": the speaker is not named.
                speaker = null;
            }
            else if (before is not null && !c.Text[before.Span.End..at].Any(ch => ch is '“' or '”' or '"')
                && !c.Text.AsSpan(before.Span.End, Math.Min(2, c.Text.Length - before.Span.End)).StartsWith("’", StringComparison.Ordinal)
                && (at - before.Span.End < 25 || (c.Text[before.Span.End] == ',' && at - before.Span.End < 160 && (org is null || org.Span.Start > before.Span.End || org.Span.End < before.Span.Start))))
            {
                speaker = new Actor(before.Person, null, before.Span.Start);
            }
            else if (org is not null && at - org.Span.End < 40 && !c.Text[org.Span.End..at].Any(ch => ch is '“' or '”' or '"') && !FollowedByRole(c.Text, org.Span.End))
            {
                speaker = new Actor(-1, org.Name, org.Span.Start);
            }
            else if (verb.Value is "said" or "says" or "told" or "added" or "stated" or "noted" or "wrote" or "according to" or "explained" or "asserted" or "warned" or "stressed" or "in an interview" or "in a statement")
            {
                var after = HitsIn(c, end, Math.Min(sentence.End, end + 60)).FirstOrDefault(h => !Possessive(c.Text, h.Span));
                if (after is not null && NamedAfterVerb().IsMatch(c.Text[end..after.Span.Start]) && !ClauseWordAfterVerb().IsMatch(c.Text[end..after.Span.Start]))
                {
                    speaker = new Actor(after.Person, null, after.Span.Start);
                }
            }
            else if (pronoun.Span.Length > 0 && Resolve(c, pronoun.Span.Start, pronoun.Gender) is { } p)
            {
                speaker = new Actor(p, null, pronoun.Span.Start);
            }
            if (speaker is null)
            {
                continue;
            }
            if (speaker.Person >= 0)
            {
                c.Speakers.Add((sentence.Start, speaker.Person));
            }
            var subject = speaker.Person >= 0 ? c.People[speaker.Person].Name : speaker.Org;
            var own = NearestDate(c, sentence, at);
            var date = own ?? c.Anchor;
            events.Add(new ExtractedEvent
            {
                DateOrigin = own is not null ? DateOrigin.Sentence : date is not null ? DateOrigin.Document : DateOrigin.None,
                Type = EventType.Statement,
                Subject = subject,
                SubjectIsOrganization = speaker.Person < 0,
                Date = date,
                Evidence = sentence,
                Rule = "statement:" + verb.Value.ToLowerInvariant(),
                Confidence = speaker.Person >= 0 ? 0.8 : 0.6,
            });
            statements.Add(new ExtractedStatement(speaker.Person >= 0 ? c.People[speaker.Person].Name : null, speaker.Org, sentence));
            // Coordinated organisations speak together: "X (XX) and Y (YY) have condemned".
            if (speaker.Person < 0)
            {
                foreach (var other in c.Orgs.Where(o => o.Span.Start >= sentence.Start && o.Span.End <= at && o.Name != speaker.Org && o.Acronym is not null))
                {
                    events.Add(new ExtractedEvent { Type = EventType.Statement, Subject = other.Name, SubjectIsOrganization = true, Date = date, Evidence = sentence, Rule = "statement:coordinated", Confidence = 0.5 });
                }
            }
            break;
        }
    }

    // ---- events -----------------------------------------------------------------------------

    private static void FindEvents(Context c, Span sentence, List<ExtractedEvent> events)
    {
        var s = c.TextOf(sentence);
        var taken = new List<(EventType, Span)>();
        // What depends on the sentence alone is worked out once, for its first trigger that counts.
        var perSentence = false;
        List<DurationMention> durations = [];
        List<string> sentenceArticles = [];
        string? court = null;
        bool? closed = null;
        DatePoint? previous = null;
        // Triggers come grouped by type (the lexicon keeps each type's rows together), in text order within a row.
        foreach (var (type, index, length, value) in c.Triggers)
        {
            if (index < sentence.Start || index + length > sentence.End)
            {
                continue;
            }
            var m = (Index: index - sentence.Start, Value: value);
            var trigger = new Span(index, length);
            if (Overlaps(taken, type, trigger))
            {
                continue;
            }
            if (IsCallNotFact(s, m.Index, type) || NegatedBefore().IsMatch(s.AsSpan(Math.Max(0, m.Index - 30), Math.Min(30, m.Index))))
            {
                continue;
            }
            taken.Add((type, trigger));
            if (!perSentence)
            {
                perSentence = true;
                durations = c.DurationsIn(sentence);
                sentenceArticles = [.. LegalArticle().Matches(s).SelectMany(Articles).Distinct(StringComparer.Ordinal)];
                court = c.Orgs.FirstOrDefault(o => o.Kind == OrganizationKind.Court && sentence.Contains(o.Span))?.Name;
                closed = ClosedHearing().IsMatch(s) ? true : null;
                previous = PreviousSentenceDate(c, sentence);
            }
            var subjects = Subjects(c, sentence, trigger, type);
            var own = NearestDate(c, sentence, trigger.Start);
            var date = own ?? previous;
            var origin = own is not null ? DateOrigin.Sentence : date is not null ? DateOrigin.PreviousSentence : DateOrigin.None;
            var term = type == EventType.Sentence ? NearestDuration(durations, trigger) : null;
            List<string> articles = type is EventType.Charge or EventType.Sentence or EventType.Trial ? [.. sentenceArticles] : [];
            if (subjects.Count == 0)
            {
                if (type is EventType.NgoClosure or EventType.Killing or EventType.Deportation && UnnamedSubject(s))
                {
                    events.Add(Make(type, null, false, date, term, articles, court, closed, sentence, m.Value, 0.4) with { DateOrigin = origin });
                }
                continue;
            }
            var persons = subjects.Where(a => a.Person >= 0).Select(a => a.Person).Distinct().ToList();
            if (IsCaseEvent(type) && persons.Count >= 2)
            {
                c.LastGroup = persons;
                c.LastGroupSentence = c.Sentences.IndexOf(sentence);
            }
            if (IsCaseEvent(type) && persons.Count == 1)
            {
                c.Salient = (persons[0], c.Sentences.IndexOf(sentence));
            }
            // "sentenced to seven and eight years respectively": terms go to people in order.
            var respectiveTerms = type == EventType.Sentence ? RespectiveTerms(s, durations) : [];
            var respective = respectiveTerms.Count >= subjects.Count && subjects.Count >= 2;
            for (var k = 0; k < subjects.Count; k++)
            {
                var a = subjects[k];
                var kTerm = respective ? respectiveTerms[k] : term;
                var name = a.Person >= 0 ? c.People[a.Person].Name : a.Org;
                if (type == EventType.NgoClosure && a.Person >= 0)
                {
                    continue;
                }
                events.Add(Make(type, name, a.Person < 0, date, kTerm, articles, court, closed, sentence, m.Value, a.Person >= 0 ? 0.7 : 0.5) with { DateOrigin = origin });
            }
        }
    }

    // A loop, not a lambda: a closure over the trigger would be allocated for every trigger.
    private static bool Overlaps(List<(EventType Type, Span Span)> taken, EventType type, Span trigger)
    {
        foreach (var (t, span) in taken)
        {
            if (t == type && span.Overlaps(trigger))
            {
                return true;
            }
        }
        return false;
    }

    // Karimov and Karimova are one family: compare surname keys without the feminine ending.
    private static string NameFamily(string surnameKey) => surnameKey.EndsWith('a') ? surnameKey[..^1] : surnameKey;

    // "seven and eight years respectively": the unit is written once, after the last number.
    private static List<DurationMention> RespectiveTerms(string sentence, List<DurationMention> durations)
    {
        if (!sentence.Contains("respectively", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var m = SharedUnitTerms().Match(sentence);
        if (!m.Success)
        {
            return durations;
        }
        var perMonth = m.Groups["unit"].Value.StartsWith("year", StringComparison.OrdinalIgnoreCase) ? 12 : 1;
        return [.. m.Groups["n"].Captures.Select(n => Numbers.Parse(n.Value) is { } v ? new DurationMention(new Span(0, 0), v * perMonth, null) : null).OfType<DurationMention>()];
    }

    private static bool IsCaseEvent(EventType type) =>
        type is EventType.Arrest or EventType.Detention or EventType.Charge or EventType.Trial or EventType.Sentence or EventType.Release or EventType.TravelBan or EventType.Disappearance;

    private static List<Actor> Group(Context c) => [.. c.LastGroup.Select(p => new Actor(p, null, -1))];

    private static ExtractedEvent Make(EventType type, string? subject, bool isOrg, DatePoint? date, DurationMention? term, List<string> articles, string? court, bool? closed, Span evidence, string trigger, double confidence) => new()
    {
        Type = type,
        Subject = subject,
        SubjectIsOrganization = isOrg,
        Date = date,
        TermMonths = term?.Months,
        TermDays = term?.Months is null ? term?.Days : null,
        LegalArticles = articles,
        Court = court,
        ClosedHearing = closed,
        Evidence = evidence,
        Rule = "event:" + Lexicon.LabelOf(type) + ":" + trigger.ToLowerInvariant(),
        Confidence = confidence,
    };

    [GeneratedRegex(@"\b(?:(?:\d[\d,]*|dozens?|hundreds?|thousands?|several|many|some|a number of|a dozen|at least \d+)\s+(?:of\s+)?(?:[\p{L}\-]+\s+){0,2}(?:people|refugees|migrants|members|journalists|activists|ngos|NGOs|organi[sz]ations|outlets|residents|men|women|persons|individuals|citizens|protesters|others|groups|associations|media)|a young man|a young woman|a man|a woman|a resident|an activist|a journalist)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedGroup();

    private static bool UnnamedSubject(string sentence) => UnnamedGroup().IsMatch(sentence);

    // "called for his release", "must release him": a call to act, not a release that happened.
    private static bool IsCallNotFact(string sentence, int index, EventType type)
    {
        if (type is EventType.Statement or EventType.CallToAction)
        {
            return false;
        }
        return PlannedOrCalledFor().IsMatch(sentence.AsSpan(Math.Max(0, index - 40), Math.Min(40, index)));
    }

    private static List<Actor> Subjects(Context c, Span sentence, Span trigger, EventType type)
    {
        var found = FindSubjects(c, sentence, trigger, type);
        return IsCaseEvent(type) ? found.Where(a => a.Person < 0 || !c.Officials.Contains(a.Person)).ToList() : found;
    }

    private static List<Actor> FindSubjects(Context c, Span sentence, Span trigger, EventType type)
    {
        var s = c.Text;
        var before = s[Math.Max(sentence.Start, trigger.Start - 25)..trigger.Start];
        var passive = PassiveBefore().IsMatch(before);
        if (type == EventType.NgoClosure)
        {
            var org = c.Orgs.Where(o => sentence.Contains(o.Span) && o.Kind is not (OrganizationKind.Court or OrganizationKind.StateBody or OrganizationKind.Intergovernmental))
                .OrderBy(o => Math.Abs(o.Span.Start - trigger.Start)).FirstOrDefault();
            return org is null ? [] : [new Actor(-1, org.Name, org.Span.Start)];
        }
        if (type == EventType.Search && OfficesAfter().IsMatch(s[trigger.Start..Math.Min(sentence.End, trigger.End + 40)]))
        {
            var org = c.Orgs.Where(o => sentence.Contains(o.Span) && o.Span.Start > trigger.Start && o.Kind is OrganizationKind.Media or OrganizationKind.Ngo).OrderBy(o => o.Span.Start).FirstOrDefault();
            if (org is not null)
            {
                return [new Actor(-1, org.Name, org.Span.Start)];
            }
        }
        // Noun forms: "the arrest of X", "X's trial", "his detention".
        var ofMatch = OfAfter().Match(s[trigger.End..Math.Min(sentence.End, trigger.End + 30)]);
        if (ofMatch.Success)
        {
            var group = GroupAt(c, sentence, trigger.End + ofMatch.Length, forward: true);
            if (group.Count > 0)
            {
                return group;
            }
        }
        // A possessive needs an apostrophe or one of "his", "her", "their" (which hold "is", "er", "eir").
        var possessive = before.AsSpan().IndexOfAny(Possessives) >= 0 ? PossessiveBefore().Match(before) : Match.Empty;
        if (possessive.Success && !passive)
        {
            if (possessive.Groups["pro"].Success)
            {
                var pronoun = possessive.Groups["pro"].Value.ToLowerInvariant();
                if (pronoun == "their" && c.LastGroup.Count >= 2)
                {
                    return Group(c);
                }
                if (pronoun != "their" && Resolve(c, trigger.Start - 1, pronoun == "his" ? Gender.Male : Gender.Female) is { } p)
                {
                    return [new Actor(p, null, trigger.Start)];
                }
            }
            else if (RelativeNoun().IsMatch(possessive.Groups["name"].Value))
            {
                // "her husband's hearing": the relative, a person of the same family named in the text.
                var owner = Resolve(c, trigger.Start - 1, Gender.Unknown);
                var relative = owner is { } o ? c.People.FindIndex(p => p != c.People[o] && p.SurnameKey.Length > 0 && NameFamily(p.SurnameKey) == NameFamily(c.People[o].SurnameKey)) : -1;
                if (relative >= 0)
                {
                    return [new Actor(relative, null, trigger.Start)];
                }
                return [];
            }
            else if (GroupNoun().IsMatch(possessive.Groups["name"].Value) && c.LastGroup.Count >= 2)
            {
                return Group(c); // "the two bloggers' trial"
            }
            else if (char.IsUpper(possessive.Groups["name"].Value[0]))
            {
                var hit = c.Hits.LastOrDefault(h => h.Span.End <= trigger.Start && trigger.Start - h.Span.End < 30 && sentence.Contains(h.Span));
                if (hit is not null)
                {
                    return [new Actor(hit.Person, null, hit.Span.Start)];
                }
            }
        }
        if (passive)
        {
            var group = GroupAt(c, sentence, trigger.Start, forward: false);
            if (group.Count > 0)
            {
                return group;
            }
            var pronounSubject = PronounSubjectBefore().Match(before);
            if (pronounSubject.Success && Resolve(c, trigger.Start, string.Equals(pronounSubject.Groups["p"].Value, "he", StringComparison.OrdinalIgnoreCase) ? Gender.Male : Gender.Female) is { } subject)
            {
                return [new Actor(subject, null, trigger.Start)];
            }
            if (GroupSubjectBefore().IsMatch(before) && c.LastGroup.Count >= 2)
            {
                return Group(c);
            }
            if (UnnamedPluralSubject().IsMatch(before))
            {
                return [];
            }
        }
        else
        {
            if ((ThemAfter().IsMatch(s.AsSpan(trigger.End, Math.Min(12, sentence.End - trigger.End))) || TeamAfter().IsMatch(s.AsSpan(trigger.End, Math.Min(60, sentence.End - trigger.End)))) && c.LastGroup.Count >= 2)
            {
                return Group(c);
            }
            var group = GroupAt(c, sentence, trigger.End, forward: true);
            if (group.Count > 0)
            {
                return group;
            }
            var left = GroupAt(c, sentence, trigger.Start, forward: false);
            if (left.Count > 0 && !left.TrueForAll(a => a.Person >= 0 && c.SpeaksIn(sentence, a.Person)))
            {
                return left;
            }
        }
        if (type is not (EventType.Arrest or EventType.Detention or EventType.Charge or EventType.Trial or EventType.Sentence or EventType.Release or EventType.TravelBan or EventType.Disappearance))
        {
            return [];
        }
        // Anyone else named in the sentence who is not its speaker, nearest first.
        if (GenericPluralAfter().IsMatch(s.AsSpan(trigger.End, Math.Min(40, sentence.End - trigger.End))))
        {
            return []; // "imprisoned journalists": a group with no names here
        }
        var nearest = c.Hits.Where(h => sentence.Contains(h.Span) && !c.SpeaksIn(sentence, h.Person))
            .OrderBy(h => Math.Abs(h.Span.Start - trigger.Start)).FirstOrDefault();
        if (nearest is not null)
        {
            return [new Actor(nearest.Person, null, nearest.Span.Start)];
        }
        var pro = c.Pronouns.Where(p => sentence.Contains(p.Span)).OrderBy(p => Math.Abs(p.Span.Start - trigger.Start)).FirstOrDefault();
        if (pro.Span.Length > 0 && Resolve(c, pro.Span.Start, pro.Gender) is { } who)
        {
            return [new Actor(who, null, pro.Span.Start)];
        }
        // "The trial was closed to the public": with no one named, the case the text is following.
        var here = c.Sentences.IndexOf(sentence);
        if (c.LastGroup.Count >= 2 && c.LastGroupSentence >= c.Salient.Sentence && here - c.LastGroupSentence is >= 0 and <= 2 && DefiniteBefore().IsMatch(before))
        {
            return Group(c);
        }
        if (c.Salient.Person >= 0 && c.Sentences.IndexOf(sentence) - c.Salient.Sentence is >= 0 and <= 2 && DefiniteBefore().IsMatch(before))
        {
            return [new Actor(c.Salient.Person, null, trigger.Start)];
        }
        return [];
    }

    /// <summary>The person (or coordinated people, "A, B and C") next to a position, looking one way within the sentence.</summary>
    private static List<Actor> GroupAt(Context c, Span sentence, int position, bool forward)
    {
        var result = new List<Actor>();
        var items = c.PeopleIn(sentence);
        if (forward)
        {
            var first = items.FindIndex(i => i.Start >= position);
            if (first < 0 || items[first].Start - position > 60 || ForwardGapBreak().IsMatch(c.Text[position..items[first].Start]))
            {
                return result;
            }
            result.Add(new Actor(items[first].Person, null, items[first].Start));
            for (var k = first + 1; k < items.Count; k++)
            {
                if (!Coordinated(c.Text, items[k - 1].End, items[k].Start))
                {
                    break;
                }
                result.Add(new Actor(items[k].Person, null, items[k].Start));
            }
        }
        else
        {
            var last = items.FindLastIndex(i => i.End <= position);
            if (last < 0 || position - items[last].End > 150 || BackwardGapBreak().IsMatch(c.Text[items[last].End..position]))
            {
                return result;
            }
            result.Add(new Actor(items[last].Person, null, items[last].Start));
            for (var k = last - 1; k >= 0; k--)
            {
                if (!Coordinated(c.Text, items[k].End, items[k + 1].Start))
                {
                    break;
                }
                result.Insert(0, new Actor(items[k].Person, null, items[k].Start));
            }
        }
        return result.DistinctBy(a => a.Person).ToList();
    }

    // Between two names of a list: ", " / " and " / ", and ", allowing a short apposition ("X, a coordinator at Y, and Z").
    private static bool Coordinated(string text, int end, int start)
    {
        if (start < end || start - end > 70)
        {
            return false;
        }
        var gap = text[end..start];
        return ListSeparator().IsMatch(gap)
            || AppositionSeparator().IsMatch(gap);
    }

    /// <summary>The person a pronoun at a position most likely means: the latest compatible person mentioned before it.</summary>
    private static int? Resolve(Context c, int position, Gender gender)
    {
        // A pronoun inside a quote never means the person quoted ("the authorities must free him", said X).
        var quoted = c.Quoted(position);
        var (from, to) = quoted ? c.ParagraphAround(position) : (0, 0);
        NameHit? best = null;
        foreach (var h in c.Hits)
        {
            if (h.Span.End > position)
            {
                break;
            }
            var g = c.People[h.Person].Gender;
            if ((gender == Gender.Unknown || g == Gender.Unknown || g == gender) && !(quoted && c.SpeaksIn(from, to, h.Person)))
            {
                if (position - h.Span.End < 1500)
                {
                    best = h;
                }
            }
        }
        return best?.Person;
    }

    /// <summary>Spans between opening and closing quotation marks (curly pairs, or straight quotes taken in pairs within a paragraph).</summary>
    private static List<Span> QuotedSpans(string text)
    {
        var spans = new List<Span>();
        var open = -1;
        var straight = -1;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '“' or '«':
                    open = i;
                    break;
                case '”' or '»' when open >= 0:
                    spans.Add(Span.FromBounds(open, i + 1));
                    open = -1;
                    break;
                case '"' when straight < 0:
                    straight = i;
                    break;
                case '"':
                    spans.Add(Span.FromBounds(straight, i + 1));
                    straight = -1;
                    break;
                case '\n' when i + 1 < text.Length && text[i + 1] == '\n':
                    open = straight = -1;
                    break;
            }
        }
        return spans;
    }

    private static OrgHit? KindNounSpeaker(Context c, Span sentence, string noun, int at)
    {
        if (noun.Length < 4 || !TheBefore().IsMatch(c.Text.AsSpan(Math.Max(sentence.Start, at - noun.Length - 12), Math.Min(noun.Length + 12, at - sentence.Start))))
        {
            return null;
        }
        var head = char.ToUpperInvariant(noun[0]) + noun[1..];
        return c.Orgs.LastOrDefault(o => o.Span.End <= at && o.Name.Split(' ').Contains(head, StringComparer.Ordinal));
    }

    private static bool Possessive(string text, Span span) =>
        span.End + 1 < text.Length && text[span.End] is '’' or '\'' && text[span.End + 1] == 's';

    // "a UN expert said": the organisation qualifies an unnamed speaker.
    private static bool FollowedByRole(string text, int position) =>
        RoleAfterOrganization().IsMatch(text.AsSpan(position, Math.Min(30, text.Length - position)));

    private static IEnumerable<NameHit> HitsIn(Context c, int from, int to) => c.Hits.Where(h => h.Span.Start >= from && h.Span.End <= to);

    private static DatePoint? NearestDate(Context c, Span sentence, int position)
    {
        // A date after the trigger in the same clause binds tighter than one before it; on a tie, the earlier date.
        DatePoint? best = null;
        var bestDistance = double.MaxValue;
        foreach (var d in c.DatesIn(sentence))
        {
            if (d.Value is null)
            {
                continue;
            }
            var distance = d.Span.Start >= position ? d.Span.Start - position : (position - d.Span.End) * 1.5;
            if (distance < bestDistance)
            {
                best = d.Value;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static DatePoint? PreviousSentenceDate(Context c, Span sentence)
    {
        var index = c.Sentences.IndexOf(sentence);
        if (index <= 0 || c.Text.AsSpan(c.Sentences[index - 1].End, sentence.Start - c.Sentences[index - 1].End).Contains("\n\n", StringComparison.Ordinal))
        {
            return null;
        }
        return c.DatesIn(c.Sentences[index - 1]).LastOrDefault(d => d.Value is not null)?.Value;
    }

    private static DurationMention? NearestDuration(List<DurationMention> durations, Span trigger) =>
        durations.Where(d => d.Months is not null || d.Days is not null)
            .OrderBy(d => d.Span.Start >= trigger.Start ? d.Span.Start - trigger.Start : (trigger.Start - d.Span.End) * 1.2)
            .FirstOrDefault();

    // ---- calls to action --------------------------------------------------------------------

    [GeneratedRegex(@"\b(?:(?:call(?:s|ed|ing)?\s+(?:on|upon)\b[^.;]{0,120}?\bto|urg(?:e|es|ed|ing)\b[^.;]{0,120}?\bto|demand(?:s|ed|ing)?(?:\s+that)?\b[^.;]{0,80}?|ask(?:s|ed)?\b[^.;]{0,60}?\bto|must|should|to)\s+(?:immediately\s+|unconditionally\s+|urgently\s+)?(?:release|free|drop\b[^.;]{0,60}?\band\s+(?:release|free))|(?:call(?:s|ed|ing)?|appeal(?:s|ed)?|press(?:ed)?|advocat(?:e|es|ed|ing))\s+for\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:immediate\s+|unconditional\s+)?(?:and\s+unconditional\s+)?release|^(?:release|free)\s|\bsend(?:ing)?\s+(?:him|her|them)\s+(?:a\s+)?(?:postcard|letter|message)|\bwrit(?:e|ing)\s+to\s+the\b|\bsupport\s+\p{Lu}|drop\s+(?:the\s+)?(?:\w+\s+){0,2}(?:charges|case))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallPattern();

    private static readonly System.Buffers.SearchValues<string> CallWords = System.Buffers.SearchValues.Create(["releas", "free", "send", "writ", "support", "drop"], StringComparison.OrdinalIgnoreCase);

    private static void FindCallsToAction(Context c, Span sentence, List<ExtractedEvent> events)
    {
        var s = c.TextOf(sentence);
        // Every call the pattern knows names one of these words; most sentences have none, and
        // the pattern would otherwise be tried at every "to" of them.
        if (s.AsSpan().IndexOfAny(CallWords) < 0)
        {
            return;
        }
        var m = CallPattern().Match(s);
        if (!m.Success)
        {
            return;
        }
        var at = sentence.Start + m.Index + m.Length;
        var targets = GroupAt(c, sentence, at, forward: true);
        if (targets.Count == 0 && c.LastGroup.Count >= 2 && (TeamAfter().IsMatch(c.Text.AsSpan(at, Math.Min(60, sentence.End - at))) || ThemAfter().IsMatch(c.Text.AsSpan(at, Math.Min(12, sentence.End - at))) || m.Value.Contains("their", StringComparison.OrdinalIgnoreCase)))
        {
            targets = Group(c);
        }
        if (targets.Count == 0)
        {
            // "release Ms X" handled above; otherwise the person named just before ("support Manuchehr by sending him a postcard").
            var inside = c.Hits.Where(h => sentence.Contains(h.Span) && !c.SpeaksIn(sentence, h.Person)).OrderBy(h => Math.Abs(h.Span.Start - at)).FirstOrDefault();
            if (inside is not null)
            {
                targets = [new Actor(inside.Person, null, inside.Span.Start)];
            }
        }
        if (targets.Count == 0 && ObjectPronoun().IsMatch(s[m.Index..]))
        {
            var pro = c.Pronouns.Where(p => sentence.Contains(p.Span)).OrderBy(p => Math.Abs(p.Span.Start - at)).FirstOrDefault();
            if (pro.Span.Length > 0 && Resolve(c, pro.Span.Start, pro.Gender) is { } who)
            {
                targets = [new Actor(who, null, pro.Span.Start)];
            }
        }
        var own = NearestDate(c, sentence, sentence.Start + m.Index);
        var date = own ?? c.Anchor;
        var origin = own is not null ? DateOrigin.Sentence : date is not null ? DateOrigin.Document : DateOrigin.None;
        foreach (var t in targets.Where(t => t.Person >= 0 && !c.SpeaksIn(sentence, t.Person)))
        {
            events.Add(new ExtractedEvent { Type = EventType.CallToAction, Subject = c.People[t.Person].Name, Date = date, DateOrigin = origin, Evidence = sentence, Rule = "call:" + m.Value.Split(' ')[0].ToLowerInvariant(), Confidence = 0.6 });
        }
    }

    // ---- merge ------------------------------------------------------------------------------

    /// <summary>One event per type and subject in a document; the first mention gives the evidence, later ones fill in a missing date, term or article.</summary>
    private static List<ExtractedEvent> Merge(List<ExtractedEvent> events)
    {
        var merged = new List<ExtractedEvent>();
        foreach (var e in events)
        {
            var index = merged.FindIndex(m => m.Type == e.Type && string.Equals(m.Subject, e.Subject, StringComparison.Ordinal));
            if (index < 0)
            {
                merged.Add(e);
                continue;
            }
            var m = merged[index];
            // The date a sentence states beats one inherited from a neighbour or the dateline.
            var takeDate = m.Date is null || e.DateOrigin > m.DateOrigin
                || (e.DateOrigin == m.DateOrigin && e.Date is { } d && m.Date is { } md && d.Precision > md.Precision && d.ToString().StartsWith(md.ToString(), StringComparison.Ordinal));
            merged[index] = m with
            {
                Date = takeDate && e.Date is not null ? e.Date : m.Date,
                DateOrigin = takeDate && e.Date is not null ? e.DateOrigin : m.DateOrigin,
                TermMonths = m.TermMonths ?? e.TermMonths,
                TermDays = m.TermDays ?? e.TermDays,
                LegalArticles = m.LegalArticles.Count > 0 ? m.LegalArticles : e.LegalArticles,
                Court = m.Court ?? e.Court,
                ClosedHearing = m.ClosedHearing ?? e.ClosedHearing,
            };
        }
        return merged;
    }

    // Anchored at the end: read right to left, it starts where it must instead of trying every position.
    [GeneratedRegex(@"([\p{L}’'\-]+)\s+(?:(?:has|have|had|also|later|earlier|previously|again|reportedly|then|further|strongly|repeatedly|publicly)\s+){0,2}$", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex WordBeforeVerb();

    [GeneratedRegex(@"^[\s,]*(?:(?:the|a|an|[\p{Lu}][\p{L}’'\-]*|his|her|their|its|lawyer|journalist|director|head|activist|wife|husband|mother|father|brother|sister|son|daughter|spokes\w+|representative|chair\w*|coordinator|researcher|editor|founder|co-founder|expert|rapporteur|official|officer|chief|executive|deputy|senior|programme|program|regional|colleague|defender|blogger|leader|member|president|minister|prosecutor|judge|advocate|adviser|advisor|analyst|associate|correspondent|reporter)\s+){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAfterVerb();

    [GeneratedRegex(@"\b(?:that|to|about|of|on|with)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseWordAfterVerb();

    [GeneratedRegex(@"\bclosed(?:-door)? (?:trial|hearing|court|session)|behind closed doors|in camera\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosedHearing();

    [GeneratedRegex(@"(?:\bto\s+(?:immediately\s+|unconditionally\s+)?|\b(?:if|unless|must|should|would|could|may|might|will|can|cannot|plan(?:s|ned)? to|threat(?:en|ened)? (?:with|to)|faces?|facing|possible|potential|risk of|fear(?:s|ed)? of|calls? for|called for|calling for|demand(?:s|ed)?|urg(?:e|es|ed))\s+(?:\w+\s+){0,3})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlannedOrCalledFor();

    [GeneratedRegex(@"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+|not\s+|reportedly\s+|allegedly\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBefore();

    [GeneratedRegex(@"\boffices?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfficesAfter();

    [GeneratedRegex(@"^\s+(?:of|against|for)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex OfAfter();

    [GeneratedRegex(@"(?:\b(?<pro>[Hh]is|[Hh]er|[Tt]heir)|(?<name>[\p{L}\-]+)['’]s?)\s+(?:[a-z\-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveBefore();

    private static readonly System.Buffers.SearchValues<string> Possessives = System.Buffers.SearchValues.Create(["'", "’", "is", "er", "eir"], StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?<p>he|she)\s+(?:was|is|has been|had been)\s+(?:\w+ly\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounSubjectBefore();

    [GeneratedRegex(@"\b(?:they|people|members|others|individuals|men|women|refugees|ngos|organi[sz]ations|journalists|activists|outlets)\s+(?:were|are|have been|had been)\s+(?:\w+ly\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnnamedPluralSubject();

    [GeneratedRegex(@"[;:]|\b(?:said|told|who|which|that|after|because|while|when|but)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ForwardGapBreak();

    [GeneratedRegex(@"[;“”""]|\b(?:said|told|after|because|while|when|but|and then)\b", RegexOptions.CultureInvariant)]
    private static partial Regex BackwardGapBreak();

    [GeneratedRegex(@"^(?:\s*\([^)]{0,30}\))?(?:,\s*|\s+and\s+|,\s+and\s+|\s+&\s+)(?:(?:investigative|independent|fellow|freelance)\s+)?(?:journalists?\s+|activists?\s+|lawyers?\s+|bloggers?\s+|editor-in-chief,?\s+|director,?\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^,\s+(?:a|an|the|its|his|her)\s+[^,;.]{1,50},\s*(?:and\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AppositionSeparator();

    [GeneratedRegex(@"^\s+(?:expert|experts|official|officials|spokes\w+|representative|director|head|chief|staff|lawyer|researcher)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoleAfterOrganization();

    [GeneratedRegex(@"\b(?:him|her|their)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectPronoun();

    [GeneratedRegex(@"\b(?:they|the\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?:\s+[a-z\-]+){0,2}|all\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|of them)(?:\s+[a-z\-]+){0,2}|both(?:\s+[a-z\-]+){0,2})\s+(?:were|are|had been|have been|have|had)\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroupSubjectBefore();

    [GeneratedRegex(@"^\s+them\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThemAfter();

    [GeneratedRegex(@"\b(?:the|this|that|his|her)\s+(?:[a-z\-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefiniteBefore();

    [GeneratedRegex(@"\b(?:not|never|without|no longer)\s+(?:been\s+|yet\s+|be\s+|formally\s+|officially\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedBefore();

    [GeneratedRegex(@"^\s+(?:[a-z\-]+\s+)?(?:journalists|activists|lawyers|bloggers|people|defenders|critics|dissidents|prisoners|members|others|reporters)\b(?!\s+(?:\p{Lu}|including))", RegexOptions.CultureInvariant)]
    private static partial Regex GenericPluralAfter();

    [GeneratedRegex(@"\bthe\s+[a-z]+\s+(?:has\s+|have\s+|had\s+|also\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheBefore();

    [GeneratedRegex(@"^(?:husband|wife|son|daughter|father|mother|brother|sister|uncle|aunt|nephew|niece|cousin|client|colleague|partner|fiancée?|relatives?|family)$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeNoun();

    [GeneratedRegex(@"\b(?:President|Prime Minister|Minister|Chairman|Chairwoman|Governor|Mayor|Judge|Prosecutor|Prosecutor-General|Ambassador|Secretary|Spokesman|Spokeswoman|Spokesperson|Commissioner|Rapporteur|Senator|Speaker|King|Emir|Sultan|Ombudsman|Ombudsperson)\s+(?:[\p{Lu}][\p{L}\-]+\s+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OfficeBefore();

    [GeneratedRegex(@"^\s+(?:(?:the|their|its|his|her)\s+)(?:[\p{L}\-]+\s+){0,3}(?:team|staff|journalists|employees|colleagues|members|defendants|activists|reporters)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TeamAfter();

    [GeneratedRegex(@"\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)(?:(?:,\s*|\s+and\s+|,\s+and\s+)(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty))+\s+(?<unit>years?|months?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SharedUnitTerms();

    [GeneratedRegex(@"^(?:journalists|activists|bloggers|lawyers|defendants|men|women|brothers|sisters|colleagues|defenders|reporters|members)$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupNoun();
}
