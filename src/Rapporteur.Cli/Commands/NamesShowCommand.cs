using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur names show ID`: one person: spellings with script and key, where each is written, and the judgements on them.</summary>
public static class NamesShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The person's id (see names list)" };
        var command = new Command("show", "Show a person: spellings, evidence in documents, judgements") { id };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async db =>
        {
            var output = context.Console.Profile.Out.Writer;
            var personId = result.GetValue(id);
            var person = await db.PersonEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == personId, cancellationToken);
            if (person is null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: there is no person {personId}; see names list"));
                return RapporteurCli.NothingDone;
            }
            var names = await db.PersonNames.AsNoTracking()
                .Where(n => n.EntityId == personId)
                .Join(db.Documents, n => n.DocumentId, d => d.Id, (n, d) => new { n.Spelling, n.Normalised, n.Script, n.Key, n.DocumentId, n.EvidenceStart, n.EvidenceLength, d.Title })
                .OrderBy(n => n.DocumentId).ThenBy(n => n.EvidenceStart)
                .ToListAsync(cancellationToken);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"person {person.Id}: {person.DisplayName} ({person.Gender})"));
            output.WriteLine("spellings:");
            foreach (var s in names.GroupBy(n => n.Normalised, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = s.First();
                var documents = s.Select(n => n.DocumentId).Distinct().Count();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {first.Spelling}\t{first.Script}\tkey {first.Key}\t{documents} document{(documents == 1 ? "" : "s")}"));
            }
            output.WriteLine("evidence:");
            foreach (var n in names)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  document {n.DocumentId} [{n.EvidenceStart}..{n.EvidenceStart + n.EvidenceLength}) \"{n.Spelling}\"\t{n.Title}"));
            }
            var spellings = names.Select(n => n.Normalised).Distinct().ToList();
            var judgements = await db.NameJudgements.AsNoTracking()
                .Where(j => spellings.Contains(j.ANormalised) || spellings.Contains(j.BNormalised))
                .OrderBy(j => j.Id)
                .ToListAsync(cancellationToken);
            if (judgements.Count > 0)
            {
                output.WriteLine("judgements:");
                foreach (var j in judgements)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {j.Verdict}\t{j.A} | {j.B}\tby {j.By} at {j.At:yyyy-MM-dd HH:mm} ({j.Origin})"));
                }
            }
            return RapporteurCli.Success;
        }, cancellationToken));
        return command;
    }
}
