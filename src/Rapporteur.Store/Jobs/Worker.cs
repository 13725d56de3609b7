using System.Collections.Concurrent;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Feeds;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Jobs;

/// <summary>
/// Takes jobs from the queue and runs the existing ingestion on each, one target per job; polls
/// the watched feeds that are due. Each of the <see cref="WorkerOptions.Concurrency"/> slots has
/// its own connection; the leases of the jobs in hand are renewed on one more. Work is idempotent
/// (a source is known by its SHA-256), so a job taken over from a dead worker is simply run again.
/// </summary>
public sealed class Worker(Func<CancellationToken, Task<RapporteurDb>> open, HttpClient http, WorkerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, byte> held = new();
    private int stored, duplicates, expanded, retrying, failed, feedsPolled;

    /// <summary>Who holds this worker's leases: host, process and a per-worker part, so two workers in one process differ.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<WorkerSummary> RunAsync(Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        using var stopLeases = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A slot that fails stops the others, so the error is reported instead of hidden behind a worker still running.
        using var stopSlots = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leases = KeepLeasesAsync(stopLeases.Token);
        var slots = Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => Task.Run(async () =>
        {
            try
            {
                await SlotAsync(onEvent, stopSlots.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await stopSlots.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(slots);
        }
        catch (OperationCanceledException) when (slots.FirstOrDefault(t => t.IsFaulted) is { } faulted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(faulted.Exception!.InnerException!);
        }
        finally
        {
            await stopLeases.CancelAsync();
            try
            {
                await leases;
            }
            catch (OperationCanceledException)
            {
                // Stopped with the slots.
            }
        }
        return new WorkerSummary(stored, duplicates, expanded, retrying, failed, feedsPolled);
    }

    private async Task KeepLeasesAsync(CancellationToken cancellationToken)
    {
        RapporteurDb? db = null;
        try
        {
            while (true)
            {
                await Task.Delay(options.Lease / 3, time, cancellationToken);
                try
                {
                    db ??= await open(cancellationToken);
                    var queue = new JobQueue(db, time);
                    foreach (var id in held.Keys)
                    {
                        await queue.RenewAsync(id, Owner, options.Lease, cancellationToken);
                    }
                }
                catch (Exception e) when (Retryable.Is(e))
                {
                    // Next round; the lease has two more thirds to run.
                }
            }
        }
        finally
        {
            if (db is not null)
            {
                await db.DisposeAsync();
            }
        }
    }

    private async Task SlotAsync(Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        await using var db = await open(cancellationToken);
        var queue = new JobQueue(db, time);
        var feeds = new FeedWatch(db, time);
        var fetcher = new Fetcher(http, options.Ingest, time);
        using var ingestion = new Ingestion(db, SourceReaders.Default, time);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await feeds.ClaimDueAsync(cancellationToken) is { } feed)
                {
                    await PollAsync(feeds, feed, fetcher, onEvent, cancellationToken);
                    continue;
                }
                if (await queue.ClaimAsync(Owner, options.Lease, cancellationToken) is { } job)
                {
                    held[job.Id] = 0;
                    try
                    {
                        await ProcessAsync(job, queue, fetcher, ingestion, onEvent, cancellationToken);
                    }
                    finally
                    {
                        held.TryRemove(job.Id, out _);
                    }
                    continue;
                }
                if (options.Drain && !await queue.AnyRunningAsync(cancellationToken))
                {
                    return;
                }
            }
            catch (Exception e) when (Retryable.Is(e))
            {
                // The database is busy with another writer: look again after a pause.
            }
            await Task.Delay(options.IdlePoll, time, cancellationToken);
        }
    }

    private async Task PollAsync(FeedWatch feeds, Feeds.FeedRow feed, Fetcher fetcher, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref feedsPolled);
        var poll = await feeds.PollAsync(feed, fetcher, SourceReaders.Default, cancellationToken);
        await onEvent(poll switch
        {
            FeedUnchanged => new WorkerEvent(WorkerEventKind.FeedPolled, feed.Url, "not modified"),
            FeedRead read => new WorkerEvent(WorkerEventKind.FeedPolled, feed.Url, $"{read.Items} items, {read.NewItems} new"),
            FeedPollFailed f => new WorkerEvent(WorkerEventKind.FeedFailed, feed.Url, $"{f.Reason} ({f.ConsecutiveFailures} failures in a row; next poll {f.NextPollAt:u})"),
            _ => new WorkerEvent(WorkerEventKind.FeedPolled, feed.Url, ""),
        });
    }

    private async Task ProcessAsync(JobRow job, JobQueue queue, Fetcher fetcher, Ingestion ingestion, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        // A job claimed again and again is one whose worker keeps dying on it.
        if (job.Attempts > options.MaxAttempts)
        {
            await FailAsync(job, queue, ingestion, ReadProblem.Corrupt, $"given up after {job.Attempts - 1} attempts; the last ended without an answer (worker stopped)", onEvent, cancellationToken);
            return;
        }
        try
        {
            var fetched = job.Kind switch
            {
                JobKind.Item => new FetchedInput(new SourceInput(job.Payload ?? [], job.Target, time.GetUtcNow(), "text/html")),
                JobKind.Url => await fetcher.FetchUrlAsync(job.Target, cancellationToken),
                _ => await fetcher.FetchAsync(job.Target, cancellationToken),
            };
            switch (fetched)
            {
                case FetchFailed f when f.Transient:
                    await RetryOrFailAsync(job, queue, ingestion, f.Problem, f.Detail, onEvent, cancellationToken);
                    return;
                case FetchFailed f:
                    await FailAsync(job, queue, ingestion, f.Problem, f.Detail, onEvent, cancellationToken);
                    return;
                case FetchedInput input:
                    await StoreAsync(job, input.Input, queue, ingestion, onEvent, cancellationToken);
                    return;
                default:
                    await FailAsync(job, queue, ingestion, ReadProblem.Unsupported, "nothing was fetched", onEvent, cancellationToken);
                    return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the job back now rather than leave it to wait out its lease.
            await queue.ReleaseAsync(job.Id, Owner, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (Retryable.Is(e))
        {
            await RetryOrFailAsync(job, queue, ingestion, ReadProblem.Unreachable, Describe(e), onEvent, cancellationToken);
        }
    }

    private async Task StoreAsync(JobRow job, SourceInput input, JobQueue queue, Ingestion ingestion, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        // Reading and extraction are CPU work; they run beside the other slots on the thread pool.
        var prepared = await Task.Run(() => Ingestion.Prepare(input, SourceReaders.Default), cancellationToken);
        if (job.Kind != JobKind.Item && prepared.Result is Read { Items.Count: > 0 } feed)
        {
            var fresh = await queue.EnqueueItemsAsync(job.Target, feed.Items, null, cancellationToken);
            await queue.CompleteAsync(job.Id, Owner, null, cancellationToken);
            Interlocked.Increment(ref expanded);
            await onEvent(new WorkerEvent(WorkerEventKind.Expanded, job.Target, $"a feed of {feed.Items.Count} items, {fresh} new queued", job.Id));
            return;
        }
        var outcomes = await ingestion.StoreAsync(prepared, cancellationToken);
        switch (outcomes[0])
        {
            case IngestedNew n:
                await queue.CompleteAsync(job.Id, Owner, n.SourceId, cancellationToken);
                Interlocked.Increment(ref stored);
                await onEvent(new WorkerEvent(WorkerEventKind.Stored, job.Target, $"source {n.SourceId}, {n.Documents} documents", job.Id));
                break;
            case IngestedDuplicate d:
                await queue.CompleteAsync(job.Id, Owner, d.SourceId, cancellationToken);
                Interlocked.Increment(ref duplicates);
                await onEvent(new WorkerEvent(WorkerEventKind.Duplicate, job.Target, $"same bytes as source {d.SourceId}", job.Id));
                break;
            case IngestFailed f:
                // The ingestion has recorded the failure with its reason already.
                await queue.FailAsync(job.Id, Owner, f.Detail, cancellationToken);
                Interlocked.Increment(ref failed);
                await onEvent(new WorkerEvent(WorkerEventKind.Failed, job.Target, f.Detail, job.Id));
                break;
        }
    }

    private async Task RetryOrFailAsync(JobRow job, JobQueue queue, Ingestion ingestion, ReadProblem problem, string reason, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        if (job.Attempts >= options.MaxAttempts)
        {
            await FailAsync(job, queue, ingestion, problem, $"{reason} (gave up after {job.Attempts} attempts)", onEvent, cancellationToken);
            return;
        }
        var wait = options.BackoffAfter(job.Attempts);
        await queue.RetryLaterAsync(job.Id, Owner, reason, time.GetUtcNow() + wait, cancellationToken);
        Interlocked.Increment(ref retrying);
        await onEvent(new WorkerEvent(WorkerEventKind.Retrying, job.Target, $"{reason}; attempt {job.Attempts + 1} of {options.MaxAttempts} in {wait.TotalSeconds:0} s", job.Id));
    }

    private async Task FailAsync(JobRow job, JobQueue queue, Ingestion ingestion, ReadProblem problem, string reason, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        // Recorded with the other failed inputs too, so `sources` names it as `ingest` would.
        await ingestion.RecordFailureAsync(job.Target, null, problem, reason, cancellationToken);
        await queue.FailAsync(job.Id, Owner, reason, cancellationToken);
        Interlocked.Increment(ref failed);
        await onEvent(new WorkerEvent(WorkerEventKind.Failed, job.Target, reason, job.Id));
    }

    // The message of the innermost exception, which names the cause ("database is locked", "Connection refused").
    private static string Describe(Exception e)
    {
        while (e.InnerException is { } inner)
        {
            e = inner;
        }
        return e.Message;
    }
}
