using System.Globalization;
using System.Text.RegularExpressions;

namespace Rapporteur.Cli.Tests.Extraction;

/// <summary>
/// Extraction quality cannot drop silently: the eval verb must reach floors already reached, on the
/// real labelled texts beside the project and on the project's own fictional labelled set.
/// </summary>
public sealed partial class EvalFloorTests
{
    [Theory]
    [InlineData("corpus", 0.95, 0.80)]
    [InlineData("devset", 0.90, 0.50)]
    [InlineData("fiction", 0.90, 0.50)]
    public async Task Eval_reaches_its_floors(string set, double personsFloor, double eventsFloor)
    {
        var (gold, docs) = set switch
        {
            "corpus" => (Path.Combine(RepositoryRoot.CorpusDocs, "..", "gold.jsonl"), RepositoryRoot.CorpusDocs),
            "devset" => (Path.Combine(RepositoryRoot.Path, "..", "shared", "devset", "gold.jsonl"), Path.Combine(RepositoryRoot.Path, "..", "shared", "devset", "docs")),
            _ => (Path.Combine(RepositoryRoot.Path, "tests", "Rapporteur.Core.Tests", "Extraction", "Articles", "gold.jsonl"), Path.Combine(RepositoryRoot.Path, "tests", "Rapporteur.Core.Tests", "Extraction", "Articles")),
        };
        Assert.True(File.Exists(gold), $"the labelled set is missing: {gold}");
        var run = await CliRun.RunAsync("eval", "--gold", gold, "--docs", docs,
            "--min-persons-f1", personsFloor.ToString(CultureInfo.InvariantCulture), "--min-events-f1", eventsFloor.ToString(CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(F1(run.Output, "persons") >= personsFloor, run.Output);
        Assert.True(F1(run.Output, "events") >= eventsFloor, run.Output);
    }

    [Fact]
    public async Task Eval_fails_below_a_floor_it_cannot_reach()
    {
        var run = await CliRun.RunAsync("eval", "--gold", Path.Combine(RepositoryRoot.CorpusDocs, "..", "gold.jsonl"), "--docs", RepositoryRoot.CorpusDocs, "--min-events-f1", "1.01");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("below the floor", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_prints_one_json_object_per_file_in_the_gold_schema()
    {
        var run = await CliRun.RunAsync("extract", "--jsonl", RepositoryRoot.CorpusDocs);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            var o = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            Assert.NotNull(o["doc"]);
            Assert.NotNull(o["persons"]);
            Assert.NotNull(o["events"]);
        }
    }

    private static double F1(string output, string label)
    {
        var m = Regex.Match(output, "^" + label + @"\s+P=[\d.]+ R=[\d.]+ F1=(?<f>[\d.]+)", RegexOptions.Multiline);
        Assert.True(m.Success, output);
        return double.Parse(m.Groups["f"].Value, CultureInfo.InvariantCulture);
    }
}
