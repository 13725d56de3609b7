using System.CommandLine;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur enqueue PATH|URL|FEED...`: record ingestion jobs for workers to run.</summary>
public static class EnqueueCommand
{
    public static Command Create(CliContext context)
    {
        var targets = new Argument<string[]>("targets") { Description = "Files, folders (one job per file), http(s) pages or feeds (one job per new item)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("enqueue", "Queue sources for `rapporteur worker` to ingest") { targets };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var outcomes = await new JobQueue(db, context.Time).EnqueueAsync(result.GetValue(targets)!, cancellationToken);
            var output = context.Console.Profile.Out.Writer;
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case JobEnqueued queued:
                        output.WriteLine(FormattableString.Invariant($"queued     job {queued.JobId}: {queued.Target}"));
                        break;
                    case EnqueueRefused refused:
                        output.WriteLine($"refused    {refused.Target}: {refused.Reason}");
                        break;
                }
            }
            var count = outcomes.OfType<JobEnqueued>().Count();
            output.WriteLine(FormattableString.Invariant($"{count} job{(count == 1 ? "" : "s")} queued"));
            return count == outcomes.Count ? RapporteurCli.Success : count == 0 ? RapporteurCli.NothingDone : RapporteurCli.SomeFailed;
        }, cancellationToken));
        return command;
    }
}
