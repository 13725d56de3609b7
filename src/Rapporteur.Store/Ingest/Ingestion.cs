using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Sources;

namespace Rapporteur.Store.Ingest;

/// <summary>What happened to one input.</summary>
public abstract record IngestOutcome(string Origin);

public sealed record IngestedNew(string Origin, long SourceId, int Documents, IReadOnlyList<string> Warnings) : IngestOutcome(Origin);

public sealed record IngestedDuplicate(string Origin, long SourceId) : IngestOutcome(Origin);

public sealed record IngestFailed(string Origin, ReadProblem Problem, string Detail) : IngestOutcome(Origin);

/// <summary>A source read, cleaned and segmented, ready to store: the pure half of ingestion.</summary>
public sealed record PreparedSource(SourceInput Input, string Sha256, ReadResult Result, IReadOnlyList<Document> Documents);

/// <summary>
/// read -> clean -> segment -> store and index. Each source is stored whole or not at all (a
/// savepoint per source); several ready sources share one commit, so the search index and the
/// commit are paid once per group. Preparing is pure and runs on several cores; storing is one
/// writer. Every document stored waits for the next stage, <see cref="ExtractionStage"/>.
/// </summary>
public sealed class Ingestion(RapporteurDb db, SourceReaders readers, TimeProvider time) : IDisposable
{
    // Sources stored in one commit at most; the writer takes as many as are prepared when it is free.
    private const int MaxGroup = 256;
    private readonly Search.ISearchIndex search = Database.SearchIndex(db);
    // Documents stored in the open transaction and not yet in the search index.
    private readonly List<long> unindexed = [];
    private RowInserter<SourceRow>? sources;
    private RowInserter<DocumentRow>? documents;
    private RowInserter<FailureRow>? failures;
    private DbCommand? known;

    /// <summary>Reads, cleans and segments one input. Pure; safe to run in parallel.</summary>
    public static PreparedSource Prepare(SourceInput input, SourceReaders readers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(readers);
        var sha = Source.HashOf(input.Bytes);
        ReadResult result;
        try
        {
            result = readers.Read(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A reader bug must not stop the run; the input is named and the rest goes on.
            result = new Refused(ReadProblem.Corrupt, "the reader failed on this input: " + e.GetType().Name);
        }
        if (result is not Read read)
        {
            return new PreparedSource(input, sha, result, []);
        }
        return new PreparedSource(input, sha, result, read.Items.Count > 0 ? [] : DocumentSegmenter.Segment(read));
    }

    /// <summary>Ingests one input; a feed gives its own outcome followed by one per item.</summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(SourceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcomes = new List<IngestOutcome>();
        await IngestAllAsync([_ => Task.FromResult<Fetched>(new FetchedInput(input))], 1, done =>
        {
            outcomes.AddRange(done);
            return Task.CompletedTask;
        }, cancellationToken);
        return outcomes;
    }

    /// <summary>Records an input that could not even be fetched.</summary>
    public async Task<IngestOutcome> RecordFailureAsync(string origin, string? sha, ReadProblem problem, string detail, CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>();
        await IngestAllAsync([_ => Task.FromResult<Fetched>(new FetchFailed(origin, problem, detail))], 1, done =>
        {
            outcomes.AddRange(done);
            return Task.CompletedTask;
        }, cancellationToken);
        return outcomes[0];
    }

