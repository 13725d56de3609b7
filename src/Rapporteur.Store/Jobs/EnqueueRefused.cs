namespace Rapporteur.Store.Jobs;

/// <summary>No job was recorded for the target, and why.</summary>
public sealed record EnqueueRefused(string Target, string Reason) : EnqueueOutcome(Target);
