using System.CommandLine;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur worker`: run queued jobs and poll watched feeds, until stopped or, with --drain, until nothing is due.</summary>
public static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Jobs run at once, each on a connection of its own", DefaultValueFactory = _ => 1 };
        var drain = new Option<bool>("--drain") { Description = "Exit once no job is due and none is running, instead of waiting for more" };
        var batch = new Option<int>("--batch") { Description = "Never-tried jobs a slot takes at once; they are read side by side and stored in one commit", DefaultValueFactory = _ => new WorkerOptions().Batch };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts before a job failing for a passing reason (network, timeout, busy database) is failed", DefaultValueFactory = _ => 5 };
        var lease = new Option<int>("--lease") { Description = "Seconds a claimed job is held without renewal; another worker takes it over after that", DefaultValueFactory = _ => 60 };
        var maxSize = new Option<long>("--max-size") { Description = "Refuse inputs larger than this many bytes", DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes };
        var command = new Command("worker", "Ingest queued jobs and poll watched feeds") { concurrency, batch, drain, attempts, lease, maxSize };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            if (result.GetValue(concurrency) < 1 || result.GetValue(batch) is < 1 or > WorkerOptions.MaxBatch || result.GetValue(attempts) < 1 || result.GetValue(lease) < 1)
            {
                context.Console.Profile.Out.Writer.WriteLine($"error: --concurrency, --max-attempts and --lease must be at least 1, and --batch from 1 to {WorkerOptions.MaxBatch}");
                return RapporteurCli.NothingDone;
            }
            var location = context.Globals.DatabaseLocation(result);
            var options = new WorkerOptions
            {
                Concurrency = result.GetValue(concurrency),
                Batch = result.GetValue(batch),
                Drain = result.GetValue(drain),
                MaxAttempts = result.GetValue(attempts),
                Lease = TimeSpan.FromSeconds(result.GetValue(lease)),
                Ingest = new IngestOptions { MaxBytes = result.GetValue(maxSize) },
            };
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var worker = new Worker(token => Database.OpenAsync(location, token), http, options, context.Time);
            var output = context.Console.Profile.Out.Writer;
            using var gate = new SemaphoreSlim(1);
            var summary = await worker.RunAsync(async e =>
            {
                // Slots report from several threads; one line at a time.
                await gate.WaitAsync(cancellationToken);
                try
                {
                    if (e.Names is { } names)
                    {
                        NamesCommand.Resolved(context, names);
                    }
                    else
                    {
                        output.WriteLine(Line(e));
                    }
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken);
            output.WriteLine(FormattableString.Invariant($"stored {summary.Stored}, duplicates {summary.Duplicates}, feeds expanded {summary.Expanded}, retrying {summary.Retrying}, failed {summary.Failed}, feed polls {summary.FeedsPolled}, documents extracted {summary.Extracted}"));
            return summary.Failed == 0 ? RapporteurCli.Success : RapporteurCli.SomeFailed;
        }, cancellationToken));
        return command;
    }

    private static string Line(WorkerEvent e)
    {
        var job = e.JobId is { } id ? FormattableString.Invariant($"job {id} ") : "";
        return e.Kind switch
        {
            WorkerEventKind.Stored => $"new        {job}{e.Target} ({e.Detail})",
            WorkerEventKind.Duplicate => $"duplicate  {job}{e.Target} ({e.Detail})",
            WorkerEventKind.Expanded => $"feed       {job}{e.Target} ({e.Detail})",
            WorkerEventKind.Retrying => $"retrying   {job}{e.Target}: {e.Detail}",
            WorkerEventKind.Failed => $"failed     {job}{e.Target}: {e.Detail}",
            WorkerEventKind.FeedPolled => $"polled     {e.Target}: {e.Detail}",
            WorkerEventKind.FeedFailed => $"feed error {e.Target}: {e.Detail}",
            WorkerEventKind.Extracted => $"extracted  {e.Detail}",
            _ => e.Target,
        };
    }
}
