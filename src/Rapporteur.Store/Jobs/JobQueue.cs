using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Jobs;

/// <summary>
/// The ingestion queue: every change to a job goes through here. A job is claimed by one worker
/// at a time under a lease; a worker that dies lets its lease run out and another takes the job.
/// Finishing and failing are conditional on still holding the lease, so a worker that lost a job
/// cannot overwrite what the new holder did.
/// </summary>
public sealed class JobQueue(RapporteurDb db, TimeProvider time)
{
    /// <summary>Records one job per file (a folder gives one per file in it) and per address.</summary>
    public async Task<IReadOnlyList<EnqueueOutcome>> EnqueueAsync(IEnumerable<string> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var now = time.GetUtcNow();
        var outcomes = new List<(string Target, JobRow? Job, string? Reason)>();
        foreach (var target in targets)
        {
            if (Fetcher.IsWebAddress(target))
            {
                outcomes.Add((target, NewJob(JobKind.Url, target, now), null));
            }
            else if (File.Exists(target))
            {
                // Full paths: the worker that takes the job may run in another folder.
                outcomes.Add((target, NewJob(JobKind.File, Path.GetFullPath(target), now), null));
            }
            else if (Directory.Exists(target))
            {
                var files = Fetcher.Plan([target]);
                if (files.Count == 0)
                {
                    outcomes.Add((target, null, "the folder holds no files"));
                }
                outcomes.AddRange(files.Select(f => (f, (JobRow?)NewJob(JobKind.File, Path.GetFullPath(f), now), (string?)null)));
            }
            else
            {
                outcomes.Add((target, null, Uri.TryCreate(target, UriKind.Absolute, out var uri) && !uri.IsFile
                    ? $"only http and https addresses can be fetched, not {uri.Scheme}:"
                    : "no such file or folder"));
            }
        }
        db.Jobs.AddRange(outcomes.Where(o => o.Job is not null).Select(o => o.Job!));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return [.. outcomes.Select(o => o.Job is { } job ? (EnqueueOutcome)new JobEnqueued(o.Target, job.Id) : new EnqueueRefused(o.Target, o.Reason!))];
    }

    /// <summary>
    /// Records a job for each item of a feed not seen before, keyed by its link; an item without a
    /// link is keyed by its content, since its place in the feed shifts as new items arrive.
    /// </summary>
    public async Task<int> EnqueueItemsAsync(string feedUrl, IReadOnlyList<FeedItem> items, long? feedId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = time.GetUtcNow();
        var keyed = items
            .Select(i => (Key: Fetcher.IsWebAddress(i.Input.Origin) ? i.Input.Origin : $"{feedUrl}#sha256-{Convert.ToHexStringLower(SHA256.HashData(i.Input.Bytes))[..16]}", i.Input.Bytes))
            .DistinctBy(i => i.Key, StringComparer.Ordinal)
            .ToList();
        var keys = keyed.Select(k => k.Key).ToList();
        var seen = await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Item && keys.Contains(j.Target)).Select(j => j.Target).ToListAsync(cancellationToken);
        var fresh = keyed.Where(k => !seen.Contains(k.Key, StringComparer.Ordinal)).ToList();
        foreach (var (key, bytes) in fresh)
        {
            var job = NewJob(JobKind.Item, key, now);
            job.Payload = bytes;
            job.FeedId = feedId;
            db.Jobs.Add(job);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return fresh.Count;
    }

    private static JobRow NewJob(JobKind kind, string target, DateTimeOffset now) =>
        new() { Kind = kind, Target = target, State = JobState.Waiting, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now };

    /// <summary>
    /// The claim statement for the provider: one UPDATE of up to @limit due jobs of the kind asked
    /// for, returning their ids. <see cref="JobClaim.Fresh"/> jobs were never tried (nor failed and
    /// put back); <see cref="JobClaim.Tried"/> jobs were, or their worker's lease ran out.
    /// </summary>
    public static string ClaimSql(string? providerName, JobClaim claim = JobClaim.Any)
    {
        const string Fresh = """ "State" = @waiting AND "NextAttemptAt" <= @now AND "Attempts" = 0 AND "LastError" IS NULL """;
        const string Expired = """ "State" = @running AND "LeaseExpiresAt" < @now """;
        var due = claim switch
        {
            JobClaim.Fresh => Fresh,
            JobClaim.Tried => $"""("State" = @waiting AND "NextAttemptAt" <= @now AND ("Attempts" > 0 OR "LastError" IS NOT NULL)) OR ({Expired.Trim()})""",
            _ => $"""("State" = @waiting AND "NextAttemptAt" <= @now) OR ({Expired.Trim()})""",
        };
        return $"""
            UPDATE "jobs" SET "State" = @running, "LeaseOwner" = @owner, "LeaseExpiresAt" = @until, "Attempts" = "Attempts" + 1, "UpdatedAt" = @now
            WHERE "Id" IN (
                SELECT "Id" FROM "jobs"
                WHERE {due.Trim()}
                ORDER BY "NextAttemptAt", "Id"
                LIMIT @limit{(IsPostgres(providerName) ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING "Id"
            """;
    }

