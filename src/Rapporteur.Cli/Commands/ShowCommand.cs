using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Domain;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur show ID`: a source, its documents, and where in the source each came from.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "A source id (see `rapporteur sources`)" };
        var command = new Command("show", "Show a source with its documents") { id };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var sourceId = result.GetValue(id);
            var source = await db.Sources.AsNoTracking().Where(s => s.Id == sourceId)
                .Select(s => new { s.Id, s.Origin, s.MediaType, s.Sha256, s.CapturedAt, s.PublishedAt, s.Title, s.ByteCount, s.ParentId, TextLength = s.Text.Length })
                .FirstOrDefaultAsync(cancellationToken);
            if (source is null)
            {
                context.Console.MarkupLineInterpolated($"[red]no source with id {sourceId}[/]");
                return RapporteurCli.NothingDone;
            }
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("source", source.Id.ToString(CultureInfo.InvariantCulture));
            grid.AddRow("origin", Markup.Escape(source.Origin));
            grid.AddRow("title", Markup.Escape(source.Title ?? ""));
            grid.AddRow("media type", Markup.Escape(source.MediaType));
            grid.AddRow("sha-256", source.Sha256);
            grid.AddRow("bytes", source.ByteCount.ToString(CultureInfo.InvariantCulture));
            grid.AddRow("captured", source.CapturedAt.ToString("u", CultureInfo.InvariantCulture));
            grid.AddRow("published", source.PublishedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "unknown");
            if (source.ParentId is { } parent)
            {
                grid.AddRow("item of", parent.ToString(CultureInfo.InvariantCulture));
            }
            context.Console.Write(grid);
            var documents = await db.Documents.AsNoTracking().Where(d => d.SourceId == sourceId).OrderBy(d => d.Ordinal).ToListAsync(cancellationToken);
            foreach (var d in documents)
            {
                var map = OffsetMap.Parse(d.OffsetMap);
                var from = map.Runs.Count > 0 ? map.Runs[0].SourceStart : 0;
                var to = map.Runs.Count > 0 ? map.Runs[^1].SourceStart + map.Runs[^1].Length : 0;
                context.Console.WriteLine();
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]document {d.Id}[/] #{d.Ordinal}: {d.Title ?? "(untitled)"}");
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {d.Text.Length} characters from source text {from}..{to} of {source.TextLength}, in {map.Runs.Count} kept runs");
                var preview = d.Text.Length > 300 ? d.Text[..300] + "…" : d.Text;
                context.Console.WriteLine("  " + preview.Replace("\n", "\n  ", StringComparison.Ordinal));
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
