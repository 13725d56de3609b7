namespace Rapporteur.Core.Domain;

/// <summary>The kinds of event a case is made of (DESIGN.md).</summary>
public enum EventType
{
    Arrest,
    Detention,
    Search,
    Interrogation,
    Charge,
    Trial,
    Sentence,
    Appeal,
    Release,
    Deportation,
    Extradition,
    Disappearance,
    Attack,
    TravelBan,
    Confiscation,
    Killing,
    NgoClosure,
    Statement,
    CallToAction,
    Visit,
}

public enum ParticipantRole
{
    Victim,
    Perpetrator,
    Court,
    Lawyer,
    Speaker,
    Subject,
}

/// <summary>Who took part in an event and how; the name is as the text gives it.</summary>
public sealed record Participant(string Name, ParticipantRole Role, bool IsOrganization = false);

/// <summary>Typed attributes an event may carry.</summary>
public sealed record EventAttributes
{
    public int? TermMonths { get; init; }
    public int? TermDays { get; init; }
    public int? RequestedTermMonths { get; init; }
    public IReadOnlyList<string> LegalArticles { get; init; } = [];
    public string? Court { get; init; }
    public bool? ClosedHearing { get; init; }
    public string? Venue { get; init; }
    public string? ChargeWording { get; init; }
    public int? Count { get; init; }
    public string? Period { get; init; }
}

/// <summary>Something that happened to, or was done by, the people of a case.</summary>
public sealed record Event
{
    public required EventType Type { get; init; }
    public DatePoint? Date { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<Participant> Participants { get; init; } = [];
    public EventAttributes Attributes { get; init; } = new();
}
