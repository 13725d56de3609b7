using Spectre.Console.Testing;

namespace Rapporteur.Cli.Tests;

/// <summary>One `rapporteur` invocation through a test console 200 columns wide, output piped; what goes to standard error is kept apart.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error = "")
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Profile.Width = 200;
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var code = await RapporteurCli.RunAsync(args, console, outputRedirected: true, error);
        return new CliRun(code, console.Output, error.ToString());
    }

    /// <summary>The figures of the summary table `ingest` ends with.</summary>
    public IngestSummary Summary
    {
        get
        {
            var lines = Output.Split('\n');
            var header = Array.FindIndex(lines, l => l.Contains("│ new", StringComparison.Ordinal) && l.Contains("duplicate", StringComparison.Ordinal));
            Assert.True(header >= 0, "no summary table in:\n" + Output);
            var names = Cells(lines[header]);
            var values = Cells(lines[header + 2]);
            int Value(string name) => int.Parse(values[Array.IndexOf(names, name)], System.Globalization.CultureInfo.InvariantCulture);
            return new IngestSummary(Value("new"), Value("duplicate"), Value("failed"), Value("documents"));
        }
    }

    /// <summary>What the summary says after "failed ORIGIN: ", continuation lines included.</summary>
    public string FailureDetail(string origin)
    {
        var marker = $"failed {origin}: ";
        var at = Output.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{origin}\" is not named as failed in:\n{Output}");
        var rest = Output[(at + marker.Length)..];
        var end = new[] { rest.IndexOf("\nfailed ", StringComparison.Ordinal), rest.IndexOf("\nwarning ", StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(rest.Length).Min();
        return rest[..end].Replace("\n", " ", StringComparison.Ordinal);
    }

    private static string[] Cells(string row) =>
        [.. row.Split('│', StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
}

internal sealed record IngestSummary(int New, int Duplicate, int Failed, int Documents);
