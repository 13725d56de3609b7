using System.CommandLine;
using Rapporteur.Store;
using Spectre.Console;

namespace Rapporteur.Cli;

/// <summary>What every verb needs: the console, the shared options, and a guarded way to run.</summary>
public sealed class CliContext(IAnsiConsole console, GlobalOptions globals, bool outputRedirected, TextWriter? error = null)
{
    public IAnsiConsole Console { get; } = console;
    /// <summary>Where problems with input lines go, so a verb's output stays clean for the next program in a pipe.</summary>
    public TextWriter Error { get; } = error ?? System.Console.Error;
    public GlobalOptions Globals { get; } = globals;
    /// <summary>Piped output gets plain lines instead of live progress.</summary>
    public bool Interactive { get; } = !outputRedirected && console.Profile.Capabilities.Interactive;
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Runs a verb against the database; an unexpected error becomes one line on the console, details in the log with --verbose.</summary>
    public async Task<int> RunAsync(ParseResult result, Func<RapporteurDb, Task<int>> verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(verb);
        var location = Globals.DatabaseLocation(result);
        try
        {
            await using var db = await Database.OpenAsync(location, cancellationToken);
            return await verb(db);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            if (result.GetValue(Globals.Verbose))
            {
                // A server has no folder of ours beside it: its log goes in the working folder.
                var folder = Database.IsServer(location) ? "." : Path.GetDirectoryName(Path.GetFullPath(location)) ?? ".";
                var log = Path.GetFullPath(Path.Combine(folder, "rapporteur.log"));
                await File.AppendAllTextAsync(log, $"{Time.GetUtcNow():O} {e}\n", cancellationToken);
                Console.MarkupLineInterpolated($"details in {log}");
            }
            else
            {
                Console.MarkupLine("run again with --verbose for details in a log file");
            }
            return RapporteurCli.NothingDone;
        }
    }
}