    /// <summary>PostgreSQL lets competing workers skip a row another is claiming instead of waiting for it; SQLite has one writer anyway.</summary>
    public static bool IsPostgres(string? providerName) => providerName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>
    /// Takes the first job that is due, or whose holder's lease ran out, for <paramref name="owner"/>
    /// until <paramref name="lease"/> from now. Null when nothing is due.
    /// </summary>
    public async Task<JobRow?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimAsync(owner, lease, 1, JobClaim.Any, cancellationToken)) is [var job] ? job : null;

    /// <summary>Takes the first due job that was tried before or whose holder's lease ran out; null when there is none.</summary>
    public async Task<JobRow?> ClaimTriedAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        (await ClaimAsync(owner, lease, 1, JobClaim.Tried, cancellationToken)) is [var job] ? job : null;

    /// <summary>
    /// Takes up to <paramref name="limit"/> due jobs that were never tried, in queue order, so that
    /// their sources can be stored in one commit. Empty when none is due.
    /// </summary>
    public Task<IReadOnlyList<JobRow>> ClaimFreshAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken) =>
        ClaimAsync(owner, lease, limit, JobClaim.Fresh, cancellationToken);

    private async Task<IReadOnlyList<JobRow>> ClaimAsync(string owner, TimeSpan lease, int limit, JobClaim claim, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = await RowClaim.ClaimManyAsync(db, ClaimSql(db.Database.ProviderName, claim),
        [
            ("@running", Provider(nameof(JobRow.State), JobState.Running)),
            ("@waiting", Provider(nameof(JobRow.State), JobState.Waiting)),
            ("@owner", owner),
            ("@now", Provider(nameof(JobRow.NextAttemptAt), now)),
            ("@until", Provider(nameof(JobRow.NextAttemptAt), now + lease)),
            ("@limit", Math.Max(1, limit)),
        ], cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var jobs = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(cancellationToken);
        return [.. jobs.OrderBy(j => j.NextAttemptAt).ThenBy(j => j.Id)];
    }

    /// <summary>Extends the lease on a job still held by <paramref name="owner"/>; false when it was lost.</summary>
    public async Task<bool> RenewAsync(long id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + lease;
        return await Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Marks a held job done with the source it stored or found.</summary>
    public async Task<bool> CompleteAsync(long id, string owner, long? sourceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Done)
            .SetProperty(j => j.SourceId, sourceId)
            .SetProperty(j => j.LastError, (string?)null)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Puts a held job back to wait until <paramref name="at"/>, with the reason its attempt failed.</summary>
    public async Task<bool> RetryLaterAsync(long id, string owner, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Waiting)
            .SetProperty(j => j.NextAttemptAt, at)
            .SetProperty(j => j.LastError, reason)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Gives a held job back untouched, as if it had not been claimed (the worker is stopping).</summary>
    public async Task<bool> ReleaseAsync(long id, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Waiting)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Fails a held job for good, with its reason.</summary>
    public async Task<bool> FailAsync(long id, string owner, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await Held(id, owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed)
            .SetProperty(j => j.LastError, reason)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Puts every failed job back in the queue, due now, with its attempts counted afresh.</summary>
    public async Task<int> RetryFailedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Jobs.Where(j => j.State == JobState.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Waiting)
            .SetProperty(j => j.Attempts, 0)
            .SetProperty(j => j.NextAttemptAt, now)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Whether any job is held by a worker, live or dead: a drain waits for those to finish or be taken over.</summary>
    public Task<bool> AnyRunningAsync(CancellationToken cancellationToken) =>
        db.Jobs.AnyAsync(j => j.State == JobState.Running, cancellationToken);

    private IQueryable<JobRow> Held(long id, string owner) =>
        db.Jobs.Where(j => j.Id == id && j.LeaseOwner == owner && j.State == JobState.Running);

    // Raw SQL gets no value conversion from EF, so values are converted as the model stores them.
    private object Provider(string property, object value) => RowClaim.ToProvider<JobRow>(db, property, value);
}
