namespace Rapporteur.Core.Domain;

public enum Gender
{
    Unknown,
    Female,
    Male,
}

/// <summary>The script a name is written in; matching crosses scripts through keys.</summary>
public enum Script
{
    Latin,
    Cyrillic,
    Other,
}

/// <summary>One way a person's or organisation's name is written, and where the spelling came from.</summary>
public sealed record Name(string Text, Script Script, string Origin);

/// <summary>A human being the documents talk about: every spelling, roles, affiliations.</summary>
public sealed record Person
{
    public required IReadOnlyList<Name> Names { get; init; }
    public Gender Gender { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Affiliations { get; init; } = [];
    public string? Country { get; init; }
    public string? Region { get; init; }
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;
}
