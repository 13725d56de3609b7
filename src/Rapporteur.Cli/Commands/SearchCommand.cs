using System.CommandLine;
using System.Globalization;
using Rapporteur.Store;
using Rapporteur.Store.Search;
using Spectre.Console;

namespace Rapporteur.Cli.Commands;

/// <summary>
/// `rapporteur search QUERY`: ranked documents with a highlighted snippet and their source. When
/// the query names a person, that person comes first with every spelling, and the documents are
/// found by any of those spellings (Холиқов finds Kholiqov).
/// </summary>
public static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string[]>("query") { Description = "Words to find (all must occur)", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "How many results", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over the documents") { query, limit };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var text = string.Join(' ', result.GetValue(query)!);
            var expanded = await new PersonSearch(db).ExpandAsync(text, cancellationToken);
            foreach (var person in expanded.Persons.Take(3))
            {
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]person: {person.Name}[/] (spellings: {string.Join(", ", person.Spellings)}) — person {person.Id}, {person.Documents} document{(person.Documents == 1 ? "" : "s")}");
            }
            var hits = await Database.SearchIndex(db).SearchAsync(expanded.Terms, result.GetValue(limit), cancellationToken);
            if (hits.Count == 0)
            {
                context.Console.MarkupLineInterpolated($"no documents match \"{text}\"");
                return RapporteurCli.Success;
            }
            foreach (var hit in hits)
            {
                var snippet = Markup.Escape(hit.Snippet).Replace("\u0002", "[bold yellow]", StringComparison.Ordinal).Replace("\u0003", "[/]", StringComparison.Ordinal);
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{hit.Title ?? "(untitled)"}[/]  document {hit.DocumentId}, source {hit.SourceId}, score {hit.Score:0.00}");
                context.Console.MarkupLineInterpolated($"  {hit.Origin}");
                context.Console.MarkupLine("  " + snippet);
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
