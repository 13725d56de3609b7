namespace Rapporteur.Core.Domain;

public enum Mechanism
{
    CountryVisit,
    UniversalPeriodicReview,
    TreatyBody,
    SpecialProcedure,
    Other,
}

public enum ImplementationStatus
{
    NotAssessed,
    NotImplemented,
    PartlyImplemented,
    Implemented,
}

/// <summary>A dated judgement on how far a recommendation is implemented, with its source.</summary>
public sealed record RecommendationAssessment(DatePoint Date, ImplementationStatus Status, Evidence? Evidence);

/// <summary>A recommendation by a mechanism to an addressee, and its assessments over time.</summary>
public sealed record Recommendation
{
    public required string Text { get; init; }
    public required Mechanism Mechanism { get; init; }
    public required string Addressee { get; init; }
    public string? Theme { get; init; }
    public IReadOnlyList<RecommendationAssessment> Assessments { get; init; } = [];
}
