using System.CommandLine;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names ...`: people across spellings and scripts — score pairs, resolve, list, show, merge, split, judge.</summary>
public static class NamesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("names", "People across spellings and scripts: scoring, resolution and judgements");
        command.Subcommands.Add(NamesPairsCommand.Create(context));
        return command;
    }
}
