using System.CommandLine;
using Rapporteur.Store.Feeds;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur feeds add URL [--every 30m]`: watch a feed; the first poll is due at once.</summary>
public static class FeedsAddCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("url") { Description = "The feed's http(s) address (RSS or Atom)" };
        var every = new Option<string>("--every") { Description = "How often to poll it: 90s, 30m, 2h, 1d (at least 1m)", DefaultValueFactory = _ => "30m" };
        var command = new Command("add", "Watch a feed: workers poll it and queue its new items") { url, every };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var output = context.Console.Profile.Out.Writer;
            var text = result.GetValue(every)!;
            if (!FeedsCommand.TryParseInterval(text, out var interval))
            {
                output.WriteLine($"error: --every \"{text}\" is not an interval such as 90s, 30m, 2h or 1d");
                return RapporteurCli.NothingDone;
            }
            switch (await new FeedWatch(db, context.Time).AddAsync(result.GetValue(url)!, interval, cancellationToken))
            {
                case FeedAdded added:
                    output.WriteLine(FormattableString.Invariant($"feed {added.FeedId}: {added.Url}, polled every {FeedsCommand.Describe(interval)}"));
                    return RapporteurCli.Success;
                case FeedNotAdded refused:
                    output.WriteLine($"error: {refused.Url}: {refused.Reason}");
                    return RapporteurCli.NothingDone;
                default:
                    return RapporteurCli.NothingDone;
            }
        }, cancellationToken));
        return command;
    }
}
