using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Store.Feeds;

/// <summary>
/// Watched feeds: adding, removing, and polling the ones that are due. A poll is a conditional
/// request (If-None-Match, If-Modified-Since); the items not seen before become jobs. A feed that
/// fails is polled again later and later, up to a cap, and stays listed with its failures.
/// </summary>
public sealed class FeedWatch(RapporteurDb db, TimeProvider time)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>A failing feed is never polled less often than this.</summary>
    public static readonly TimeSpan MaximumBackoff = TimeSpan.FromDays(1);

    /// <summary>How long a claimed poll keeps a feed from other workers; a worker that dies mid-poll leaves the feed due again after it.</summary>
    public static readonly TimeSpan PollLease = TimeSpan.FromMinutes(2);

    public async Task<FeedAddOutcome> AddAsync(string url, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Fetcher.IsWebAddress(url))
        {
            return new FeedNotAdded(url, "a feed is an http or https address");
        }
        if (interval < MinimumInterval)
        {
            return new FeedNotAdded(url, $"the interval must be at least {MinimumInterval.TotalMinutes:0} minute");
        }
        if (await db.Feeds.AsNoTracking().FirstOrDefaultAsync(f => f.Url == url, cancellationToken) is { } existing)
        {
            return new FeedNotAdded(url, $"already watched as feed {existing.Id}");
        }
        var now = time.GetUtcNow();
        var row = new FeedRow { Url = url, Interval = interval, NextPollAt = now, CreatedAt = now };
        db.Feeds.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new FeedAdded(url, row.Id);
    }

    /// <summary>Stops watching a feed given by id or address; the jobs and sources it gave stay. Null when there is no such feed.</summary>
    public async Task<FeedRow?> RemoveAsync(string urlOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urlOrId);
        var row = long.TryParse(urlOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            : await db.Feeds.FirstOrDefaultAsync(f => f.Url == urlOrId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        db.Feeds.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return row;
    }

    /// <summary>
    /// Takes the feed that has been due longest, pushing its next poll out by <see cref="PollLease"/>
    /// so that no other worker polls it meanwhile. Null when no feed is due.
    /// </summary>
    public async Task<FeedRow?> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        object Provider(DateTimeOffset at) => RowClaim.ToProvider<FeedRow>(db, nameof(FeedRow.NextPollAt), at);
        var id = await RowClaim.ClaimAsync(db, ClaimSql(db.Database.ProviderName), [("@now", Provider(now)), ("@until", Provider(now + PollLease))], cancellationToken);
        return id is { } claimed ? await db.Feeds.AsNoTracking().SingleAsync(f => f.Id == claimed, cancellationToken) : null;
    }

    public static string ClaimSql(string? providerName) =>
        $"""
        UPDATE "feeds" SET "NextPollAt" = @until
        WHERE "Id" = (
            SELECT "Id" FROM "feeds" WHERE "NextPollAt" <= @now ORDER BY "NextPollAt", "Id"
            LIMIT 1{(JobQueue.IsPostgres(providerName) ? " FOR UPDATE SKIP LOCKED" : "")})
        RETURNING "Id"
        """;

    /// <summary>Polls a claimed feed, queues its new items, and records the outcome and the next poll.</summary>
    public async Task<FeedPoll> PollAsync(FeedRow feed, Fetcher fetcher, SourceReaders readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(readers);
        var since = feed.ETag is null && feed.LastModified is null ? null : new CacheValidators(feed.ETag, feed.LastModified);
        var fetched = await fetcher.FetchUrlAsync(feed.Url, since, cancellationToken);
        switch (fetched)
        {
            case NotModified:
                await RecordSuccessAsync(feed, "not modified", since, cancellationToken);
                return new FeedUnchanged(feed.Id, feed.Url);
            case FetchFailed failed:
                return await RecordFailureAsync(feed, failed.Detail, cancellationToken);
            case FetchedInput input:
                // Prepare, not the reader alone: a reader that throws is turned into a refusal there.
                var result = Ingestion.Prepare(input.Input, readers).Result;
                if (result is Refused refused)
                {
                    return await RecordFailureAsync(feed, refused.Detail, cancellationToken);
                }
                var read = (Read)result;
                if (read.Items.Count == 0)
                {
                    return await RecordFailureAsync(feed, $"not a feed: the address gave {read.MediaType}", cancellationToken);
                }
                var fresh = await new JobQueue(db, time).EnqueueItemsAsync(feed.Url, read.Items, feed.Id, cancellationToken);
                await RecordSuccessAsync(feed, $"{read.Items.Count} items, {fresh} new", input.Validators, cancellationToken);
                return new FeedRead(feed.Id, feed.Url, read.Items.Count, fresh);
            default:
                throw new InvalidOperationException("unknown fetch result " + fetched.GetType().Name);
        }
    }

    /// <summary>How long a feed that failed <paramref name="failures"/> times in a row waits: the interval doubled per failure, capped.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, MaximumBackoff.Ticks));
        return wait < interval ? interval : wait;
    }

    private async Task RecordSuccessAsync(FeedRow feed, string outcome, CacheValidators? validators, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.ETag, validators?.ETag)
            .SetProperty(f => f.LastModified, validators?.LastModified)
            .SetProperty(f => f.LastPolledAt, now)
            .SetProperty(f => f.LastOutcome, outcome)
            .SetProperty(f => f.ConsecutiveFailures, 0)
            .SetProperty(f => f.NextPollAt, now + feed.Interval), cancellationToken);
    }

    private async Task<FeedPollFailed> RecordFailureAsync(FeedRow feed, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var failures = feed.ConsecutiveFailures + 1;
        var next = now + Backoff(feed.Interval, failures);
        await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LastPolledAt, now)
            .SetProperty(f => f.LastOutcome, "failed: " + reason)
            .SetProperty(f => f.ConsecutiveFailures, failures)
            .SetProperty(f => f.NextPollAt, next), cancellationToken);
        return new FeedPollFailed(feed.Id, feed.Url, reason, failures, next);
    }
}
