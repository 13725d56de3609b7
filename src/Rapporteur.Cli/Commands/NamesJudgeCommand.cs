using System.CommandLine;
using Rapporteur.Core.Names;
using Rapporteur.Store.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names judge A B same|different`: a person's decision on two spellings or persons, which resolution always obeys.</summary>
public static class NamesJudgeCommand
{
    public static Command Create(CliContext context)
    {
        var a = new Argument<string>("a") { Description = "A person id or spelling" };
        var b = new Argument<string>("b") { Description = "Another person id or spelling" };
        var verdict = new Argument<string>("verdict") { Description = "same or different" };
        verdict.AcceptOnlyFromAmong("same", "different");
        var by = NamesCommand.By();
        var command = new Command("judge", "Judge two persons or spellings the same person or different people") { a, b, verdict, by };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var v = result.GetValue(verdict) == "same" ? Verdict.Same : Verdict.Different;
            return NamesCommand.Report(context, await new NameJudgements(db, context.Time).JudgeAsync(result.GetValue(a)!, result.GetValue(b)!, v, NamesCommand.Who(result, by), cancellationToken));
        }, cancellationToken));
        return command;
    }
}
