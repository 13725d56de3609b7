namespace Rapporteur.Core.Domain;

/// <summary>Who did what to which record; each entry's hash covers the previous one, so tampering shows.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Actor, string Action, string Record, string PreviousHash)
{
    public string Hash => Source.HashOf(System.Text.Encoding.UTF8.GetBytes(
        FormattableString.Invariant($"{Sequence}|{At:O}|{Actor}|{Action}|{Record}|{PreviousHash}")));

    public bool Follows(AuditEntry previous) => Sequence == previous.Sequence + 1 && PreviousHash == previous.Hash;
}
