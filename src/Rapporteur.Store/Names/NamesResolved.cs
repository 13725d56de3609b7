using Rapporteur.Core.Names;

namespace Rapporteur.Store.Names;

/// <summary>What one resolution found: persons, their spellings, the person records they came from, the judgements that could not be obeyed, and organisations.</summary>
public sealed record NamesResolved(int Persons, int Spellings, int Records, IReadOnlyList<NameJudgement> Contradicted, int Organizations = 0);
