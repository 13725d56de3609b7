using System.Collections.Concurrent;
using System.Text;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>
/// Clusters person mentions from many documents into persons. The unit is one spelling in one
/// record (a person as extraction found them in one document). Units join, in this order:
/// spellings judged the same (always); the spellings of one record (the extractor's reading of
/// its document); full names the matcher calls the same, compared only within blocks of names
/// that share a surname and given-name skeleton, strongest pairs first; and last, records with
/// only a surname or initials, when exactly one person fits and the context (same document,
/// country, organisation, people mentioned together) supports it. A join is refused when it
/// would put two spellings judged different in one person, two records of one document in one
/// person (the extractor saw two people there), or two names the matcher rules apart (a chain
/// of near matches must not join Rashad and Rashid), or, for a weak match, two countries.
/// Pure and deterministic: the same records and judgements give the same persons.
/// </summary>
public sealed class Resolver(NameMatcher matcher)
{
    public static Resolver Default { get; } = new(NameMatcher.Default);

    /// <summary>A match this strong joins whatever the context says.</summary>
    private const double StrongScore = 0.8;

    /// <summary>How many distinct full names of a person are checked against a join; enough for real spelling sets.</summary>
    private const int NamesChecked = 12;

    /// <summary>Blocks larger than this are compared by sorted neighbourhood instead of every pair.</summary>
    private const int LargestBlock = 1500;

    private const int Neighbourhood = 200;

    public Resolution Resolve(IReadOnlyList<PersonRecord> records, IReadOnlyList<NameJudgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(judgements);
        return new Run(matcher, records, judgements).Resolve();
    }

    /// <summary>
    /// The surname's skeleton for blocking: the key without its gender or family ending, vowels,
    /// h and the velars dropped (g, h, k, q trade places across romanisations), and consonants
    /// that romanisations swap cheaply folded together. Spellings the matcher may call the same share it.
    /// </summary>
    public static string SurnameSkeleton(string surnameKey) => Consonants(Stem(surnameKey), int.MaxValue);

    // Without its gender or family ending: Karimova and Karimov, Rahimzoda and Rahim share a stem.
    private static string Stem(string surnameKey)
    {
        ArgumentNullException.ThrowIfNull(surnameKey);
        var key = surnameKey;
        foreach (var ending in (string[])["zoda", "kizi", "gizi", "ova", "eva", "ina", "ulu", "uli", "ska", "ski", "ov", "ev", "in"])
        {
            if (key.Length > ending.Length + 2 && key.EndsWith(ending, StringComparison.Ordinal))
            {
                return key[..^ending.Length];
            }
        }
        return key;
    }

