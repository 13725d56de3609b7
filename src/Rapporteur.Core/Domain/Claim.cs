namespace Rapporteur.Core.Domain;

/// <summary>Where a claim stands: the machine suggests, a person decides.</summary>
public enum ClaimStatus
{
    Suggested,
    Accepted,
    Rejected,
}

/// <summary>Who produced a claim: an extractor rule at a version, or a named user.</summary>
public sealed record ClaimOrigin
{
    private ClaimOrigin(string kind, string name, string? version)
    {
        Kind = kind;
        Name = name;
        Version = version;
    }

    public string Kind { get; }
    public string Name { get; }
    public string? Version { get; }

    public static ClaimOrigin Extractor(string rule, string version) => new("extractor", rule, version);

    public static ClaimOrigin User(string userName) => new("user", userName, null);

    public override string ToString() => Version is null ? $"{Kind}:{Name}" : $"{Kind}:{Name}@{Version}";
}

/// <summary>One statement about an entity or event, with its evidence and where it stands in review.</summary>
public sealed record Claim
{
    public Claim(string subject, string predicate, string value, IReadOnlyList<Evidence> evidence, double confidence, ClaimOrigin origin, ClaimStatus status, Sensitivity sensitivity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(predicate);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(origin);
        if (confidence is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), "Confidence is a probability.");
        }
        if (evidence.Count == 0 && origin.Kind != "user")
        {
            throw new ArgumentException("A machine claim needs evidence.", nameof(evidence));
        }
        Subject = subject;
        Predicate = predicate;
        Value = value;
        Evidence = evidence;
        Confidence = confidence;
        Origin = origin;
        Status = status;
        Sensitivity = sensitivity;
    }

    public string Subject { get; }
    public string Predicate { get; }
    public string Value { get; }
    public IReadOnlyList<Evidence> Evidence { get; }
    public double Confidence { get; }
    public ClaimOrigin Origin { get; }
    public ClaimStatus Status { get; }
    public Sensitivity Sensitivity { get; }
}
