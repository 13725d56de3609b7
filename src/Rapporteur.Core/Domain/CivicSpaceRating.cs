namespace Rapporteur.Core.Domain;

public enum CivicSpace
{
    Open,
    Narrowed,
    Obstructed,
    Repressed,
    Closed,
}

/// <summary>A country's civic space rating at a date, from a named source.</summary>
public sealed record CivicSpaceRating(string Country, DatePoint Date, CivicSpace Rating, string Source);
