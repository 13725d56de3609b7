using System.CommandLine;
using System.Globalization;
using Rapporteur.Core.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>
/// `rapporteur names pairs FILE.tsv`: for each line a&lt;TAB&gt;b (further columns ignored, # lines
/// skipped), prints a, b, same (1 or 0) and the score. Lines with fewer than two columns are
/// named by number on the error output and skipped.
/// </summary>
public static class NamesPairsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "A TSV file of name pairs: a<TAB>b, further columns ignored" };
        var command = new Command("pairs", "Score name pairs: prints a<TAB>b<TAB>same<TAB>score") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await context.Error.WriteLineAsync($"error: {path.FullName} does not exist");
                return RapporteurCli.NothingDone;
            }
            var output = context.Console.Profile.Out.Writer;
            var matcher = NameMatcher.Default;
            var number = 0;
            var bad = 0;
            var scored = 0;
            foreach (var line in await File.ReadAllLinesAsync(path.FullName, cancellationToken))
            {
                number++;
                var text = line.TrimEnd('\r');
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }
                var columns = text.Split('\t');
                if (columns.Length < 2 || columns[0].Trim().Length == 0 || columns[1].Trim().Length == 0)
                {
                    bad++;
                    await context.Error.WriteLineAsync(FormattableString.Invariant($"line {number}: expected two names separated by a tab; skipped"));
                    continue;
                }
                var match = matcher.Compare(columns[0], columns[1]);
                scored++;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{columns[0]}\t{columns[1]}\t{(match.Same ? 1 : 0)}\t{match.Score:0.000}"));
            }
            await output.FlushAsync(cancellationToken);
            return bad == 0 ? RapporteurCli.Success : scored > 0 ? RapporteurCli.SomeFailed : RapporteurCli.NothingDone;
        });
        return command;
    }
}
