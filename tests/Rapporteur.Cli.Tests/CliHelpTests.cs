namespace Rapporteur.Cli.Tests;

/// <summary>`--help` on the command and its verbs: no database is opened, so these run once, not per database.</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("ingest", "--max-size")]
    [InlineData("search", "--limit")]
    [InlineData("sources", "--limit")]
    [InlineData("show", "<id>")]
    public async Task Help_on_every_verb_exits_zero_and_names_its_options(string verb, string option)
    {
        var run = await CliRun.RunAsync(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
        Assert.Contains("--db", run.Output, StringComparison.Ordinal);
        Assert.Contains("--verbose", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("search")]
    [InlineData("sources")]
    [InlineData("show")]
    public async Task Help_puts_each_option_on_a_line_of_its_own(string verb)
    {
        var run = await CliRun.RunAsync(verb, "--help");

        var lines = run.Output.Split('\n');
        Assert.Single(lines, l => l.Contains("--db", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("--db", StringComparison.Ordinal) && l.Contains("--verbose", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("--help", StringComparison.Ordinal) && l.Contains("--db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_of_the_command_lists_every_verb()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "ingest", "search", "sources", "show" })
        {
            Assert.Contains(verb, run.Output, StringComparison.Ordinal);
        }
    }
}
