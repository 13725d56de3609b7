using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur sources`: what is stored, newest first, and the inputs that failed.</summary>
public static class SourcesCommand
{
    public static Command Create(CliContext context)
    {
        var limit = new Option<int>("--limit") { Description = "How many sources", DefaultValueFactory = _ => 100 };
        var command = new Command("sources", "List stored sources and failed inputs") { limit };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var rows = await db.Sources.AsNoTracking()
                .OrderByDescending(s => s.Id)
                .Take(result.GetValue(limit))
                .Select(s => new { s.Id, s.MediaType, s.Origin, s.Title, s.ByteCount, s.ParentId, Documents = s.Documents.Count })
                .ToListAsync(cancellationToken);
            var table = new Table().AddColumns("id", "type", "documents", "bytes", "title", "origin");
            foreach (var r in rows)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(r.MediaType),
                    r.Documents.ToString(CultureInfo.InvariantCulture),
                    r.ByteCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(r.Title ?? ""),
                    Markup.Escape(r.ParentId is { } p ? $"{r.Origin} (item of {p})" : r.Origin));
            }
            context.Console.Write(table);
            var failures = await db.Failures.AsNoTracking().OrderByDescending(f => f.Id).Take(50).ToListAsync(cancellationToken);
            foreach (var f in failures)
            {
                context.Console.MarkupLineInterpolated($"[red]failed[/] {f.Origin}: {f.Detail}");
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
