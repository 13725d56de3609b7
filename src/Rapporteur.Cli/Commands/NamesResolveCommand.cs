using System.CommandLine;
using Rapporteur.Store.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names resolve`: recompute persons from every person suggestion and judgement.</summary>
public static class NamesResolveCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("resolve", "Resolve person mentions from all documents into persons, obeying every judgement");
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            NamesCommand.Resolved(context, await new NameResolution(db).ResolveAsync(cancellationToken));
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
