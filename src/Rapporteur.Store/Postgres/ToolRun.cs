namespace Rapporteur.Store.Postgres;

/// <summary>What one run of a PostgreSQL client program did.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error);
