namespace Rapporteur.Store.Jobs;

/// <summary>What a worker run did, in counts.</summary>
public sealed record WorkerSummary(int Stored, int Duplicates, int Expanded, int Retrying, int Failed, int FeedsPolled)
{
    /// <summary>Documents whose mentions and suggestions the worker extracted and stored.</summary>
    public int Extracted { get; init; }
}
