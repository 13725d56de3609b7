using System.CommandLine;
using System.Globalization;
using Rapporteur.Store;
using Rapporteur.Store.Backup;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur backup FILE` and `rapporteur restore FILE`: a consistent copy of the database, and back.</summary>
public static class BackupCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup" };
        var command = new Command("backup", "Copy the database to FILE while it stays in use (SQLite online backup, or pg_dump on a server)") { file };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var outcome = await Backups.BackupAsync(db, result.GetValue(file)!, cancellationToken);
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backup {outcome.File}: {outcome.Bytes} bytes, {outcome.Sources} sources, {outcome.Documents} documents"));
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }

    public static Command CreateRestore(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A backup written by `rapporteur backup`" };
        var command = new Command("restore", "Replace the database with a checked backup") { file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var location = context.Globals.DatabaseLocation(result);
            try
            {
                var outcome = await Backups.RestoreAsync(result.GetValue(file)!, location, cancellationToken);
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"restored {outcome.File}: {outcome.Sources} sources, {outcome.Documents} documents"));
                // Open once so a backup from an older version is brought up to date.
                await using var db = await Database.OpenAsync(location, cancellationToken);
                return RapporteurCli.Success;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Data.Common.DbException)
            {
                context.Console.WriteLine("error: " + e.Message);
                return RapporteurCli.NothingDone;
            }
        });
        return command;
    }
}
