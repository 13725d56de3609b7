namespace Rapporteur.Store.Jobs;

/// <summary>Which due jobs a claim may take.</summary>
public enum JobClaim
{
    /// <summary>Any due job, or one whose holder's lease ran out.</summary>
    Any,
    /// <summary>Jobs never tried, nor failed and put back: safe to run in a batch.</summary>
    Fresh,
    /// <summary>Jobs tried before, or whose holder's lease ran out: each is run alone.</summary>
    Tried,
}
