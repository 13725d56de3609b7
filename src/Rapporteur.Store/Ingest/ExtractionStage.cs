using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;
using Rapporteur.Store.Jobs;
using Rapporteur.Store.Review;

namespace Rapporteur.Store.Ingest;

/// <summary>How far the extraction stage got: documents whose mentions and suggestions are stored, and how many suggestions.</summary>
public sealed record ExtractionProgress(int Documents, int Suggestions);

/// <summary>
/// The stage after ingestion: documents stored and waiting (<see cref="PendingExtractionRow"/>)
/// are claimed a batch at a time, extracted on several cores, and stored with their mentions and
/// suggestions in one commit that also takes them off the waiting list. A claim is a lease, so a
/// process that dies holding one delays its documents and loses none; one whose lease ran out and
/// was taken over stores nothing, since the list no longer names it as the holder. A claim held by
/// a process of this machine that is no longer running is void at once.
/// </summary>
public sealed class ExtractionStage(RapporteurDb db, TimeProvider time, string owner, TimeSpan lease, int batchSize = ExtractionStage.DefaultBatch) : IDisposable
{
    // One parameter per document goes into the statement that stores the mentions: well under both databases' limits.
    private const int MaxBatch = 1000;
    private readonly int batchSize = Math.Clamp(batchSize, 1, MaxBatch);

    /// <summary>Documents claimed and stored together.</summary>
    public const int DefaultBatch = 128;

    // Looking for claims of ended processes reads the whole waiting list: not before every batch.
    private static readonly TimeSpan DeadCheckEvery = TimeSpan.FromSeconds(10);
    private DateTimeOffset lastDeadCheck = DateTimeOffset.MinValue;
    private RowInserter<SuggestionRow>? suggestions;
    private RowInserter<FailureRow>? failures;

