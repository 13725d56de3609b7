using System.CommandLine;
using Rapporteur.Store.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names split ID SPELLING...`: move spellings of a person to a new person, recorded as judgements.</summary>
public static class NamesSplitCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The person's id" };
        var spellings = new Argument<string[]>("spellings") { Description = "The spellings to move to a new person", Arity = ArgumentArity.OneOrMore };
        var by = NamesCommand.By();
        var command = new Command("split", "Move spellings of a person to a new person (different from the spellings that stay)") { id, spellings, by };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
            NamesCommand.Report(context, await new NameJudgements(db, context.Time).SplitAsync(result.GetValue(id), result.GetValue(spellings)!, NamesCommand.Who(result, by), cancellationToken)), cancellationToken));
        return command;
    }
}
