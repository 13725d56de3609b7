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
        var id = new Argument<long>("id") { Description = "A source id (see `rapporteur sources`), or a document id with --document" };
        var suggestions = new Option<bool>("--suggestions") { Description = "Mark the evidence spans in each document and list the suggestions with their rules" };
        var asDocument = new Option<bool>("--document") { Description = "The id is a document id" };
        var command = new Command("show", "Show a source with its documents (and, with --suggestions, what extraction suggested)") { id, suggestions, asDocument };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var sourceId = result.GetValue(id);
            if (result.GetValue(asDocument))
            {
                sourceId = await db.Documents.AsNoTracking().Where(d => d.Id == sourceId).Select(d => d.SourceId).FirstOrDefaultAsync(cancellationToken);
            }
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
                if (!result.GetValue(suggestions))
                {
                    var preview = d.Text.Length > 300 ? d.Text[..300] + "…" : d.Text;
                    context.Console.WriteLine("  " + preview.Replace("\n", "\n  ", StringComparison.Ordinal));
                    continue;
                }
                var rows = await db.Suggestions.AsNoTracking().Where(x => x.DocumentId == d.Id).OrderBy(x => x.EvidenceStart).ThenBy(x => x.Id).ToListAsync(cancellationToken);
                context.Console.WriteLine(Marked(d.Text, rows.Where(r => r.Kind == "event").Select(r => (r.EvidenceStart, r.EvidenceLength))));
                var table = new Table().AddColumns("id", "kind", "claim", "subject", "date", "status", "rule", "conf.", "evidence");
                foreach (var r in rows)
                {
                    table.AddRow(
                        r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, Markup.Escape(r.Predicate), Markup.Escape(r.Subject ?? "(unnamed)"), r.Date ?? "",
                        r.Status, Markup.Escape(r.Rule), r.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                        Markup.Escape($"{r.EvidenceStart}..{r.EvidenceStart + r.EvidenceLength}: {(r.Quote.Length > 70 ? r.Quote[..70] + "…" : r.Quote)}"));
                }
                context.Console.Write(table);
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }

    // Evidence spans between ⟦ and ⟧; nested or overlapping spans are marked from their first start to their last end.
    private static string Marked(string text, IEnumerable<(int Start, int Length)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, length) in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, start + length));
            }
            else
            {
                merged.Add((start, start + length));
            }
        }
        var builder = new System.Text.StringBuilder(text.Length + merged.Count * 2);
        var at = 0;
        foreach (var (start, end) in merged)
        {
            builder.Append(text, at, start - at).Append('⟦').Append(text, start, end - start).Append('⟧');
            at = end;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }
}
