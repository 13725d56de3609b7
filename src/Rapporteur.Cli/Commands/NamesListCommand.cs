using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Names;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names list [--query Q] [--organisations]`: persons (or organisations) with every spelling and the number of documents naming them.</summary>
public static class NamesListCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Option<string?>("--query") { Description = "Only persons with a spelling that contains this text, or has its key" };
        var limit = new Option<int>("--limit") { Description = "How many persons", DefaultValueFactory = _ => 100 };
        var organisations = new Option<bool>("--organisations") { Description = "List organisations instead, with every name and acronym" };
        var command = new Command("list", "List persons with all their spellings and document counts") { query, limit, organisations };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            if (result.GetValue(organisations))
            {
                return await OrganisationsAsync(context, db, result.GetValue(query), result.GetValue(limit), cancellationToken);
            }
            var names = db.PersonNames.AsNoTracking();
            if (result.GetValue(query) is { Length: > 0 } q)
            {
                var normal = NameKey.Normalise(q);
                var parts = NameParts.Parse(q);
                var key = parts.Single ? parts.SurnameKey : parts.FullKey;
                var matching = db.PersonNames.Where(n => n.Normalised.Contains(normal) || n.Key == key || n.SurnameKey == key).Select(n => n.EntityId);
                names = names.Where(n => matching.Contains(n.EntityId));
            }
            var rows = await names
                .Select(n => new { n.EntityId, n.Entity!.DisplayName, n.Spelling, n.Normalised, n.DocumentId })
                .ToListAsync(cancellationToken);
            var persons = rows
                .GroupBy(r => r.EntityId)
                .Select(g => (Id: g.Key, Name: g.First().DisplayName, Documents: g.Select(r => r.DocumentId).Distinct().Count(),
                    Spellings: g.GroupBy(r => r.Normalised, StringComparer.Ordinal).Select(s => s.First().Spelling).Order(StringComparer.Ordinal).ToList()))
                .OrderByDescending(p => p.Documents).ThenBy(p => p.Id)
                .Take(result.GetValue(limit))
                .ToList();
            var output = context.Console.Profile.Out.Writer;
            if (persons.Count == 0)
            {
                output.WriteLine("no persons; ingest documents or run names resolve");
                return RapporteurCli.Success;
            }
            foreach (var p in persons)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Id}\t{p.Name}\t{p.Documents} document{(p.Documents == 1 ? "" : "s")}"));
                output.WriteLine($"\tspellings: {string.Join(" | ", p.Spellings)}");
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> OrganisationsAsync(CliContext context, Store.RapporteurDb db, string? query, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.OrganizationNames.AsNoTracking()
            .Select(n => new { n.EntityId, n.Entity!.DisplayName, n.Entity.Acronym, n.Name, n.DocumentId })
            .ToListAsync(cancellationToken);
        var found = rows
            .GroupBy(r => r.EntityId)
            .Where(g => query is not { Length: > 0 } || g.Any(r => r.Name.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .Select(g => (Id: g.Key, Name: g.First().DisplayName, g.First().Acronym, Documents: g.Select(r => r.DocumentId).Distinct().Count(),
                Names: g.Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(o => o.Documents).ThenBy(o => o.Id)
            .Take(limit)
            .ToList();
        var output = context.Console.Profile.Out.Writer;
        foreach (var o in found)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{o.Id}\t{o.Name}{(o.Acronym is null || string.Equals(o.Acronym, o.Name, StringComparison.OrdinalIgnoreCase) ? "" : $" ({o.Acronym})")}\t{o.Documents} document{(o.Documents == 1 ? "" : "s")}"));
            output.WriteLine($"\tnames: {string.Join(" | ", o.Names)}");
        }
        if (found.Count == 0)
        {
            output.WriteLine("no organisations; ingest documents or run names resolve");
        }
        return RapporteurCli.Success;
    }
}
