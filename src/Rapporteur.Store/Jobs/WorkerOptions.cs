using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Jobs;

/// <summary>How a worker runs; the defaults suit one machine polling a few hundred feeds.</summary>
public sealed record WorkerOptions
{
    /// <summary>Jobs worked on at once, each with a connection of its own.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Never-tried jobs a slot claims at once; their sources are read side by side and stored in one commit.</summary>
    public int Batch { get; init; } = 16;

    /// <summary>
    /// The most a batch may hold: each source is stored under a savepoint, and PostgreSQL slows
    /// every snapshot once a transaction holds more than 64 of them.
    /// </summary>
    public const int MaxBatch = 64;

    /// <summary>How often a worker that keeps running resolves names while it goes idle after storing; a draining worker resolves as it runs dry.</summary>
    public TimeSpan ResolveEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts before a job that keeps failing for a passing reason is failed for good.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>How long a claim holds without renewal; renewed every third of it while the job runs.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait after the first failed attempt, doubled after each further one.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle worker looks for due jobs and feeds.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Stop once nothing is due and no job is held, instead of waiting for more work.</summary>
    public bool Drain { get; init; }

    public IngestOptions Ingest { get; init; } = new();

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(Backoff.Ticks * factor, MaxBackoff.Ticks));
    }
}
