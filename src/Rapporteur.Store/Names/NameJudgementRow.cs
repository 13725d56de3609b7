namespace Rapporteur.Store.Names;

/// <summary>
/// A person's decision that two spellings name the same person or different people. Stated on
/// spellings (with their keys, for the record), never on entity ids, so it survives
/// re-ingestion and re-resolution; a newer decision on the same two spellings replaces it.
/// </summary>
public sealed class NameJudgementRow
{
    public long Id { get; set; }
    public required string A { get; set; }
    public required string B { get; set; }
    /// <summary>The two spellings as the resolver compares them; A's is ordinally the smaller.</summary>
    public required string ANormalised { get; set; }
    public required string BNormalised { get; set; }
    public required string AKey { get; set; }
    public required string BKey { get; set; }
    /// <summary>"same" or "different".</summary>
    public required string Verdict { get; set; }
    /// <summary>The command that made it: judge, merge or split.</summary>
    public required string Origin { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
