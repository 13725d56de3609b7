using System.CommandLine;
using System.Globalization;
using Rapporteur.Store.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names ...`: people across spellings and scripts — score pairs, resolve, list, show, merge, split, judge.</summary>
public static class NamesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("names", "People across spellings and scripts: scoring, resolution and judgements");
        command.Subcommands.Add(NamesPairsCommand.Create(context));
        command.Subcommands.Add(NamesResolveCommand.Create(context));
        command.Subcommands.Add(NamesListCommand.Create(context));
        command.Subcommands.Add(NamesShowCommand.Create(context));
        command.Subcommands.Add(NamesMergeCommand.Create(context));
        command.Subcommands.Add(NamesSplitCommand.Create(context));
        command.Subcommands.Add(NamesJudgeCommand.Create(context));
        return command;
    }

    /// <summary>Who a judgement is recorded as made by: --by, or the signed-in user of the operating system.</summary>
    public static Option<string?> By() => new("--by") { Description = "Who makes the judgement (default: the operating system user)" };

    public static string Who(ParseResult result, Option<string?> by) =>
        result.GetValue(by) is { Length: > 0 } name ? name : Environment.UserName;

    /// <summary>One line per outcome: what was recorded and the persons as they now stand, or why nothing was.</summary>
    public static int Report(CliContext context, JudgementOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Console.Profile.Out.Writer;
        switch (outcome)
        {
            case Judged judged:
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recorded {judged.Recorded} judgement{(judged.Recorded == 1 ? "" : "s")}; persons now: {string.Join(", ", judged.Persons)}"));
                Resolved(context, judged.Resolution);
                return RapporteurCli.Success;
            case NotJudged not:
                output.WriteLine($"error: {not.Reason}");
                return RapporteurCli.NothingDone;
            default:
                return RapporteurCli.NothingDone;
        }
    }

    /// <summary>The line a resolution ends with, and each judgement it could not obey.</summary>
    public static void Resolved(CliContext context, NamesResolved resolved)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resolved);
        var output = context.Console.Profile.Out.Writer;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persons {resolved.Persons} from {resolved.Records} person mentions ({resolved.Spellings} spellings); organisations {resolved.Organizations}"));
        foreach (var j in resolved.Contradicted)
        {
            output.WriteLine($"warning: the judgement \"{j.A}\" {(j.Verdict == Core.Names.Verdict.Same ? "same as" : "different from")} \"{j.B}\" contradicts others and could not be obeyed");
        }
    }
}
