using System.Diagnostics;

namespace Rapporteur.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one RAPPORTEUR_TEST_POSTGRES names (scripts/test.sh
/// starts one and sets it), else a throw-away cluster this process starts with
/// scripts/postgres-test-server.sh and stops when it exits. A server that cannot be had fails
/// the tests that need it, with the reason; they are never skipped.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "RAPPORTEUR_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's maintenance database, as a superuser.</summary>
    public static string ConnectionString => Server.Value;

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }
        var script = Path.Combine(RepositoryRoot.Path, "scripts", "postgres-test-server.sh");
        var folder = Path.Combine(Path.GetTempPath(), "rapporteur-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var started = Run(script, "start", folder);
        if (started.ExitCode != 0)
        {
            Run(script, "stop", folder);
            throw new InvalidOperationException($"{Variable} is not set, and {script} could not start a PostgreSQL server: {started.Error}");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return started.Output.Trim();
    }

    private static (int ExitCode, string Output, string Error) Run(string script, string action, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(action);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
