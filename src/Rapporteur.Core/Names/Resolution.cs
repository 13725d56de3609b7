using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Names;

/// <summary>A spelling of a person in one record: which record (by its index in the input) and the text as written.</summary>
public readonly record struct RecordSpelling(int Record, string Spelling);

/// <summary>One person across documents: a display name, the gender the names state, and every spelling with its record.</summary>
public sealed record ResolvedPerson(string Name, Gender Gender, IReadOnlyList<RecordSpelling> Spellings);

/// <summary>What resolution found: the persons, and the judgements that could not all be obeyed because they contradict each other.</summary>
public sealed record Resolution(IReadOnlyList<ResolvedPerson> Persons, IReadOnlyList<NameJudgement> Contradicted);
