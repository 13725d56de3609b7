using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur feeds list`: each watched feed, when it is next polled, and how its last poll went.</summary>
public static class FeedsListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "Watched feeds with their schedule and last outcome; failing ones marked");
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken);
            if (feeds.Count == 0)
            {
                context.Console.Profile.Out.Writer.WriteLine("no feeds are watched; add one with `rapporteur feeds add URL`");
                return RapporteurCli.Success;
            }
            string Status(int failures) => failures == 0 ? "ok" : FormattableString.Invariant($"failing ({failures} in a row)");
            if (context.Interactive)
            {
                var table = new Table().AddColumns("id", "url", "every", "next poll", "status", "last outcome");
                foreach (var f in feeds)
                {
                    table.AddRow(
                        f.Id.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(f.Url),
                        FeedsCommand.Describe(f.Interval),
                        f.NextPollAt.ToString("u", CultureInfo.InvariantCulture),
                        f.ConsecutiveFailures == 0 ? "ok" : $"[red]{Status(f.ConsecutiveFailures)}[/]",
                        Markup.Escape(f.LastOutcome ?? "not polled yet"));
                }
                context.Console.Write(table);
            }
            else
            {
                var output = context.Console.Profile.Out.Writer;
                foreach (var f in feeds)
                {
                    output.WriteLine(FormattableString.Invariant($"{f.Id} {f.Url} every {FeedsCommand.Describe(f.Interval)}, next poll {f.NextPollAt:u}, {(f.LastOutcome is null ? "not polled yet" : Status(f.ConsecutiveFailures) + ": " + f.LastOutcome)}"));
                }
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
