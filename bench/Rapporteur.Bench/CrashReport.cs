namespace Rapporteur.Bench;

/// <summary>What the crash trials found: kills, those that left part of the corpus stored, runs that ended before their kill.</summary>
public sealed record CrashReport(int Trials, int Kills, int KillsMidWork, int FinishedBeforeKill, IReadOnlyList<string> Violations);
