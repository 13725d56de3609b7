namespace Rapporteur.Store.Jobs;

/// <summary>What became of one target given to <see cref="JobQueue.EnqueueAsync"/>.</summary>
public abstract record EnqueueOutcome(string Target);
