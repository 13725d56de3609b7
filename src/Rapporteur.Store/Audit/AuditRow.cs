namespace Rapporteur.Store.Audit;

/// <summary>One entry of the append-only audit log; each hash covers the previous one (see Core's AuditEntry).</summary>
public sealed class AuditRow
{
    /// <summary>The entry's place in the chain, from 1.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Record { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
