namespace Rapporteur.Core.Domain;

public enum OrganizationKind
{
    Ngo,
    Media,
    StateBody,
    Court,
    Intergovernmental,
    PoliticalParty,
    Other,
}

public enum OrganizationStatus
{
    Registered,
    Active,
    Suspended,
    LiquidatedByCourt,
    SelfDissolved,
}

/// <summary>A dated status of an organisation, with its source.</summary>
public sealed record OrganizationStatusChange(OrganizationStatus Status, DatePoint? Date, Evidence? Evidence);

/// <summary>An NGO, outlet, state body, court, intergovernmental body or party.</summary>
public sealed record Organization
{
    public required IReadOnlyList<Name> Names { get; init; }
    public string? Acronym { get; init; }
    public OrganizationKind Kind { get; init; } = OrganizationKind.Other;
    public string? Country { get; init; }
    public IReadOnlyList<OrganizationStatusChange> StatusHistory { get; init; } = [];
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;
}
