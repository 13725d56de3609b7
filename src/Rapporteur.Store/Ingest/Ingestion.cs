using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;
using Rapporteur.Store.Review;
using Rapporteur.Core.Sources;

namespace Rapporteur.Store.Ingest;

/// <summary>What happened to one input.</summary>
public abstract record IngestOutcome(string Origin);

public sealed record IngestedNew(string Origin, long SourceId, int Documents, IReadOnlyList<string> Warnings) : IngestOutcome(Origin);

public sealed record IngestedDuplicate(string Origin, long SourceId) : IngestOutcome(Origin);

public sealed record IngestFailed(string Origin, ReadProblem Problem, string Detail) : IngestOutcome(Origin);

/// <summary>read -> clean -> segment -> extract -> store, one source per transaction: all of it or none of it.</summary>
public sealed class Ingestion(RapporteurDb db, SourceReaders readers, TimeProvider time)
{
    /// <summary>Ingests one input; a feed gives its own outcome followed by one per item.</summary>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(SourceInput input, CancellationToken cancellationToken) =>
        await IngestAsync(input, null, cancellationToken);

    private async Task<IReadOnlyList<IngestOutcome>> IngestAsync(SourceInput input, long? parentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sha = Source.HashOf(input.Bytes);
        var existing = await db.Sources.AsNoTracking().Where(s => s.Sha256 == sha).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return [new IngestedDuplicate(input.Origin, id)];
        }
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
        if (result is Refused refused)
        {
            return [await RecordFailureAsync(input.Origin, sha, refused.Problem, refused.Detail, cancellationToken)];
        }
        var read = (Read)result;
        var documents = read.Items.Count > 0 ? [] : DocumentSegmenter.Segment(read);
        var row = new SourceRow
        {
            Sha256 = sha,
            MediaType = read.MediaType,
            Origin = input.Origin,
            CapturedAt = input.CapturedAt,
            PublishedAt = read.PublishedAt,
            Title = read.Title ?? (documents.Count > 0 ? documents[0].Title : null),
            Publisher = read.Publisher,
            Language = read.Language,
            ParentId = parentId,
            ByteCount = input.Bytes.Length,
            Bytes = input.Bytes,
            Text = read.Text,
            Documents = [.. documents.Select(d => new DocumentRow
            {
                Ordinal = d.Ordinal,
                Title = d.Title,
                Text = d.Text,
                OffsetMap = d.Map.Serialize(),
                Published = d.Published?.ToString(),
                Language = d.Language,
            })],
        };
        var extractions = documents.Select(d => Extractor.Default.Extract(d.Text, d.Published)).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Sources.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < documents.Count; i++)
            {
                Suggestions.Add(db, row.Documents[i].Id, documents[i].Text, extractions[i]);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        var outcomes = new List<IngestOutcome> { new IngestedNew(input.Origin, row.Id, documents.Count, read.Warnings) };
        foreach (var item in read.Items)
        {
            outcomes.AddRange(await IngestAsync(item.Input, row.Id, cancellationToken));
        }
        return outcomes;
    }

    public async Task<IngestOutcome> RecordFailureAsync(string origin, string? sha, ReadProblem problem, string detail, CancellationToken cancellationToken)
    {
        db.Failures.Add(new FailureRow { Origin = origin, Sha256 = sha, Problem = problem.ToString(), Detail = detail, At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new IngestFailed(origin, problem, detail);
    }
}
