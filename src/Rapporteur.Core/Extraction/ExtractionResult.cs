using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction;

/// <summary>A person found in one document: the first full spelling, every other spelling, and where each is.</summary>
public sealed record ExtractedPerson(string Name, IReadOnlyList<string> Variants, IReadOnlyList<string> Roles, string? Country, bool AtRisk, Gender Gender, IReadOnlyList<Span> Mentions)
{
    /// <summary>Age in years where the text states it ("the 31-year-old", "Karimov, 52,").</summary>
    public int? Age { get; init; }
    /// <summary>Organisations the text ties the person to ("director of the X Association").</summary>
    public IReadOnlyList<string> Affiliations { get; init; } = [];
}

/// <summary>An organisation found in one document.</summary>
public sealed record ExtractedOrganization(string Name, string? Acronym, OrganizationKind Kind, string? Country, IReadOnlyList<Span> Mentions);

/// <summary>
/// An event suggestion: its type, subject (a person's name, an organisation's, or none), date and
/// attributes, the evidence span (the sentence), and the rule that produced it.
/// </summary>
public sealed record ExtractedEvent
{
    public required EventType Type { get; init; }
    public string? Subject { get; init; }
    public bool SubjectIsOrganization { get; init; }
    public DatePoint? Date { get; init; }
    /// <summary>Where the date came from; an explicit date in the event's own sentence beats an inherited one when mentions merge.</summary>
    public DateOrigin DateOrigin { get; init; }
    public int? TermMonths { get; init; }
    public int? TermDays { get; init; }
    public IReadOnlyList<string> LegalArticles { get; init; } = [];
    public string? Court { get; init; }
    public bool? ClosedHearing { get; init; }
    public string? Place { get; init; }
    public required Span Evidence { get; init; }
    public required string Rule { get; init; }
    public double Confidence { get; init; }
}

/// <summary>How an event got its date, strongest last.</summary>
public enum DateOrigin
{
    None,
    Document,
    PreviousSentence,
    Sentence,
}

/// <summary>A quoted passage or reported speech and who said it.</summary>
public sealed record ExtractedStatement(string? Speaker, string? Organization, Span Evidence);

/// <summary>Everything extraction found in one document.</summary>
public sealed record ExtractionResult(
    DatePoint? Published,
    IReadOnlyList<ExtractedPerson> Persons,
    IReadOnlyList<ExtractedOrganization> Organizations,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<ExtractedStatement> Statements,
    IReadOnlyList<Mention> Mentions);
