using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Domain;

namespace Rapporteur.Store.Audit;

/// <summary>Appends hash-chained entries to the audit table, inside the caller's transaction; reads the chain back to verify it.</summary>
public static class AuditLog
{
    /// <summary>The hash the first entry follows.</summary>
    public const string Genesis = "";

    public static async Task<AuditEntry> AppendAsync(RapporteurDb db, DateTimeOffset at, string actor, string action, string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The hash covers the time as the database will give it back: UTC, to the microsecond (all PostgreSQL keeps).
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);
        var last = await db.Audit.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
        var entry = new AuditEntry((last?.Sequence ?? 0) + 1, at, actor, action, record, last?.Hash ?? Genesis);
        db.Audit.Add(new AuditRow
        {
            Sequence = entry.Sequence, At = entry.At, Actor = entry.Actor, Action = entry.Action, Record = entry.Record,
            PreviousHash = entry.PreviousHash, Hash = entry.Hash,
        });
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>True when every entry follows the one before it and its stored hash is the hash of its contents.</summary>
    public static async Task<bool> VerifyAsync(RapporteurDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        AuditEntry? previous = null;
        await foreach (var row in db.Audit.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var entry = new AuditEntry(row.Sequence, row.At, row.Actor, row.Action, row.Record, row.PreviousHash);
            if (entry.Hash != row.Hash || (previous is null ? row.PreviousHash != Genesis || row.Sequence != 1 : !entry.Follows(previous)))
            {
                return false;
            }
            previous = entry;
        }
        return true;
    }
}
