using System.CommandLine;
using Rapporteur.Store.Feeds;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur feeds remove URL|ID`: stop watching a feed; what it brought in stays.</summary>
public static class FeedsRemoveCommand
{
    public static Command Create(CliContext context)
    {
        var feed = new Argument<string>("feed") { Description = "The feed's address or id" };
        var command = new Command("remove", "Stop watching a feed; its jobs and sources stay") { feed };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var output = context.Console.Profile.Out.Writer;
            var given = result.GetValue(feed)!;
            if (await new FeedWatch(db, context.Time).RemoveAsync(given, cancellationToken) is { } removed)
            {
                output.WriteLine(FormattableString.Invariant($"removed feed {removed.Id}: {removed.Url}"));
                return RapporteurCli.Success;
            }
            output.WriteLine($"error: no watched feed {given}");
            return RapporteurCli.NothingDone;
        }, cancellationToken));
        return command;
    }
}