    /// <summary>
    /// A holder's name for claims and leases: this machine, this process, and a part of its own so
    /// two holders in one process differ. The first two tell whether the holder still runs.
    /// </summary>
    public static string NewOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Extracts every document waiting that no one else holds, then returns what was done. The next
    /// batch is claimed and extracted while the one before is being stored.
    /// </summary>
    public async Task<ExtractionProgress> RunAsync(int parallelism, Func<ExtractionProgress, Task> onBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onBatch);
        int documents = 0, stored = 0, batches = 0;
        Task<Extracted[]>? extracting = null;
        Sqlite.BackgroundCheckpoint? checkpoint = null;
        try
        {
            var next = await ClaimAsync(batchSize, cancellationToken);
            extracting = Extract(next, parallelism, cancellationToken);
            while (next.Count > 0)
            {
                // From the second batch on, the run is long enough to fill the log again and again.
                if (++batches == 2)
                {
                    checkpoint = await Sqlite.BackgroundCheckpoint.StartAsync(db, cancellationToken);
                }
                var done = await extracting;
                next = await ClaimAsync(batchSize, cancellationToken);
                extracting = Extract(next, parallelism, cancellationToken);
                var batch = await StoreAsync(done, cancellationToken);
                documents += batch.Documents;
                stored += batch.Suggestions;
                await onBatch(batch);
            }
            return new ExtractionProgress(documents, stored);
        }
        catch
        {
            await GiveBackAsync(extracting);
            throw;
        }
        finally
        {
            if (checkpoint is not null)
            {
                await checkpoint.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Claims, extracts and stores one batch of at most <paramref name="limit"/> documents, extracted
    /// on up to <paramref name="parallelism"/> cores; nothing when none is waiting.
    /// </summary>
    public async Task<ExtractionProgress> RunBatchAsync(int limit, int parallelism, CancellationToken cancellationToken)
    {
        Task<Extracted[]>? extracting = null;
        try
        {
            var claimed = await ClaimAsync(Math.Clamp(limit, 1, MaxBatch), cancellationToken);
            if (claimed.Count == 0)
            {
                return new ExtractionProgress(0, 0);
            }
            extracting = Extract(claimed, parallelism, cancellationToken);
            return await StoreAsync(await extracting, cancellationToken);
        }
        catch
        {
            await GiveBackAsync(extracting);
            throw;
        }
    }

    // After a failure (a busy database, a lost connection, a stop): the documents this holder
    // claimed go back at once rather than wait out the lease. If that fails too, the lease does it.
    private async Task GiveBackAsync(Task<Extracted[]>? extracting)
    {
        if (extracting is not null)
        {
            try
            {
                await extracting;
            }
            catch (Exception e) when (e is OperationCanceledException or AggregateException)
            {
                // Its documents go back with the others.
            }
        }
        try
        {
            await ReleaseAsync(owner, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            // The claims run out with their lease.
        }
    }

    /// <summary>Whether any document waits for extraction, held by someone or not.</summary>
    public Task<bool> AnyWaitingAsync(CancellationToken cancellationToken) => db.ExtractionPending.AnyAsync(cancellationToken);

    /// <summary>How many documents wait for extraction, held by someone or not.</summary>
    public Task<int> WaitingAsync(CancellationToken cancellationToken) => db.ExtractionPending.CountAsync(cancellationToken);

    private sealed record Claimed(long Id, string Text, string? Published);

    private sealed record Extracted(long Id, string Text, ExtractionResult Result, string? Failure);

    private async Task<IReadOnlyList<Claimed>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - lastDeadCheck >= DeadCheckEvery)
        {
            await ReleaseDeadAsync(cancellationToken);
            lastDeadCheck = now;
        }
        var skipLocked = JobQueue.IsPostgres(db.Database.ProviderName) ? " FOR UPDATE SKIP LOCKED" : "";
        var ids = await RowClaim.ClaimManyAsync(db, $"""
            UPDATE "extraction_pending" SET "ClaimedBy" = @owner, "ClaimedUntil" = @until
            WHERE "DocumentId" IN (
                SELECT "DocumentId" FROM "extraction_pending"
                WHERE "ClaimedUntil" IS NULL OR "ClaimedUntil" < @now
                ORDER BY "DocumentId"
                LIMIT @limit{skipLocked})
            RETURNING "DocumentId"
            """,
        [
            ("@owner", owner),
            ("@now", RowClaim.ToProvider<PendingExtractionRow>(db, nameof(PendingExtractionRow.ClaimedUntil), now)),
            ("@until", RowClaim.ToProvider<PendingExtractionRow>(db, nameof(PendingExtractionRow.ClaimedUntil), now + lease)),
            ("@limit", Math.Max(1, limit)),
        ], cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .OrderBy(d => d.Id)
            .Select(d => new Claimed(d.Id, d.Text, d.Published))
            .ToListAsync(cancellationToken);
        return rows;
    }

    // A process killed while it held a claim would keep its documents waiting until the lease
    // ran out; one of this machine is known dead when no process has its id any more.
    private async Task ReleaseDeadAsync(CancellationToken cancellationToken)
    {
        var holders = await db.ExtractionPending.AsNoTracking()
            .Where(p => p.ClaimedBy != null && p.ClaimedBy != owner)
            .Select(p => p.ClaimedBy!)
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var holder in holders.Where(IsDeadHere))
        {
            await ReleaseAsync(holder, cancellationToken);
        }
    }

    // Every claim of the holder becomes claimable again.
    private Task<int> ReleaseAsync(string holder, CancellationToken cancellationToken) =>
        db.ExtractionPending
            .Where(p => p.ClaimedBy == holder)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ClaimedBy, (string?)null).SetProperty(p => p.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);

