namespace Rapporteur.Core.Domain;

/// <summary>A person's or a group's file: the events that concern them.</summary>
public sealed record Case
{
    public required string Title { get; init; }
    public IReadOnlyList<string> People { get; init; } = [];
    public IReadOnlyList<Event> Events { get; init; } = [];
    public bool Published { get; init; }
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;
}
