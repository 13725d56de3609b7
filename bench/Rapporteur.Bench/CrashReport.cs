namespace Rapporteur.Bench;

/// <summary>
/// What the crash trials found: kills, split by how much of the corpus was stored at the kill
/// (nothing, part, all of it), those made at a random time rather than at a stored count, runs
/// done again because they ended before their kill, and trials never killed in all their runs.
/// </summary>
public sealed record CrashReport(int Trials, int Kills, int KillsWithNothingStored, int KillsMidWork, int KillsWithAllStored, int KillsAtARandomTime, int Redos, int NotKilled, IReadOnlyList<string> Violations);
