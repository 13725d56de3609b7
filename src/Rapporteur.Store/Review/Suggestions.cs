using System.Text.Json.Nodes;
using Rapporteur.Core.Extraction;

namespace Rapporteur.Store.Review;

/// <summary>Turns one document's extraction into what is stored: its mentions, and suggestions with status "suggested".</summary>
public static class Suggestions
{
    /// <summary>A document's mentions as one compact JSON array, stored in document_mentions by the extraction stage.</summary>
    public static string MentionsJson(ExtractionResult extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var array = new JsonArray();
        foreach (var m in extraction.Mentions)
        {
            array.Add(new JsonArray(m.Kind.ToString().ToLowerInvariant(), m.Span.Start, m.Span.Length, m.Value));
        }
        return array.ToJsonString();
    }

    public static IEnumerable<SuggestionRow> Of(long documentId, string text, ExtractionResult extraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(extraction);
        foreach (var p in extraction.Persons)
        {
            var first = p.Mentions[0];
            var value = new JsonObject
            {
                ["variants"] = new JsonArray([.. p.Variants.Select(v => (JsonNode?)JsonValue.Create(v))]),
                ["roles"] = new JsonArray([.. p.Roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
                ["at_risk"] = p.AtRisk,
                ["country"] = p.Country,
                ["age"] = p.Age,
                ["affiliations"] = new JsonArray([.. p.Affiliations.Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["gender"] = p.Gender.ToString().ToLowerInvariant(),
            };
            yield return new SuggestionRow
            {
                DocumentId = documentId, Kind = "person", Predicate = "name", Subject = p.Name, Value = value.ToJsonString(),
                EvidenceStart = first.Start, EvidenceLength = first.Length, Quote = first.Of(text),
                Rule = "person:name-shape", ExtractorVersion = Extractor.Version, Confidence = 0.8,
            };
        }
        foreach (var e in extraction.Events)
        {
            var value = new JsonObject
            {
                ["term_months"] = e.TermMonths,
                ["term_days"] = e.TermDays,
                ["legal_articles"] = new JsonArray([.. e.LegalArticles.Select(a => (JsonNode?)JsonValue.Create(a))]),
                ["court"] = e.Court,
                ["closed_hearing"] = e.ClosedHearing,
                ["subject_is_organization"] = e.SubjectIsOrganization,
            };
            yield return new SuggestionRow
            {
                DocumentId = documentId, Kind = "event", Predicate = Lexicon.LabelOf(e.Type), Subject = e.Subject, Value = value.ToJsonString(),
                Date = e.Date?.ToString(), EvidenceStart = e.Evidence.Start, EvidenceLength = e.Evidence.Length, Quote = e.Evidence.Of(text),
                Rule = e.Rule, ExtractorVersion = Extractor.Version, Confidence = e.Confidence,
            };
        }
    }
}