    // Vowels kept by class and velars as one letter: a surname standing alone, where the given name cannot narrow the search.
    private static string Folded(string key)
    {
        var s = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            var folded = c switch
            {
                'a' or 'o' or 'u' => 'a',
                'e' or 'i' or 'y' => 'i',
                'h' => '\0',
                'g' or 'k' or 'q' => 'k',
                'd' => 't',
                'b' or 'f' => 'p',
                'c' => 'j',
                'w' => 'v',
                _ => c,
            };
            if (folded != '\0' && (s.Length == 0 || s[^1] != folded))
            {
                s.Append(folded);
            }
        }
        return s.ToString();
    }

    /// <summary>The given name's skeleton for blocking: its first three consonants, folded as in <see cref="SurnameSkeleton"/>.</summary>
    public static string GivenSkeleton(string givenKey) => Consonants(givenKey ?? "", 3);

    private static string Consonants(string key, int limit)
    {
        var s = new StringBuilder(Math.Min(key.Length, 16));
        foreach (var c in key)
        {
            var folded = c switch
            {
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'g' or 'k' or 'q' => '\0',
                'd' => 't',
                'b' or 'f' => 'p',
                'c' => 'j',
                'w' => 'v',
                _ => c,
            };
            if (folded != '\0' && (s.Length == 0 || s[^1] != folded))
            {
                s.Append(folded);
                if (s.Length == limit)
                {
                    break;
                }
            }
        }
        return s.ToString();
    }

    private readonly record struct Edge(int A, int B, double Score);

    /// <summary>
    /// One person being built: its records, the full names to check joins against (one per
    /// distinct signature: spellings with the same keys agree or conflict alike), and its judged spellings.
    /// </summary>
    private sealed class Cluster
    {
        public List<int> Records { get; } = [];
        public List<int> Names { get; } = [];
        public List<int>? Judged { get; set; }
    }

    /// <summary>The state of one resolution.</summary>
    private sealed class Run
    {
        private readonly NameMatcher matcher;
        private readonly IReadOnlyList<PersonRecord> records;
        private readonly IReadOnlyList<NameJudgement> judgements;
        private readonly Dictionary<string, int> spellingIds = new(StringComparer.Ordinal);
        private readonly List<string> spellings = [];
        private readonly List<int> unitRecord = [];
        private readonly List<int> unitSpelling = [];
        private int[] recordStart = [];
        private int[] parent = [];
        private Cluster?[] clusters = [];
        private IReadOnlyList<NameParts>[] readings = [];
        private bool[] full = [];
        private string[] signature = [];
        private bool[] judged = [];
        private readonly HashSet<(int, int)> apart = [];
        private readonly List<NameJudgement> contradicted = [];
        private Dictionary<long, List<int>>? byDocument;

        public Run(NameMatcher matcher, IReadOnlyList<PersonRecord> records, IReadOnlyList<NameJudgement> judgements)
        {
            this.matcher = matcher;
            this.records = records;
            this.judgements = judgements;
        }

        public Resolution Resolve()
        {
            Collect();
            ApplySameJudgements();
            JoinRecords();
            JoinMatches();
            AttachPartialNames();
            return Result();
        }

        // Every distinct spelling of every record is a unit; spellings are interned and read once.
        private void Collect()
        {
            recordStart = new int[records.Count + 1];
            var seen = new HashSet<int>();
            for (var r = 0; r < records.Count; r++)
            {
                recordStart[r] = unitRecord.Count;
                seen.Clear();
                foreach (var text in records[r].Spellings)
                {
                    var id = Intern(text);
                    if (id >= 0 && seen.Add(id))
                    {
                        unitRecord.Add(r);
                        unitSpelling.Add(id);
                    }
                }
            }
            recordStart[records.Count] = unitRecord.Count;
            foreach (var j in judgements)
            {
                Intern(j.A);
                Intern(j.B);
            }
            readings = new IReadOnlyList<NameParts>[spellings.Count];
            full = new bool[spellings.Count];
            signature = new string[spellings.Count];
            // Names share words (a common surname, a given name in two scripts): each word is keyed once.
            var words = new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            Func<string, IReadOnlyList<string>> keysOf = word => words.GetOrAdd(word, NameKey.Readings);
            Parallel.For(0, spellings.Count, i =>
            {
                readings[i] = NameParts.Readings(spellings[i], keysOf);
                var first = readings[i][0];
                full[i] = first.SurnameKey.Length > 0 && first.Given is not null;
                // The other readings follow from the same words, so the first one signs for all.
                signature[i] = first.FullKey + "/" + first.PatronymicKey + "/" + string.Join(',', first.Initials) + "/" + first.Gender.ToString() + "/" + readings[i].Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            judged = new bool[spellings.Count];
            foreach (var j in judgements.Where(j => j.Verdict == Verdict.Different))
            {
                var (a, b) = (spellingIds[NameKey.Normalise(j.A)], spellingIds[NameKey.Normalise(j.B)]);
                if (a != b)
                {
                    apart.Add((Math.Min(a, b), Math.Max(a, b)));
                    judged[a] = judged[b] = true;
                }
            }
            parent = new int[unitRecord.Count];
            clusters = new Cluster?[unitRecord.Count];
            for (var u = 0; u < parent.Length; u++)
            {
                parent[u] = u;
            }
        }

        private int Intern(string text)
        {
            var normal = NameKey.Normalise(text);
            if (normal.Length == 0)
            {
                return -1;
            }
            if (!spellingIds.TryGetValue(normal, out var id))
            {
                id = spellings.Count;
                spellingIds[normal] = id;
                spellings.Add(text.Trim());
            }
            return id;
        }

        private int Find(int u)
        {
            while (parent[u] != u)
            {
                parent[u] = parent[parent[u]];
                u = parent[u];
            }
            return u;
        }

        private Cluster ClusterOf(int root)
        {
            if (clusters[root] is { } c)
            {
                return c;
            }
            c = new Cluster();
            c.Records.Add(unitRecord[root]);
            var s = unitSpelling[root];
            if (full[s])
            {
                c.Names.Add(s);
            }
            if (judged[s])
            {
                c.Judged = [s];
            }
            clusters[root] = c;
            return c;
        }

        private enum Join
        {
            Forced,
            Record,
            Match,
            Partial,
        }

        /// <summary>Joins the persons of two units unless a rule forbids it; forced joins (judged same) always happen.</summary>
        private bool Union(int u, int v, Join kind, double score = 1)
        {
            var (ru, rv) = (Find(u), Find(v));
            if (ru == rv)
            {
                return true;
            }
            var (a, b) = (ClusterOf(ru), ClusterOf(rv));
            if (kind != Join.Forced)
            {
                if (JudgedApart(a, b))
                {
                    return false;
                }
                if (kind is Join.Match && DocumentClash(a, b))
                {
                    return false;
                }
                if (NameClash(a, b))
                {
                    return false;
                }
                if (kind is Join.Match && score < StrongScore && CountryClash(a, b))
                {
                    return false;
                }
            }
            if (a.Records.Count < b.Records.Count)
            {
                (ru, rv, a, b) = (rv, ru, b, a);
            }
            parent[rv] = ru;
            clusters[rv] = null;
            foreach (var r in b.Records)
            {
                if (!a.Records.Contains(r))
                {
                    a.Records.Add(r);
                }
            }
            foreach (var n in b.Names)
            {
                if (a.Names.Count < NamesChecked && !a.Names.Exists(m => signature[m] == signature[n]))
                {
                    a.Names.Add(n);
                }
            }
            if (b.Judged is { } judgedSpellings)
            {
                a.Judged ??= [];
                a.Judged.AddRange(judgedSpellings.Where(s => !a.Judged.Contains(s)));
            }
            return true;
        }

        private bool JudgedApart(Cluster a, Cluster b)
        {
            if (a.Judged is null || b.Judged is null)
            {
                return false;
            }
            foreach (var x in a.Judged)
            {
                foreach (var y in b.Judged)
                {
                    if (apart.Contains((Math.Min(x, y), Math.Max(x, y))))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        // Two records of one document are two people: the extractor read them apart in their own context.
        private bool DocumentClash(Cluster a, Cluster b)
        {
            var (small, large) = a.Records.Count <= b.Records.Count ? (a, b) : (b, a);
            if (large.Records.Count > 16)
            {
                var documents = new HashSet<long>(large.Records.Select(r => records[r].DocumentId));
                return small.Records.Any(r => documents.Contains(records[r].DocumentId));
            }
            foreach (var x in small.Records)
            {
                foreach (var y in large.Records)
                {
                    if (x != y && records[x].DocumentId == records[y].DocumentId)
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private bool NameClash(Cluster a, Cluster b)
        {
            foreach (var x in a.Names)
            {
                foreach (var y in b.Names)
                {
                    if (signature[x] != signature[y] && matcher.Conflicts(readings[x], readings[y]))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private bool CountryClash(Cluster a, Cluster b)
        {
            var (aKnown, bKnown) = (false, false);
            foreach (var x in a.Records)
            {
                if (records[x].Country is not { } country)
                {
                    continue;
                }
                aKnown = true;
                foreach (var y in b.Records)
                {
                    if (records[y].Country is { } other)
                    {
                        bKnown = true;
                        if (string.Equals(country, other, StringComparison.OrdinalIgnoreCase))
                        {
                            return false;
                        }
                    }
                }
            }
            return aKnown && bKnown;
        }

        private void ApplySameJudgements()
        {
            var units = UnitsBySpelling();
            foreach (var j in judgements.Where(j => j.Verdict == Verdict.Same))
            {
                var a = units[spellingIds[NameKey.Normalise(j.A)]];
                var b = units[spellingIds[NameKey.Normalise(j.B)]];
                var all = a.Concat(b).ToList();
                var obeyed = true;
                for (var i = 1; i < all.Count; i++)
                {
                    obeyed &= !JudgedApart(ClusterOf(Find(all[0])), ClusterOf(Find(all[i])));
                    Union(all[0], all[i], Join.Forced);
                }
                if (!obeyed)
                {
                    contradicted.Add(j);
                }
            }
        }

        private List<int>[] UnitsBySpelling()
        {
            var units = new List<int>[spellings.Count];
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = [];
            }
            for (var u = 0; u < unitSpelling.Count; u++)
            {
                units[unitSpelling[u]].Add(u);
            }
            return units;
        }

        // The spellings of one record are one person, unless a judgement separates them.
        private void JoinRecords()
        {
            for (var r = 0; r < records.Count; r++)
            {
                for (var u = recordStart[r] + 1; u < recordStart[r + 1]; u++)
                {
                    // Separated from the first spelling by a judgement: it stays with the first other spelling it may join.
                    for (var v = recordStart[r]; v < u; v++)
                    {
                        if (Union(v, u, Join.Record))
                        {
                            break;
                        }
                    }
                }
            }
        }

        private void JoinMatches()
        {
            var units = UnitsBySpelling();
            // One full spelling in many records: the same name, written the same way.
            var edges = new List<Edge>();
            for (var s = 0; s < spellings.Count; s++)
            {
                if (full[s] && units[s].Count > 1)
                {
                    edges.Add(new Edge(s, s, 1));
                }
            }
            edges.AddRange(MatchedPairs(units));
            edges.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
            foreach (var e in edges)
            {
                var a = units[e.A];
                var b = units[e.B];
                if (e.A == e.B)
                {
                    for (var i = 1; i < a.Count; i++)
                    {
                        Union(a[0], a[i], Join.Match, e.Score);
                    }
                    continue;
                }
                // A spelling kept in several persons by the rules: try each until one joins.
                foreach (var x in a)
                {
                    if (Union(x, b[0], Join.Match, e.Score))
                    {
                        break;
                    }
                }
            }
        }

        // Candidate pairs: full spellings that share a block (surname skeleton + given skeleton) and that the matcher calls the same.
        private List<Edge> MatchedPairs(List<int>[] units)
        {
            var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var s = 0; s < spellings.Count; s++)
            {
                if (!full[s] || units[s].Count == 0)
                {
                    continue;
                }
                keys.Clear();
                foreach (var reading in readings[s])
                {
                    if (reading.Given is null)
                    {
                        continue;
                    }
                    foreach (var surname in reading.SurnameKeys)
                    {
                        foreach (var given in reading.GivenKeys)
                        {
                            keys.Add(SurnameSkeleton(surname) + "|" + GivenSkeleton(given));
                        }
                    }
                }
                foreach (var key in keys)
                {
                    if (!blocks.TryGetValue(key, out var members))
                    {
                        blocks[key] = members = [];
                    }
                    members.Add(s);
                }
            }
            var found = new ConcurrentBag<List<Edge>>();
            Parallel.ForEach(blocks.Values.Where(b => b.Count > 1), () => new List<Edge>(), (members, _, local) =>
            {
                var window = members.Count > LargestBlock ? Neighbourhood : members.Count;
                if (members.Count > LargestBlock)
                {
                    members.Sort((x, y) => string.CompareOrdinal(readings[x][0].GivenKey + readings[x][0].SurnameKey, readings[y][0].GivenKey + readings[y][0].SurnameKey));
                }
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count && j <= i + window; j++)
                    {
                        var match = matcher.Compare(readings[members[i]], readings[members[j]]);
                        if (match.Same)
                        {
                            var (x, y) = members[i] < members[j] ? (members[i], members[j]) : (members[j], members[i]);
                            local.Add(new Edge(x, y, match.Score));
                        }
                    }
                }
                return local;
            }, found.Add);
            // A pair met in two blocks is one edge.
            return [.. found.SelectMany(l => l).Distinct()];
        }

        // Records with no full name (a surname alone, initials): joined to the one person they fit, when the context agrees.
        private void AttachPartialNames()
        {
            // Persons with a full name, by each surname key they are written with, and by its fine skeleton.
            var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var u = 0; u < parent.Length; u++)
            {
                if (parent[u] != u || (clusters[u] is null && !full[unitSpelling[u]]) || ClusterOf(u) is not { Names.Count: > 0 } person)
                {
                    continue;
                }
                var surnames = person.Names.SelectMany(n => readings[n]).SelectMany(r => r.SurnameKeys).Distinct().ToList();
                Add(exact, surnames, u);
                Add(index, surnames.Select(FineSkeleton).Distinct(), u);
            }
            var tried = new HashSet<int>();
            for (var r = 0; r < records.Count; r++)
            {
                var (first, end) = (recordStart[r], recordStart[r + 1]);
                if (first == end || Enumerable.Range(first, end - first).Any(u => full[unitSpelling[u]]) || ClusterOf(Find(first)).Names.Count > 0)
                {
                    // Nothing to attach, a full name already, or joined to a full name by a judgement.
                    continue;
                }
                var fitting = new List<int>();
                tried.Clear();
                // Persons written with the very same surname first; near spellings only when there are none.
                foreach (var (lookup, keyOf) in (ReadOnlySpan<(Dictionary<string, List<int>>, Func<string, string>)>)[(exact, k => k), (index, FineSkeleton)])
                {
                    for (var u = first; u < end; u++)
                    {
                        var s = unitSpelling[u];
                        foreach (var key in readings[s].SelectMany(x => x.SurnameKeys).Select(keyOf).Distinct())
                        {
                            foreach (var root in lookup.GetValueOrDefault(key) ?? [])
                            {
                                var current = Find(root);
                                if (tried.Add(current) && Fits(s, ClusterOf(current)))
                                {
                                    fitting.Add(current);
                                }
                            }
                        }
                    }
                    if (fitting.Count > 0)
                    {
                        break;
                    }
                }
                if (fitting.Count == 1 && Supports(r, ClusterOf(fitting[0])))
                {
                    Union(first, fitting[0], Join.Partial);
                }
            }
        }

        private static void Add(Dictionary<string, List<int>> index, IEnumerable<string> keys, int root)
        {
            foreach (var key in keys)
            {
                if (!index.TryGetValue(key, out var roots))
                {
                    index[key] = roots = [];
                }
                roots.Add(root);
            }
        }

        // Finer than the blocking skeleton, for a surname standing alone.
        private static string FineSkeleton(string surnameKey) => Folded(Stem(surnameKey));

        private bool Fits(int spelling, Cluster person)
        {
            var fits = false;
            foreach (var n in person.Names)
            {
                var match = matcher.Compare(readings[spelling], readings[n]);
                if (match.Conflict)
                {
                    return false;
                }
                fits |= match.Same;
            }
            return fits;
        }

        // A surname alone is weak evidence: the person must share a document, a country, an organisation or a co-mentioned person with it.
        private bool Supports(int record, Cluster person)
        {
            var mine = records[record];
            var theirs = person.Records.Select(r => records[r]).ToList();
            if (theirs.Any(t => t.DocumentId == mine.DocumentId))
            {
                return true;
            }
            if (mine.Country is { } country && theirs.Any(t => string.Equals(t.Country, country, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
            if (mine.Organisations.Count > 0 && theirs.Any(t => t.Organisations.Intersect(mine.Organisations, StringComparer.OrdinalIgnoreCase).Any()))
            {
                return true;
            }
            var around = CoMentioned(record);
            return around.Count > 0 && person.Records.Any(r => CoMentioned(r).Overlaps(around));
        }

        // Surname keys of the other people in a record's document.
        private HashSet<string> CoMentioned(int record)
        {
            if (byDocument is null)
            {
                byDocument = [];
                for (var r = 0; r < records.Count; r++)
                {
                    if (!byDocument.TryGetValue(records[r].DocumentId, out var list))
                    {
                        byDocument[records[r].DocumentId] = list = [];
                    }
                    list.Add(r);
                }
            }
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in byDocument[records[record].DocumentId])
            {
                if (other != record && recordStart[other] < recordStart[other + 1])
                {
                    var key = readings[unitSpelling[recordStart[other]]][0].SurnameKey;
                    if (key.Length > 0)
                    {
                        keys.Add(key);
                    }
                }
            }
            return keys;
        }

        private Resolution Result()
        {
            var members = new Dictionary<int, List<int>>();
            for (var u = 0; u < unitRecord.Count; u++)
            {
                var root = Find(u);
                if (!members.TryGetValue(root, out var list))
                {
                    members[root] = list = [];
                }
                list.Add(u);
            }
            var persons = new List<ResolvedPerson>(members.Count);
            foreach (var (_, units) in members.OrderBy(m => m.Value[0]))
            {
                var spelled = units.Select(u => new RecordSpelling(unitRecord[u], spellings[unitSpelling[u]])).ToList();
                persons.Add(new ResolvedPerson(DisplayName(units), GenderOf(units), spelled));
            }
            return new Resolution(persons, contradicted);
        }

        // The full spelling used by most records; Latin before other scripts, then the longer, then the first in order.
        private string DisplayName(List<int> units)
        {
            var best = units
                .GroupBy(u => unitSpelling[u])
                .Select(g => (Spelling: g.Key, Count: g.Count(), First: g.Min()))
                .OrderByDescending(x => full[x.Spelling])
                .ThenByDescending(x => x.Count)
                .ThenBy(x => NameKey.ScriptOf(spellings[x.Spelling]) == Script.Latin ? 0 : 1)
                .ThenByDescending(x => spellings[x.Spelling].Length)
                .ThenBy(x => x.First)
                .First();
            return spellings[best.Spelling];
        }

        private Gender GenderOf(List<int> units)
        {
            foreach (var u in units)
            {
                if (readings[unitSpelling[u]][0].Gender is var g and not Gender.Unknown)
                {
                    return g;
                }
            }
            foreach (var r in units.Select(u => unitRecord[u]).Distinct())
            {
                if (records[r].Gender != Gender.Unknown)
                {
                    return records[r].Gender;
                }
            }
            return Gender.Unknown;
        }
    }
}
