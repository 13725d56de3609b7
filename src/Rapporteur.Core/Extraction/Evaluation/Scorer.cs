using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rapporteur.Core.Extraction.Evaluation;

/// <summary>Precision, recall and F1 from true positives, false positives and false negatives.</summary>
public readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score operator +(Score a, Score b) => new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public Score Add(Score other) => this + other;
}

/// <summary>Scores for persons, events overall and per event type, and the mean of per-document event F1.</summary>
public sealed record Evaluation(Score Persons, Score Events, IReadOnlyDictionary<string, Score> ByType, double EventsMacroF1, IReadOnlyDictionary<string, double> EventsF1ByDoc);

/// <summary>
/// Scores predictions against gold labels by the rules of the corpus README: names compared
/// after normalisation, persons and events matched one to one by a maximum matching.
/// </summary>
public static partial class Scorer
{
    public static Evaluation Score(IReadOnlyDictionary<string, JsonObject> gold, IReadOnlyDictionary<string, JsonObject> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var persons = default(Score);
        var byType = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        var perDoc = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, g) in gold)
        {
            var p = predicted.TryGetValue(key, out var found) ? found : new JsonObject();
            var index = PersonIndex(g);
            var goldPersons = Array(g, "persons");
            var predPersons = Array(p, "persons");
            var personOptions = predPersons.Select(pp => Spellings(pp).Where(index.ContainsKey).Select(s => index[s]).ToHashSet()).ToList();
            var personPairs = MaxMatching(personOptions);
            persons += new Score(personPairs.Count, predPersons.Count - personPairs.Count, goldPersons.Count - personPairs.Count);

            var goldEvents = Array(g, "events");
            var predEvents = Array(p, "events");
            var options = predEvents.Select(e => Enumerable.Range(0, goldEvents.Count).Where(j => Fits(e, goldEvents[j], index)).ToHashSet()).ToList();
            var pairs = MaxMatching(options);
            var doc = default(Score);
            for (var i = 0; i < predEvents.Count; i++)
            {
                var type = Text(predEvents[i], "type");
                var add = pairs.ContainsKey(i) ? new Score(1, 0, 0) : new Score(0, 1, 0);
                byType[type] = byType.GetValueOrDefault(type) + add;
                doc += add;
            }
            var used = pairs.Values.ToHashSet();
            for (var j = 0; j < goldEvents.Count; j++)
            {
                if (!used.Contains(j))
                {
                    var type = Text(goldEvents[j], "type");
                    byType[type] = byType.GetValueOrDefault(type) + new Score(0, 0, 1);
                    doc += new Score(0, 0, 1);
                }
            }
            perDoc[key] = doc.F1;
        }
        var events = byType.Values.Aggregate(default(Score), (a, b) => a + b);
        return new Evaluation(persons, events, byType, perDoc.Count == 0 ? 0 : perDoc.Values.Average(), perDoc);
    }

    /// <summary>A document's key: its file name without folders or extension.</summary>
    public static string DocKey(string doc) => Path.GetFileNameWithoutExtension(doc.Replace('\\', '/').Split('/')[^1]);

    public static Dictionary<string, JsonObject> Load(IEnumerable<string> jsonLines)
    {
        ArgumentNullException.ThrowIfNull(jsonLines);
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var line in jsonLines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var o = JsonNode.Parse(line)!.AsObject();
            result[DocKey(o["doc"]!.ToString())] = o;
        }
        return result;
    }

    [GeneratedRegex(@"[^\w]+")]
    private static partial Regex NonWord();

    /// <summary>Case-folded, without diacritics, punctuation runs as single spaces.</summary>
    public static string Normalise(string? s)
    {
        var decomposed = (s ?? "").Normalize(NormalizationForm.FormKD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return NonWord().Replace(kept.ToString().ToLowerInvariant(), " ").Trim();
    }

    private static List<JsonObject> Array(JsonObject o, string name) =>
        o[name] is JsonArray a ? [.. a.OfType<JsonObject>()] : [];

    private static string Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string? NullableText(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static HashSet<string> Spellings(JsonObject person)
    {
        var names = new List<string> { Text(person, "name") };
        if (person["variants"] is JsonArray variants)
        {
            names.AddRange(variants.Select(v => v?.ToString() ?? ""));
        }
        return names.Select(Normalise).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, int> PersonIndex(JsonObject doc)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var persons = Array(doc, "persons");
        for (var i = 0; i < persons.Count; i++)
        {
            foreach (var s in Spellings(persons[i]))
            {
                index.TryAdd(s, i);
            }
        }
        return index;
    }

    private static int? ResolvePerson(string? name, Dictionary<string, int> index)
    {
        var n = Normalise(name);
        if (index.TryGetValue(n, out var i))
        {
            return i;
        }
        if (n.Length == 0)
        {
            return null;
        }
        var hits = index.Where(kv => kv.Key.EndsWith(" " + n, StringComparison.Ordinal) || kv.Key.StartsWith(n + " ", StringComparison.Ordinal)).Select(kv => kv.Value).ToHashSet();
        return hits.Count == 1 ? hits.First() : null;
    }

    private static bool OrgSame(string? g, string? p)
    {
        var a = Normalise(g).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = Normalise(p).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length;
        }
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.Take(shorter.Length).SequenceEqual(shorter, StringComparer.Ordinal);
    }

    private static bool Fits(JsonObject predicted, JsonObject gold, Dictionary<string, int> index)
    {
        if (Text(gold, "type") != Text(predicted, "type"))
        {
            return false;
        }
        var goldPerson = NullableText(gold, "person");
        var gp = ResolvePerson(goldPerson, index);
        var same = gp is null ? OrgSame(goldPerson, NullableText(predicted, "person")) : gp == ResolvePerson(NullableText(predicted, "person"), index);
        if (!same)
        {
            return false;
        }
        var goldDate = gold["date"]?.ToString();
        if (!string.IsNullOrEmpty(goldDate))
        {
            var predDate = predicted["date"]?.ToString();
            if (string.IsNullOrEmpty(predDate) || !predDate.StartsWith(goldDate, StringComparison.Ordinal))
            {
                return false;
            }
        }
        var goldTerm = gold["term_months"] is JsonValue gt && gt.TryGetValue<int>(out var t) ? t : 0;
        if (goldTerm == 0)
        {
            return true;
        }
        return predicted["term_months"] is JsonValue pt && pt.TryGetValue<int>(out var pv) && pv == goldTerm;
    }

    /// <summary>Maximum bipartite matching (augmenting paths), prediction index to gold index.</summary>
    private static Dictionary<int, int> MaxMatching(List<HashSet<int>> options)
    {
        var owner = new Dictionary<int, int>();
        bool Take(int i, HashSet<int> seen)
        {
            foreach (var j in options[i].Order())
            {
                if (seen.Add(j) && (!owner.TryGetValue(j, out var o) || Take(o, seen)))
                {
                    owner[j] = i;
                    return true;
                }
            }
            return false;
        }
        for (var i = 0; i < options.Count; i++)
        {
            Take(i, []);
        }
        return owner.ToDictionary(kv => kv.Value, kv => kv.Key);
    }
}
