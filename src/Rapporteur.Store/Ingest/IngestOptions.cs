namespace Rapporteur.Store.Ingest;

/// <summary>Limits for fetching inputs; the defaults suit the embedded mode.</summary>
public sealed record IngestOptions
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Inputs larger than this are refused, by name, before they are read.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "Rapporteur/0.1 (human rights documentation; ingest of public pages)";

    public static string Describe(long bytes) => bytes >= 1_000_000
        ? FormattableString.Invariant($"{bytes / 1_000_000.0:0.#} MB ({bytes} bytes)")
        : FormattableString.Invariant($"{bytes / 1000.0:0.#} KB ({bytes} bytes)");
}
