using System.Text.Json.Nodes;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction.Evaluation;

/// <summary>
/// The labelled-facts shape used for gold files and predictions: one JSON object per input file
/// with doc, published, persons, events and organizations.
/// </summary>
public static class LabelledDocument
{
    /// <summary>One JSON object for a file, from the extractions of its documents (a listing has several).</summary>
    public static JsonObject ToJson(string doc, IReadOnlyList<(Document Document, ExtractionResult Result)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var persons = new JsonArray();
        var seen = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (_, result) in parts)
        {
            foreach (var p in result.Persons)
            {
                if (seen.TryGetValue(p.Name, out var existing))
                {
                    var variants = existing["variants"]!.AsArray();
                    foreach (var v in p.Variants.Where(v => !variants.Any(x => x!.GetValue<string>() == v)))
                    {
                        variants.Add(v);
                    }
                    continue;
                }
                var o = new JsonObject
                {
                    ["name"] = p.Name,
                    ["variants"] = new JsonArray([.. p.Variants.Select(v => (JsonNode?)JsonValue.Create(v))]),
                    ["roles"] = new JsonArray([.. p.Roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
                    ["country"] = p.Country,
                    ["at_risk"] = p.AtRisk,
                };
                seen[p.Name] = o;
                persons.Add(o);
            }
        }
        var events = new JsonArray();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (document, result) in parts)
        {
            foreach (var e in result.Events)
            {
                // Labelled once per file: a listing repeating a fact in two articles gives one event.
                if (!keys.Add($"{e.Type}|{e.Subject}|{e.Date}|{e.TermMonths}"))
                {
                    continue;
                }
                events.Add(new JsonObject
                {
                    ["type"] = Lexicon.LabelOf(e.Type),
                    ["person"] = e.Subject,
                    ["date"] = e.Date?.ToString(),
                    ["term_months"] = e.TermMonths,
                    ["legal_articles"] = new JsonArray([.. e.LegalArticles.Select(a => (JsonNode?)JsonValue.Create(a))]),
                    ["court"] = e.Court,
                    ["closed_trial"] = e.ClosedHearing,
                    ["place"] = e.Place,
                    ["evidence"] = e.Evidence.Of(document.Text),
                    ["rule"] = e.Rule,
                    ["confidence"] = e.Confidence,
                });
            }
        }
        var organizations = new JsonArray();
        foreach (var org in parts.SelectMany(p => p.Result.Organizations).DistinctBy(o => o.Name))
        {
            organizations.Add(new JsonObject { ["name"] = org.Name, ["kind"] = Lexicon.LabelOf(org.Kind), ["country"] = org.Country });
        }
        var published = parts.Select(p => p.Result.Published).FirstOrDefault(d => d is not null);
        return new JsonObject
        {
            ["doc"] = doc,
            ["published"] = published?.ToString(),
            ["articles"] = new JsonArray([.. parts.Select(p => (JsonNode?)new JsonObject { ["title"] = p.Document.Title, ["countries"] = new JsonArray() })]),
            ["persons"] = persons,
            ["events"] = events,
            ["organizations"] = organizations,
        };
    }
}
