using System.CommandLine;
using Rapporteur.Cli.Commands;
using Spectre.Console;

namespace Rapporteur.Cli;

/// <summary>The `rapporteur` command: its verbs, the options every verb shares, and the exit codes.</summary>
public static class RapporteurCli
{
    public const int Success = 0;
    public const int NothingDone = 1;
    public const int SomeFailed = 2;

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, bool outputRedirected, CancellationToken cancellationToken = default) =>
        await RunAsync(args, console, outputRedirected, null, cancellationToken);

    /// <summary>Runs with problems about input lines written to <paramref name="error"/> (standard error when null).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, bool outputRedirected, TextWriter? error, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Rapporteur: a sourced record of human rights defenders at risk, from the texts that report on them.");
        globals.AddTo(root);
        var context = new CliContext(console, globals, outputRedirected, error);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(SourcesCommand.Create(context));
        root.Subcommands.Add(ShowCommand.Create(context));
        root.Subcommands.Add(ExtractCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(BackupCommand.Create(context));
        root.Subcommands.Add(BackupCommand.CreateRestore(context));
        root.Subcommands.Add(NamesCommand.Create(context));
        root.Subcommands.Add(EnqueueCommand.Create(context));
        root.Subcommands.Add(WorkerCommand.Create(context));
        root.Subcommands.Add(JobsCommand.Create(context));
        root.Subcommands.Add(FeedsCommand.Create(context));
        // Help and parse errors go through the same console as everything else.
        var writer = console.Profile.Out.Writer;
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, cancellationToken);
    }
}