    /// <summary>
    /// Ingests many inputs: fetching and preparing run ahead on the thread pool (at most
    /// <paramref name="parallelism"/> at a time); storing follows in input order, and the outcomes
    /// of a group are reported once its commit is durable.
    /// </summary>
    public async Task IngestAllAsync(IEnumerable<Func<CancellationToken, Task<Fetched>>> inputs, int parallelism, Func<IReadOnlyList<IngestOutcome>, Task> onOutcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(onOutcomes);
        // Room for a whole group prepared ahead: while the writer commits one group, the next is made ready.
        var ahead = Channel.CreateBounded<Task<(Fetched Fetched, PreparedSource? Prepared)>>(MaxGroup);
        // Disposed only after every piece of work has been awaited below, since each releases it.
        using var gate = new SemaphoreSlim(Math.Max(1, parallelism));
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var input in inputs)
                {
                    await gate.WaitAsync(cancellationToken);
                    var work = Task.Run(async () =>
                    {
                        try
                        {
                            var fetched = await input(cancellationToken);
                            return (fetched, fetched is FetchedInput f ? Prepare(f.Input, readers) : null);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }, cancellationToken);
                    await ahead.Writer.WriteAsync(work, cancellationToken);
                }
            }
            finally
            {
                ahead.Writer.Complete();
            }
        }, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var group = new List<(Fetched, PreparedSource?)>();
        Sqlite.BackgroundCheckpoint? checkpoint = null;
        var groups = 0;
        try
        {
            while (await ahead.Reader.WaitToReadAsync(cancellationToken))
            {
                // From the second group on, the run is long enough to fill the log again and again.
                if (++groups == 2)
                {
                    checkpoint = await Sqlite.BackgroundCheckpoint.StartAsync(db, cancellationToken);
                }
                group.Clear();
                // Take the next input, then whatever else is already prepared, up to a group's size.
                while (group.Count < MaxGroup && ahead.Reader.TryPeek(out var next) && (group.Count == 0 || next.IsCompleted))
                {
                    ahead.Reader.TryRead(out _);
                    group.Add(await next);
                }
                var outcomes = new List<IngestOutcome>();
                await using (var transaction = await BeginAsync(cancellationToken))
                {
                    foreach (var (fetched, prepared) in group)
                    {
                        if (fetched is FetchFailed failed)
                        {
                            outcomes.Add(await RecordAsync(failed.Origin, null, failed.Problem, failed.Detail, transaction, cancellationToken));
                        }
                        else if (prepared is not null)
                        {
                            outcomes.AddRange(await StoreAsync(prepared, null, transaction, cancellationToken));
                        }
                    }
                    await CommitAsync(transaction, cancellationToken);
                }
                await onOutcomes(outcomes);
            }
        }
        finally
        {
            if (checkpoint is not null)
            {
                await checkpoint.DisposeAsync();
            }
        }
        await producer;
    }

    /// <summary>Stores one prepared source (and a feed's items after it) in a transaction of its own.</summary>
    public async Task<IReadOnlyList<IngestOutcome>> StoreAsync(PreparedSource prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        await using var transaction = await BeginAsync(cancellationToken);
        var outcomes = await StoreAsync(prepared, null, transaction, cancellationToken);
        await CommitAsync(transaction, cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// Opens a transaction on the store's connection for <see cref="StoreAsync(PreparedSource, DbTransaction, CancellationToken)"/>:
    /// the caller stores several sources and records its own changes in it, then ends it with <see cref="CommitAsync"/>.
    /// </summary>
    public async Task<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Whatever a transaction that was not committed left here was rolled back with it.
        unindexed.Clear();
        return await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Adds the documents stored in the transaction to the search index, then commits: both or neither.</summary>
    public async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await search.IndexAsync(unindexed, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        unindexed.Clear();
    }

    /// <summary>
    /// Stores one prepared source (and a feed's items after it) in the caller's transaction, whole
    /// or not at all. The transaction must come from <see cref="BeginAsync"/> and end with <see cref="CommitAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<IngestOutcome>> StoreAsync(PreparedSource prepared, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(transaction);
        return StoreAsync(prepared, null, transaction, cancellationToken);
    }

    private async Task<long?> KnownAsync(string sha, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (known is null)
        {
            known = db.Database.GetDbConnection().CreateCommand();
            known.CommandText = "SELECT \"Id\" FROM \"sources\" WHERE \"Sha256\" = @sha LIMIT 1";
            var parameter = known.CreateParameter();
            parameter.ParameterName = "@sha";
            // PostgreSQL prepares a statement only once every parameter has a type.
            parameter.DbType = System.Data.DbType.String;
            known.Parameters.Add(parameter);
            known.Prepare();
        }
        known.Transaction = transaction;
        known.Parameters[0].Value = sha;
        return await known.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // One source and everything derived from it, inside a savepoint: a failure undoes this source only.
    private async Task<IReadOnlyList<IngestOutcome>> StoreAsync(PreparedSource prepared, long? parentId, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var input = prepared.Input;
        if (await KnownAsync(prepared.Sha256, transaction, cancellationToken) is { } id)
        {
            return [new IngestedDuplicate(input.Origin, id)];
        }
        if (prepared.Result is Refused refused)
        {
            return [await RecordAsync(input.Origin, prepared.Sha256, refused.Problem, refused.Detail, transaction, cancellationToken)];
        }
        var read = (Read)prepared.Result;
        var row = new SourceRow
        {
            Sha256 = prepared.Sha256,
            MediaType = read.MediaType,
            Origin = input.Origin,
            CapturedAt = input.CapturedAt,
            PublishedAt = read.PublishedAt,
            Title = read.Title ?? (prepared.Documents.Count > 0 ? prepared.Documents[0].Title : null),
            Publisher = read.Publisher,
            Language = read.Language,
            ParentId = parentId,
            ByteCount = input.Bytes.Length,
            Bytes = input.Bytes,
            Text = read.Text,
        };
        sources ??= new RowInserter<SourceRow>(db);
        documents ??= new RowInserter<DocumentRow>(db);
        await transaction.SaveAsync("source", cancellationToken);
        try
        {
            await sources.InsertAsync(row, transaction, cancellationToken);
            var rows = new List<DocumentRow>(prepared.Documents.Count);
            for (var i = 0; i < prepared.Documents.Count; i++)
            {
                var d = prepared.Documents[i];
                var document = new DocumentRow
                {
                    SourceId = row.Id,
                    Ordinal = d.Ordinal,
                    Title = d.Title,
                    Text = d.Text,
                    OffsetMap = d.Map.Serialize(),
                    Published = d.Published?.ToString(),
                    Language = d.Language,
                };
                documents.Add(document);
                rows.Add(document);
            }
            // The documents in one batch (one round trip on a server).
            await documents.FlushAsync(transaction, cancellationToken);
            await transaction.ReleaseAsync("source", cancellationToken);
            unindexed.AddRange(rows.Select(r => r.Id));
        }
        catch (DbException e) when (!Jobs.Retryable.Is(e))
        {
            // A passing error (a deadlock, a lock timeout) is not the input's fault: it goes up
            // to the caller, who tries again; anything else is recorded against this input.
            await transaction.RollbackAsync("source", cancellationToken);
            // Another writer stored the same bytes meanwhile and the unique key stopped this copy.
            if (await KnownAsync(prepared.Sha256, transaction, cancellationToken) is { } theirs)
            {
                return [new IngestedDuplicate(input.Origin, theirs)];
            }
            return [await RecordAsync(input.Origin, prepared.Sha256, ReadProblem.Corrupt, "the store refused it: " + e.Message, transaction, cancellationToken)];
        }
        var outcomes = new List<IngestOutcome> { new IngestedNew(input.Origin, row.Id, prepared.Documents.Count, read.Warnings) };
        foreach (var item in read.Items)
        {
            outcomes.AddRange(await StoreAsync(Prepare(item.Input, readers), row.Id, transaction, cancellationToken));
        }
        return outcomes;
    }

    private async Task<IngestOutcome> RecordAsync(string origin, string? sha, ReadProblem problem, string detail, DbTransaction transaction, CancellationToken cancellationToken)
    {
        failures ??= new RowInserter<FailureRow>(db);
        await failures.InsertAsync(new FailureRow { Origin = origin, Sha256 = sha, Problem = problem.ToString(), Detail = detail, At = time.GetUtcNow() }, transaction, cancellationToken);
        return new IngestFailed(origin, problem, detail);
    }

    public void Dispose()
    {
        sources?.Dispose();
        documents?.Dispose();
        failures?.Dispose();
        known?.Dispose();
    }
}
