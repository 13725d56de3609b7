namespace Rapporteur.Core.Domain;

public enum ActionKind
{
    Postcard,
    Letter,
    Petition,
    Statement,
    Other,
}

/// <summary>Somewhere to write to: a prison, a ministry, an embassy.</summary>
public sealed record PostalAddress(string Recipient, IReadOnlyList<string> Lines, string Country);

/// <summary>A call to act for a case: who to write to and what to send.</summary>
public sealed record Campaign
{
    public required string Title { get; init; }
    public required string CaseTitle { get; init; }
    public IReadOnlyList<PostalAddress> Addresses { get; init; } = [];
    public IReadOnlyList<CampaignAction> Actions { get; init; } = [];
}

/// <summary>One thing supporters are asked to do, with its template and what was done.</summary>
public sealed record CampaignAction(ActionKind Kind, string Template, int TimesTaken);
