namespace Rapporteur.Store.Jobs;

/// <summary>A job was recorded for the target.</summary>
public sealed record JobEnqueued(string Target, long JobId) : EnqueueOutcome(Target);
