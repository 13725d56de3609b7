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
    // How long this run's claim on documents for extraction holds if the process is stopped on
    // another machine; on this one, a claim of a process no longer running is void at once.
    private static readonly TimeSpan ExtractionLease = TimeSpan.FromMinutes(2);

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, folders (read recursively), http(s) addresses or feeds", Arity = ArgumentArity.OneOrMore };
        var maxSize = new Option<long>("--max-size") { Description = "Refuse inputs larger than this many bytes", DefaultValueFactory = _ => IngestOptions.DefaultMaxBytes };
        var command = new Command("ingest", "Ingest sources: each is stored as captured, read, cleaned and split into documents, then each document goes through extraction") { inputs, maxSize };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, db => RunAsync(context, db, result.GetValue(inputs)!, new IngestOptions { MaxBytes = result.GetValue(maxSize) }, cancellationToken), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, RapporteurDb db, string[] targets, IngestOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var fetcher = new Fetcher(http, options, context.Time);
        using var ingestion = new Ingestion(db, SourceReaders.Default, context.Time);
        using var extraction = new ExtractionStage(db, context.Time, ExtractionStage.NewOwner(), ExtractionLease);
        var extracted = new ExtractionProgress(0, 0);
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
                var waiting = await extraction.WaitingAsync(cancellationToken);
                var extracting = progress.AddTask("extracting", maxValue: Math.Max(waiting, 1));
                extracted = await extraction.RunAsync(Environment.ProcessorCount, batch =>
                {
                    extracting.Increment(batch.Documents);
                    return Task.CompletedTask;
                }, cancellationToken);
                extracting.Value = extracting.MaxValue;
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
            extracted = await extraction.RunAsync(Environment.ProcessorCount, batch =>
            {
                context.Console.WriteLine(FormattableString.Invariant($"extracted  {batch.Documents} documents ({batch.Suggestions} suggestions)"));
                return Task.CompletedTask;
            }, cancellationToken);
        }
        clock.Stop();
        var code = Summarise(context.Console, outcomes, extracted, clock.Elapsed);
        // Held by another process that is still running (or was, on another machine, until its claim runs out).
        if (await extraction.WaitingAsync(cancellationToken) is var left and > 0)
        {
            context.Console.MarkupLineInterpolated($"[yellow]waiting[/] {left} documents wait for extraction held by another process; the next ingest or worker extracts them");
        }
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

    private static int Summarise(IAnsiConsole console, List<IngestOutcome> outcomes, ExtractionProgress extracted, TimeSpan elapsed)
    {
        var created = outcomes.OfType<IngestedNew>().ToList();
        var failed = outcomes.OfType<IngestFailed>().ToList();
        var duplicates = outcomes.OfType<IngestedDuplicate>().Count();
        var table = new Table().AddColumns("new", "duplicate", "failed", "documents", "extracted", "suggestions", "seconds");
        table.AddRow(
            created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
            failed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            created.Sum(c => c.Documents).ToString(System.Globalization.CultureInfo.InvariantCulture),
            extracted.Documents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            extracted.Suggestions.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
