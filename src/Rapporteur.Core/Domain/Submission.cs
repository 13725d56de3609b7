namespace Rapporteur.Core.Domain;

public enum TriageState
{
    New,
    InReview,
    Accepted,
    Declined,
}

/// <summary>A confidential intake: ciphertext only, a triage state, and the code given to the sender.</summary>
public sealed record Submission
{
    public required byte[] Ciphertext { get; init; }
    public required string ReceiptCode { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public TriageState State { get; init; } = TriageState.New;
    /// <summary>Always confidential: a submission can name a person at risk.</summary>
    public Sensitivity Sensitivity { get; } = Sensitivity.Confidential;
}
