namespace Rapporteur.Core.Names;

/// <summary>What resolution found: the persons, and the judgements that could not all be obeyed because they contradict each other.</summary>
public sealed record Resolution(IReadOnlyList<ResolvedPerson> Persons, IReadOnlyList<NameJudgement> Contradicted);
