using System.CommandLine;
using System.Diagnostics;
using Rapporteur.Core.Sources;
using Rapporteur.Store;
using Rapporteur.Store.Ingest;
using Rapporteur.Store.Names;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur ingest PATH|URL...`: store files, folders, pages and feeds, then sum up.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, folders (read recursively), http(s) addresses or feeds", Arity = ArgumentArity.OneOrMore };
        var maxSize = new Option<long>("--max-size") { Description = "Refuse inputs larger than this many bytes", DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes };
        var command = new Command("ingest", "Ingest sources: each is stored as captured, read, cleaned and split into documents") { inputs, maxSize };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, db => RunAsync(context, db, result.GetValue(inputs)!, new IngestOptions { MaxBytes = result.GetValue(maxSize) }, cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RapporteurDb db, string[] targets, IngestOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var fetcher = new Fetcher(http, options, context.Time);
        using var ingestion = new Ingestion(db, SourceReaders.Default, context.Time);
        var plan = Fetcher.Plan(targets);
        var outcomes = new List<IngestOutcome>();
        var clock = Stopwatch.StartNew();
        var work = plan.Select(target => (Func<CancellationToken, Task<Fetched>>)(token => fetcher.FetchAsync(target, token)));

        if (context.Interactive)
        {
            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("ingesting", maxValue: Math.Max(plan.Count, 1));
                await ingestion.IngestAllAsync(work, Environment.ProcessorCount, done =>
                {
                    outcomes.AddRange(done);
                    task.Increment(done.Count);
                    return Task.CompletedTask;
                }, cancellationToken);
            });
        }
        else
        {
            await ingestion.IngestAllAsync(work, Environment.ProcessorCount, done =>
            {
                outcomes.AddRange(done);
                foreach (var outcome in done)
                {
                    context.Console.WriteLine(Line(outcome));
                }
                return Task.CompletedTask;
            }, cancellationToken);
        }
        clock.Stop();
        var code = Summarise(context.Console, outcomes, clock.Elapsed);
        // The entity stage follows the run: persons are recomputed from every document, new and old,
        // under every judgement, whenever a document came in since the last resolution (this run's,
        // or an earlier run's that was stopped before it got there).
        if (await new NameResolution(db).ResolvePendingAsync(cancellationToken) is { } names)
        {
            NamesCommand.Resolved(context, names);
        }
        return code;
    }

    private static string Line(IngestOutcome outcome) => outcome switch
    {
        IngestedNew n => $"new        {n.Origin} ({n.Documents} documents)",
        IngestedDuplicate d => $"duplicate  {d.Origin} (same bytes as source {d.SourceId})",
        IngestFailed f => $"failed     {f.Origin}: {f.Detail}",
        _ => outcome.Origin,
    };

    private static int Summarise(IAnsiConsole console, List<IngestOutcome> outcomes, TimeSpan elapsed)
    {
        var created = outcomes.OfType<IngestedNew>().ToList();
        var failed = outcomes.OfType<IngestFailed>().ToList();
        var duplicates = outcomes.OfType<IngestedDuplicate>().Count();
        var table = new Table().AddColumns("new", "duplicate", "failed", "documents", "seconds");
        table.AddRow(
            created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
            failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created.Sum(c => c.Documents).ToString(System.Globalization.CultureInfo.InvariantCulture),
            elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var f in failed)
        {
            console.MarkupLineInterpolated($"[red]failed[/] {f.Origin}: {f.Detail}");
        }
        foreach (var n in created.Where(c => c.Warnings.Count > 0))
        {
            foreach (var warning in n.Warnings)
            {
                console.MarkupLineInterpolated($"[yellow]warning[/] {n.Origin}: {warning}");
            }
        }
        if (failed.Count == 0)
        {
            return RapporteurCli.Success;
        }
        return failed.Count == outcomes.Count ? RapporteurCli.NothingDone : RapporteurCli.SomeFailed;
    }
}
