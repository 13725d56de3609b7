namespace Rapporteur.Core.Names;

/// <summary>
/// A person's decision about two spellings: they name the same person, or different people.
/// Stated on spellings, not on entity numbers, so it holds whatever the resolver renumbers;
/// it applies to every occurrence of either spelling.
/// </summary>
public sealed record NameJudgement(string A, string B, Verdict Verdict);
