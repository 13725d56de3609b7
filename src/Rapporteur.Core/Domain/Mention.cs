namespace Rapporteur.Core.Domain;

/// <summary>What kind of thing a span of text names.</summary>
public enum MentionKind
{
    Person,
    Organization,
    Place,
    Court,
    LegalProvision,
    Date,
    Duration,
}

/// <summary>A span in a document and what it names; <see cref="Value"/> is the normalised reading (a date, "305", a place's country).</summary>
public sealed record Mention(MentionKind Kind, Span Span, string Text, string? Value = null);
