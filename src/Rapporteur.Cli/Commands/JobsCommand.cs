using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Jobs;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur jobs`: the queue by state, and the failed jobs with their reasons; `jobs retry` puts failures back.</summary>
public static class JobsCommand
{
    public static Command Create(CliContext context)
    {
        var limit = new Option<int>("--limit") { Description = "How many failed and retrying jobs to list", DefaultValueFactory = _ => 50 };
        var command = new Command("jobs", "The ingestion queue: jobs per state, failures with their reasons") { limit };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var counts = await db.Jobs.AsNoTracking().GroupBy(j => j.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            int Count(JobState state) => counts.FirstOrDefault(c => c.State == state)?.Count ?? 0;
            var troubled = await db.Jobs.AsNoTracking()
                .Where(j => j.State == JobState.Failed || (j.State == JobState.Waiting && j.LastError != null))
                .OrderBy(j => j.Id)
                .Take(result.GetValue(limit))
                .Select(j => new { j.Id, j.State, j.Target, j.Attempts, j.NextAttemptAt, j.LastError })
                .ToListAsync(cancellationToken);
            var states = Enum.GetValues<JobState>();
            if (context.Interactive)
            {
                var table = new Table().AddColumns([.. states.Select(s => s.ToString().ToLowerInvariant())]);
                table.AddRow([.. states.Select(s => Count(s).ToString(CultureInfo.InvariantCulture))]);
                context.Console.Write(table);
                if (troubled.Count > 0)
                {
                    var failures = new Table().AddColumns("job", "state", "attempts", "target", "reason");
                    foreach (var j in troubled)
                    {
                        var state = j.State == JobState.Failed ? "[red]failed[/]" : $"[yellow]retry at {j.NextAttemptAt:u}[/]";
                        failures.AddRow(j.Id.ToString(CultureInfo.InvariantCulture), state, j.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(j.Target), Markup.Escape(j.LastError ?? ""));
                    }
                    context.Console.Write(failures);
                }
            }
            else
            {
                var output = context.Console.Profile.Out.Writer;
                foreach (var state in states)
                {
                    output.WriteLine(FormattableString.Invariant($"{state.ToString().ToLowerInvariant(),-8} {Count(state)}"));
                }
                foreach (var j in troubled)
                {
                    output.WriteLine(j.State == JobState.Failed
                        ? FormattableString.Invariant($"failed job {j.Id} {j.Target}: {j.LastError} ({j.Attempts} attempts)")
                        : FormattableString.Invariant($"retrying job {j.Id} {j.Target} at {j.NextAttemptAt:u}: {j.LastError}"));
                }
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        var retry = new Command("retry", "Put every failed job back in the queue, due now");
        retry.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var count = await new JobQueue(db, context.Time).RetryFailedAsync(cancellationToken);
            context.Console.Profile.Out.Writer.WriteLine(FormattableString.Invariant($"{count} failed job{(count == 1 ? "" : "s")} queued again"));
            return RapporteurCli.Success;
        }, cancellationToken));
        command.Subcommands.Add(retry);
        return command;
    }
}
