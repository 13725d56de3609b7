namespace Rapporteur.Core.Domain;

/// <summary>A captured artefact, kept byte for byte: what was read, when, and its fingerprint.</summary>
public sealed record Source
{
    public required byte[] Bytes { get; init; }
    public required string Sha256 { get; init; }
    public required string MediaType { get; init; }
    /// <summary>Where it came from: a file name or an address.</summary>
    public required string Origin { get; init; }
    public required DateTimeOffset CapturedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Publisher { get; init; }
    public string? Language { get; init; }
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Internal;
    /// <summary>The feed this source is an item of, by the feed's origin.</summary>
    public string? ParentOrigin { get; init; }

    public static string HashOf(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
