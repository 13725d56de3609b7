using System.CommandLine;
using Rapporteur.Store.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names merge A B`: two persons (ids or spellings) are one; every spelling and all evidence stay.</summary>
public static class NamesMergeCommand
{
    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("a") { Description = "A person id or one of their spellings" };
        var b = new Argument<string>("b") { Description = "Another person id or spelling" };
        var by = NamesCommand.By();
        var command = new Command("merge", "Merge two persons into one (recorded as a judgement that holds across re-resolution)") { a, b, by };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
            NamesCommand.Report(context, await new NameJudgements(db, context.Time).MergeAsync(result.GetValue(a)!, result.GetValue(b)!, NamesCommand.Who(result, by), cancellationToken)), cancellationToken));
        return command;
    }
}