    private static bool IsDeadHere(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    // Pure and on the thread pool: the caller goes on claiming or storing meanwhile.
    private static Task<Extracted[]> Extract(IReadOnlyList<Claimed> claimed, int parallelism, CancellationToken cancellationToken) =>
        claimed.Count == 0 ? Task.FromResult(Array.Empty<Extracted>()) : Task.Run(() =>
        {
            var results = new Extracted[claimed.Count];
            Parallel.For(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, i =>
            {
                var d = claimed[i];
                var published = DatePoint.TryParse(d.Published, out var date) ? date : (DatePoint?)null;
                try
                {
                    results[i] = new Extracted(d.Id, d.Text, Extractor.Default.Extract(d.Text, published), null);
                }
                catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
                {
                    // An extractor bug on one text must not hold back every document after it: this
                    // one is stored with nothing found, and the failure is recorded against it.
                    results[i] = new Extracted(d.Id, d.Text, new ExtractionResult(null, [], [], [], [], []), e.GetType().Name);
                }
            });
            return results;
        }, cancellationToken);

    private async Task<ExtractionProgress> StoreAsync(Extracted[] done, CancellationToken cancellationToken)
    {
        if (done.Length == 0)
        {
            return new ExtractionProgress(0, 0);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A few statements for the whole batch, whatever its size: on a server each is a round trip.
        // Only the holder of the claim stores: a document whose lease ran out and was taken by
        // another, or that the other already stored, is left to them.
        var held = await LeaveAsync(connection, transaction, done, cancellationToken);
        var ours = done.Where(d => held.Contains(d.Id)).ToList();
        var rows = new List<SuggestionRow>();
        var named = new List<long>();
        foreach (var d in ours)
        {
            var found = rows.Count;
            rows.AddRange(Suggestions.Of(d.Id, d.Text, d.Result));
            if (rows.Count > found || d.Result.Organizations.Count > 0)
            {
                named.Add(d.Id);
            }
        }
        if (ours.Count > 0)
        {
            await SetMentionsAsync(connection, transaction, ours, cancellationToken);
        }
        if (named.Count > 0)
        {
            // The entity stage reads suggestions and organisation mentions: a document with some
            // waits for the next resolution of names, from the commit that stores them.
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""INSERT INTO "names_pending" ("DocumentId") VALUES {string.Join(", ", named.Select(id => FormattableString.Invariant($"({id})")))} ON CONFLICT DO NOTHING""";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        failures ??= new RowInserter<FailureRow>(db);
        foreach (var d in ours.Where(d => d.Failure is not null))
        {
            await failures.InsertAsync(new FailureRow { Origin = FormattableString.Invariant($"document {d.Id}"), Problem = nameof(Core.Sources.ReadProblem.Corrupt), Detail = "extraction failed on this document: " + d.Failure, At = time.GetUtcNow() }, transaction, cancellationToken);
        }
        // Queued only now that nothing of the batch can fail before the flush: a batch given up
        // half-way must leave nothing queued for the next one.
        suggestions ??= new RowInserter<SuggestionRow>(db);
        foreach (var row in rows)
        {
            suggestions.Add(row);
        }
        await suggestions.FlushAsync(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ExtractionProgress(ours.Count, rows.Count);
    }

    // Ids are numbers of ours, written into the statement; the holder's name goes as a parameter.
    private static string IdList(IEnumerable<Extracted> documents) =>
        string.Join(", ", documents.Select(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<HashSet<long>> LeaveAsync(DbConnection connection, DbTransaction transaction, Extracted[] done, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""DELETE FROM "extraction_pending" WHERE "ClaimedBy" = @owner AND "DocumentId" IN ({IdList(done)}) RETURNING "DocumentId" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@owner";
        parameter.DbType = System.Data.DbType.String;
        parameter.Value = owner;
        command.Parameters.Add(parameter);
        var held = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return held;
    }

    private static async Task SetMentionsAsync(DbConnection connection, DbTransaction transaction, List<Extracted> documents, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            values.Add(FormattableString.Invariant($"({documents[i].Id}, @m{i})"));
            var parameter = command.CreateParameter();
            parameter.ParameterName = FormattableString.Invariant($"@m{i}");
            parameter.DbType = System.Data.DbType.String;
            parameter.Value = Suggestions.MentionsJson(documents[i].Result);
            command.Parameters.Add(parameter);
        }
        // In a table of their own: writing them leaves the document's row, its text and its search vector alone.
        command.CommandText = $"""
            INSERT INTO "document_mentions" ("DocumentId", "Mentions") VALUES {string.Join(", ", values)}
            ON CONFLICT ("DocumentId") DO UPDATE SET "Mentions" = excluded."Mentions"
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        suggestions?.Dispose();
        failures?.Dispose();
    }
}
