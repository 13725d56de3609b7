namespace Rapporteur.Store.Names;

/// <summary>The judgements were recorded and names resolved again; <see cref="Persons"/> are the ids of the persons concerned, as they now stand.</summary>
public sealed record Judged(IReadOnlyList<long> Persons, int Recorded, NamesResolved Resolution) : JudgementOutcome;
