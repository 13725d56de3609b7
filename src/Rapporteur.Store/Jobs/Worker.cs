using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Feeds;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Names;

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
    private int stored, duplicates, expanded, retrying, failed, feedsPolled, extracted;
    // Set when a batch stored something new; a slot that goes idle then resolves names. Set at
    // start too: a worker killed before resolving leaves documents pending for the next one.
    private int unresolved = 1;
    private DateTimeOffset lastResolved = DateTimeOffset.MinValue;

    /// <summary>Who holds this worker's leases: host, process and a per-worker part, so two workers in one process differ.</summary>
    public string Owner { get; } = ExtractionStage.NewOwner();

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
        return new WorkerSummary(stored, duplicates, expanded, retrying, failed, feedsPolled) { Extracted = extracted };
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

    /// <summary>Opens the store for a slot, trying again after a pause while the server is busy or unreachable for a moment.</summary>
    private async Task<RapporteurDb> OpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await open(cancellationToken);
            }
            catch (Exception e) when (Retryable.Is(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(options.IdlePoll, time, cancellationToken);
            }
        }
    }

    private async Task SlotAsync(Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var queue = new JobQueue(db, time);
        var feeds = new FeedWatch(db, time);
        var fetcher = new Fetcher(http, options.Ingest, time);
        using var ingestion = new Ingestion(db, SourceReaders.Default, time);
        // A holder of its own per slot: a slot that gives its claims back after an error leaves its siblings' alone.
        using var extraction = new ExtractionStage(db, time, ExtractionStage.NewOwner(), options.Lease);
        var feedsLookedAt = DateTimeOffset.MinValue;
        var idle = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Feeds first, before any job is in hand: between batches at most once per idle
                // poll, and whenever the queue was just found empty.
                if (idle || time.GetUtcNow() - feedsLookedAt >= options.IdlePoll)
                {
                    feedsLookedAt = time.GetUtcNow();
                    if (await feeds.ClaimDueAsync(cancellationToken) is { } feed)
                    {
                        // Its new items are jobs now, and another feed may be due too.
                        idle = false;
                        await PollAsync(feeds, feed, fetcher, onEvent, cancellationToken);
                        continue;
                    }
                }
                // A batch of stored documents through extraction, then a batch of jobs: the two
                // stages take turns, so what is stored is extracted soon after. The extraction batch
                // is the larger (a job may give several documents), spread over this slot's share of the cores.
                var batch = await extraction.RunBatchAsync(ExtractionStage.DefaultBatch, Math.Max(1, Environment.ProcessorCount / Math.Max(1, options.Concurrency)), cancellationToken);
                if (batch.Documents > 0)
                {
                    idle = false;
                    Interlocked.Add(ref extracted, batch.Documents);
                    Interlocked.Exchange(ref unresolved, 1);
                    await onEvent(new WorkerEvent(WorkerEventKind.Extracted, "extraction", FormattableString.Invariant($"{batch.Documents} documents, {batch.Suggestions} suggestions")));
                }
                // A job tried before comes first and alone: it neither waits behind new work nor,
                // if it is what killed its last worker, takes a batch down with it. Then never-tried
                // jobs in a batch, stored in one commit.
                IReadOnlyList<JobRow> jobs = await queue.ClaimTriedAsync(Owner, options.Lease, cancellationToken) is { } tried
                    ? [tried]
                    : await queue.ClaimFreshAsync(Owner, options.Lease, options.Batch, cancellationToken);
                if (jobs.Count > 0)
                {
                    idle = false;
                    foreach (var job in jobs)
                    {
                        held[job.Id] = 0;
                    }
                    try
                    {
                        await ProcessAsync(jobs, db, queue, fetcher, ingestion, onEvent, cancellationToken);
                    }
                    finally
                    {
                        foreach (var job in jobs)
                        {
                            held.TryRemove(job.Id, out _);
                        }
                    }
                    continue;
                }
                if (batch.Documents > 0)
                {
                    continue;
                }
                if (!idle)
                {
                    // The queue is empty: the feeds are looked at once more before resting.
                    idle = true;
                    continue;
                }
                if (await ResolveNamesAsync(db, onEvent, cancellationToken))
                {
                    continue;
                }
                if (options.Drain && !await queue.AnyRunningAsync(cancellationToken) && !await extraction.AnyWaitingAsync(cancellationToken))
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

    // Idle after storing: persons are recomputed once the new documents are in, unless another
    // worker already read them (then nothing is pending). A worker that keeps running does it at
    // most once per ResolveEvery, since a resolution reads every document; a draining one at once.
    private async Task<bool> ResolveNamesAsync(RapporteurDb db, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref unresolved) == 0 || (!options.Drain && time.GetUtcNow() - lastResolved < options.ResolveEvery))
        {
            return false;
        }
        Interlocked.Exchange(ref unresolved, 0);
        try
        {
            if (await new NameResolution(db).ResolvePendingAsync(cancellationToken) is { } names)
            {
                await onEvent(new WorkerEvent(WorkerEventKind.NamesResolved, "names", $"{names.Persons} persons", null) { Names = names });
            }
            lastResolved = time.GetUtcNow();
            return true;
        }
        catch (Exception e) when (Retryable.Is(e))
        {
            // Busy: the documents stay pending and the next idle moment tries again.
            Interlocked.Exchange(ref unresolved, 1);
            throw;
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

    /// <summary>What fetching and preparing one job gave: the input read and segmented, or why not.</summary>
    private sealed record Ready(JobRow Job, Fetched? Fetched, PreparedSource? Prepared, Exception? Error);

    private async Task ProcessAsync(IReadOnlyList<JobRow> jobs, RapporteurDb db, JobQueue queue, Fetcher fetcher, Ingestion ingestion, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        try
        {
            var live = new List<JobRow>();
            foreach (var job in jobs)
            {
                // A job claimed again and again is one whose worker keeps dying on it.
                if (job.Attempts > options.MaxAttempts)
                {
                    await FailAsync(job, queue, ingestion, ReadProblem.Corrupt, $"given up after {job.Attempts - 1} attempts; the last ended without an answer (worker stopped)", onEvent, cancellationToken);
                }
                else
                {
                    live.Add(job);
                }
            }
            // Fetching and reading run side by side on the thread pool; storing is one commit.
            var ready = await Task.WhenAll(live.Select(job => Task.Run(() => FetchAsync(job, fetcher, cancellationToken), cancellationToken)));
            var toStore = new List<(JobRow Job, PreparedSource Prepared)>();
            foreach (var (job, fetched, prepared, error) in ready)
            {
                switch (fetched)
                {
                    case null:
                        await RetryOrFailAsync(job, queue, ingestion, ReadProblem.Unreachable, Describe(error!), onEvent, cancellationToken);
                        break;
                    case FetchFailed f when f.Transient:
                        await RetryOrFailAsync(job, queue, ingestion, f.Problem, f.Detail, onEvent, cancellationToken);
                        break;
                    case FetchFailed f:
                        await FailAsync(job, queue, ingestion, f.Problem, f.Detail, onEvent, cancellationToken);
                        break;
                    case FetchedInput when job.Kind != JobKind.Item && prepared!.Result is Read { Items.Count: > 0 } feed:
                        var fresh = await queue.EnqueueItemsAsync(job.Target, feed.Items, null, cancellationToken);
                        await queue.CompleteAsync(job.Id, Owner, null, cancellationToken);
                        Interlocked.Increment(ref expanded);
                        await onEvent(new WorkerEvent(WorkerEventKind.Expanded, job.Target, $"a feed of {feed.Items.Count} items, {fresh} new queued", job.Id));
                        break;
                    case FetchedInput:
                        toStore.Add((job, prepared!));
                        break;
                    default:
                        await FailAsync(job, queue, ingestion, ReadProblem.Unsupported, "nothing was fetched", onEvent, cancellationToken);
                        break;
                }
            }
            if (toStore.Count > 0)
            {
                await StoreAsync(toStore, db, queue, ingestion, onEvent, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the jobs still held back now rather than leave them to wait out their lease.
            foreach (var job in jobs)
            {
                await queue.ReleaseAsync(job.Id, Owner, CancellationToken.None);
            }
            throw;
        }
    }

    private async Task<Ready> FetchAsync(JobRow job, Fetcher fetcher, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = job.Kind switch
            {
                JobKind.Item => new FetchedInput(new SourceInput(job.Payload ?? [], job.Target, time.GetUtcNow(), "text/html")),
                JobKind.Url => await fetcher.FetchUrlAsync(job.Target, cancellationToken),
                _ => await fetcher.FetchAsync(job.Target, cancellationToken),
            };
            return new Ready(job, fetched, fetched is FetchedInput input ? Ingestion.Prepare(input.Input, SourceReaders.Default) : null, null);
        }
        catch (Exception e) when (Retryable.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            return new Ready(job, null, null, e);
        }
    }

    // The sources of a batch and the jobs' new states go in one commit: a job is done exactly when its source is stored.
    private async Task StoreAsync(List<(JobRow Job, PreparedSource Prepared)> batch, RapporteurDb db, JobQueue queue, Ingestion ingestion, Func<WorkerEvent, Task> onEvent, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<long, IngestOutcome>();
        try
        {
            await using var transaction = await ingestion.BeginAsync(cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            try
            {
                // In SHA-256 order: two workers storing the same inputs take their keys' locks in
                // the same order, so neither can wait on the other in a cycle.
                foreach (var (job, prepared) in batch.OrderBy(b => b.Prepared.Sha256, StringComparer.Ordinal))
                {
                    outcomes[job.Id] = (await ingestion.StoreAsync(prepared, transaction, cancellationToken))[0];
                }
                // The job rows are locked only from here to the commit, so lease renewals seldom wait on them.
                foreach (var (job, _) in batch)
                {
                    _ = outcomes[job.Id] switch
                    {
                        IngestedNew n => await queue.CompleteAsync(job.Id, Owner, n.SourceId, cancellationToken),
                        IngestedDuplicate d => await queue.CompleteAsync(job.Id, Owner, d.SourceId, cancellationToken),
                        // The ingestion has recorded the failure with its reason already.
                        IngestFailed f => await queue.FailAsync(job.Id, Owner, f.Detail, cancellationToken),
                        _ => false,
                    };
                }
                await ingestion.CommitAsync(transaction, cancellationToken);
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
            }
        }
        catch (Exception e) when (Retryable.Is(e) && !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the batch was kept: each job waits its turn to be tried again.
            foreach (var (job, _) in batch)
            {
                await RetryOrFailAsync(job, queue, ingestion, ReadProblem.Unreachable, Describe(e), onEvent, cancellationToken);
            }
            return;
        }
        foreach (var (job, _) in batch)
        {
            var e = outcomes[job.Id] switch
            {
                IngestedNew n => new WorkerEvent(WorkerEventKind.Stored, job.Target, $"source {n.SourceId}, {n.Documents} documents", job.Id),
                IngestedDuplicate d => new WorkerEvent(WorkerEventKind.Duplicate, job.Target, $"same bytes as source {d.SourceId}", job.Id),
                _ => new WorkerEvent(WorkerEventKind.Failed, job.Target, ((IngestFailed)outcomes[job.Id]).Detail, job.Id),
            };
            _ = e.Kind switch
            {
                WorkerEventKind.Stored => Interlocked.Increment(ref stored),
                WorkerEventKind.Duplicate => Interlocked.Increment(ref duplicates),
                _ => Interlocked.Increment(ref failed),
            };
            if (e.Kind == WorkerEventKind.Stored)
            {
                Interlocked.Exchange(ref unresolved, 1);
            }
            await onEvent(e);
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
