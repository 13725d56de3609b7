using System.Globalization;
using Rapporteur.Core.Names;

namespace Rapporteur.Core.Tests.Names;

/// <summary>The labelled table name-pairs.tsv (see README.md beside it) against the matcher's goals.</summary>
public sealed class NamePairsTableTests
{
    private const double PrecisionGoal = 0.98;
    private const double RecallGoal = 0.95;

    private static readonly string Table = Path.Combine(RepositoryRoot.Path, "tests", "Rapporteur.Core.Tests", "Names", "name-pairs.tsv");

    private static List<(string A, string B, bool Same, string Note)> Pairs()
    {
        var pairs = new List<(string, string, bool, string)>();
        foreach (var line in File.ReadLines(Table))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var c = line.Split('\t');
            pairs.Add((c[0], c[1], c[2] == "1", c.Length > 3 ? c[3] : ""));
        }
        return pairs;
    }

    [Fact]
    public void Table_has_both_labels_in_proportion()
    {
        var pairs = Pairs();
        Assert.True(pairs.Count >= 150, $"{pairs.Count} pairs");
        var same = pairs.Count(p => p.Same);
        Assert.InRange(same / (double)pairs.Count, 0.45, 0.65);
    }

    [Fact]
    public void Matcher_meets_the_precision_and_recall_goals()
    {
        int truePositive = 0, falsePositive = 0, falseNegative = 0;
        var wrong = new List<string>();
        foreach (var (a, b, same, note) in Pairs())
        {
            var match = NameMatcher.Default.Compare(a, b);
            if (match.Same && same)
            {
                truePositive++;
            }
            else if (match.Same)
            {
                falsePositive++;
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"merged   {a} / {b} ({note}) {match.Score:0.000} {match.Reason}"));
            }
            else if (same)
            {
                falseNegative++;
                wrong.Add(string.Create(CultureInfo.InvariantCulture, $"missed   {a} / {b} ({note}) {match.Score:0.000} {match.Reason}"));
            }
        }
        var precision = truePositive / (double)(truePositive + falsePositive);
        var recall = truePositive / (double)(truePositive + falseNegative);
        var report = string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000}, recall {recall:0.000}\n") + string.Join('\n', wrong);
        Assert.True(precision >= PrecisionGoal && recall >= RecallGoal, report);
    }

    [Fact]
    public void Scores_agree_with_decisions_in_both_directions()
    {
        foreach (var (a, b, _, _) in Pairs())
        {
            var ab = NameMatcher.Default.Compare(a, b);
            var ba = NameMatcher.Default.Compare(b, a);
            Assert.Equal(ab.Same, ab.Score >= NameMatcher.Threshold);
            Assert.Equal(ab.Same, ba.Same);
            Assert.Equal(ab.Score, ba.Score, 6);
        }
    }
}
