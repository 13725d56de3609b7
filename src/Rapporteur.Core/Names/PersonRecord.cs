using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>
/// One person as extraction found them in one document: every spelling that document uses for
/// them (the full name first), and what surrounds them there, for the resolver to weigh.
/// </summary>
public sealed record PersonRecord(long DocumentId, IReadOnlyList<string> Spellings)
{
    public string? Country { get; init; }
    /// <summary>Organisations named in the same document.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public Gender Gender { get; init; }
}
