using Rapporteur.Store.Names;

namespace Rapporteur.Store.Jobs;

/// <summary>What a worker did, one line's worth: for the console, never with a source's contents.</summary>
public sealed record WorkerEvent(WorkerEventKind Kind, string Target, string Detail, long? JobId = null)
{
    /// <summary>What a resolution of names found, on <see cref="WorkerEventKind.NamesResolved"/>.</summary>
    public NamesResolved? Names { get; init; }
}

/// <summary>The closed list of things a worker reports.</summary>
public enum WorkerEventKind
{
    /// <summary>A job stored a new source.</summary>
    Stored,
    /// <summary>A job found its source already stored.</summary>
    Duplicate,
    /// <summary>A job's address was a feed; its new items became jobs.</summary>
    Expanded,
    /// <summary>A job failed for a passing reason and waits for another attempt.</summary>
    Retrying,
    /// <summary>A job failed for good.</summary>
    Failed,
    /// <summary>A watched feed was polled.</summary>
    FeedPolled,
    /// <summary>A watched feed could not be polled; it will be tried again later.</summary>
    FeedFailed,
    /// <summary>Stored documents went through extraction; their mentions and suggestions are stored.</summary>
    Extracted,
    /// <summary>Names were resolved again over the documents stored since the last resolution.</summary>
    NamesResolved,
}
