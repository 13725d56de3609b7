using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Names;

namespace Rapporteur.Store.Names;


/// <summary>
/// The entity stage: reads every person suggestion (its name and variants), the person and
/// organisation mentions of its document (for evidence spans and context) and every judgement,
/// runs the Core resolver, and replaces the person entities and their names with the result;
/// organisations likewise, from the organisation mentions of every document. A person or an
/// organisation keeps the id of the earlier one that held most of the same spellings.
/// </summary>
public sealed class NameResolution(RapporteurDb db)
{
    // An arbitrary key of this application's own for PostgreSQL's advisory lock.
    private const long ResolutionLock = 0x5261_7070_4e61_6d65;

    /// <summary>Resolves inside a transaction of its own, or inside the caller's when one is open.</summary>
    public async Task<NamesResolved> ResolveAsync(CancellationToken cancellationToken) =>
        (await ResolveAsync(onlyIfPending: false, cancellationToken))!;

    /// <summary>
    /// Resolves only when a document was stored since the last resolution, by anyone: of several
    /// workers finishing together one does the work and the others find nothing left. Null then.
    /// </summary>
    public Task<NamesResolved?> ResolvePendingAsync(CancellationToken cancellationToken) =>
        ResolveAsync(onlyIfPending: true, cancellationToken);

    private async Task<NamesResolved?> ResolveAsync(bool onlyIfPending, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } open)
        {
            return await ResolveAsync(onlyIfPending, open.GetDbTransaction(), cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolved = await ResolveAsync(onlyIfPending, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return resolved;
    }

    private async Task<NamesResolved?> ResolveAsync(bool onlyIfPending, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Workers on one PostgreSQL server may finish together: one resolution at a time, each
        // reading what the one before it wrote. (SQLite lets one writer in at a time already.)
        if (db is Postgres.PostgresRapporteurDb)
        {
            await Execute($"SELECT pg_advisory_xact_lock({ResolutionLock})", transaction, cancellationToken);
        }
        // Cleared before anything is read: a document committed after this is either read below
        // or left pending for the next resolution, never marked done unread.
        var pending = await Execute("""DELETE FROM "names_pending" """, transaction, cancellationToken);
        if (onlyIfPending && pending == 0)
        {
            return null;
        }
        var (records, sources) = await RecordsAsync(cancellationToken);
        var judgements = await db.NameJudgements.AsNoTracking()
            .OrderBy(j => j.Id)
            .Select(j => new NameJudgement(j.ANormalised, j.BNormalised, j.Verdict == "same" ? Verdict.Same : Verdict.Different))
            .ToListAsync(cancellationToken);
        var resolution = Resolver.Default.Resolve(records, judgements);
        var previous = await db.PersonNames.AsNoTracking().Select(n => new { n.EntityId, n.Normalised }).Distinct().ToListAsync(cancellationToken);
        var ids = StableIds(
            [.. resolution.Persons.Select(p => p.Spellings.Select(s => NameKey.Normalise(s.Spelling)).ToHashSet(StringComparer.Ordinal))],
            previous.ToLookup(n => n.Normalised, n => n.EntityId, StringComparer.Ordinal),
            await db.PersonEntities.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0);
        await Execute("DELETE FROM \"person_names\"", transaction, cancellationToken);
        await Execute("DELETE FROM \"person_entities\"", transaction, cancellationToken);
        using var entities = new RowInserter<PersonEntityRow>(db);
        using var names = new RowInserter<PersonNameRow>(db);
        var spellings = 0;
        for (var p = 0; p < resolution.Persons.Count; p++)
        {
            var person = resolution.Persons[p];
            entities.Add(new PersonEntityRow { Id = ids[p], DisplayName = person.Name, Gender = person.Gender.ToString().ToLowerInvariant() });
            foreach (var (record, spelling) in person.Spellings)
            {
                var source = sources[record];
                var (written, start, length) = source.Evidence.GetValueOrDefault(NameKey.Normalise(spelling), (spelling, source.Start, source.Length));
                var parts = NameParts.Parse(written);
                names.Add(new PersonNameRow
                {
                    EntityId = ids[p],
                    Spelling = written,
                    Normalised = NameKey.Normalise(written),
                    Script = NameKey.ScriptOf(written).ToString().ToLowerInvariant(),
                    Key = parts.FullKey,
                    SurnameKey = parts.SurnameKey,
                    DocumentId = source.DocumentId,
                    SuggestionId = source.SuggestionId,
                    EvidenceStart = start,
                    EvidenceLength = length,
                });
                spellings++;
            }
        }
        // Every entity before the names that point at it.
        await entities.FlushAsync(transaction, cancellationToken);
        await names.FlushAsync(transaction, cancellationToken);
        var organisations = await ResolveOrganizationsAsync(transaction, cancellationToken);
        return new NamesResolved(resolution.Persons.Count, spellings, records.Count, resolution.Contradicted, organisations);
    }

    private async Task<int> ResolveOrganizationsAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var documents = await db.DocumentMentions.AsNoTracking()
            .Where(d => d.Mentions.Contains("\"organization\""))
            .OrderBy(d => d.DocumentId)
            .Select(d => new { Id = d.DocumentId, d.Mentions })
            .ToListAsync(cancellationToken);
        var records = new List<OrganizationRecord>();
        var spans = new List<(int Start, int Length)>();
        foreach (var d in documents)
        {
            using var json = JsonDocument.Parse(d.Mentions);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in json.RootElement.EnumerateArray())
            {
                if (m.GetArrayLength() >= 4 && m[0].GetString() == "organization" && m[3].GetString() is { } name && seen.Add(name))
                {
                    records.Add(new OrganizationRecord(d.Id, name));
                    spans.Add((m[1].GetInt32(), m[2].GetInt32()));
                }
            }
        }
        var resolved = OrganizationResolver.Resolve(records);
        var previous = await db.OrganizationNames.AsNoTracking().Select(n => new { n.EntityId, n.Name }).Distinct().ToListAsync(cancellationToken);
        var ids = StableIds(
            [.. resolved.Select(o => o.Records.Select(r => records[r].Name).ToHashSet(StringComparer.Ordinal))],
            previous.ToLookup(n => n.Name, n => n.EntityId, StringComparer.Ordinal),
            await db.OrganizationEntities.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0);
        await Execute("DELETE FROM \"organization_names\"", transaction, cancellationToken);
        await Execute("DELETE FROM \"organization_entities\"", transaction, cancellationToken);
        using var entities = new RowInserter<OrganizationEntityRow>(db);
        using var names = new RowInserter<OrganizationNameRow>(db);
        for (var o = 0; o < resolved.Count; o++)
        {
            entities.Add(new OrganizationEntityRow { Id = ids[o], DisplayName = resolved[o].Name, Acronym = resolved[o].Acronym });
            foreach (var r in resolved[o].Records)
            {
                names.Add(new OrganizationNameRow { EntityId = ids[o], Name = records[r].Name, DocumentId = records[r].DocumentId, EvidenceStart = spans[r].Start, EvidenceLength = spans[r].Length });
            }
        }
        await entities.FlushAsync(transaction, cancellationToken);
        await names.FlushAsync(transaction, cancellationToken);
        return resolved.Count;
    }

    /// <summary>Where a record came from: its suggestion, and the span of each of its spellings in the document.</summary>
    private sealed record RecordSource(long SuggestionId, long DocumentId, int Start, int Length, Dictionary<string, (string Written, int Start, int Length)> Evidence);

    private async Task<(List<PersonRecord> Records, List<RecordSource> Sources)> RecordsAsync(CancellationToken cancellationToken)
    {
        var suggestions = await db.Suggestions.AsNoTracking()
            .Where(s => s.Kind == "person" && s.Subject != null)
            .OrderBy(s => s.DocumentId).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.DocumentId, Subject = s.Subject!, s.Value, s.EvidenceStart, s.EvidenceLength })
            .ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => db.Suggestions.Any(s => s.DocumentId == d.Id && s.Kind == "person"))
            .Select(d => new { d.Id, d.Text, Mentions = db.DocumentMentions.Where(m => m.DocumentId == d.Id).Select(m => m.Mentions).FirstOrDefault() ?? d.Mentions })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var records = new List<PersonRecord>(suggestions.Count);
        var sources = new List<RecordSource>(suggestions.Count);
        var mentionsOf = new Dictionary<long, (ILookup<string, (int Start, int Length)> People, IReadOnlyList<string> Organisations)>();
        foreach (var s in suggestions)
        {
            if (!documents.TryGetValue(s.DocumentId, out var document))
            {
                continue;
            }
            if (!mentionsOf.TryGetValue(s.DocumentId, out var mentions))
            {
                mentionsOf[s.DocumentId] = mentions = Mentions(document.Mentions, document.Text.Length);
            }
            using var value = JsonDocument.Parse(s.Value);
            var spellings = new List<string> { s.Subject };
            if (value.RootElement.TryGetProperty("variants", out var variants) && variants.ValueKind == JsonValueKind.Array)
            {
                spellings.AddRange(variants.EnumerateArray().Select(v => v.GetString()).OfType<string>());
            }
            // Each place the document writes this person gives a spelling as written and its span.
            var evidence = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
            foreach (var (start, length) in mentions.People[s.Subject])
            {
                var written = document.Text.Substring(start, length);
                spellings.Add(written);
                evidence.TryAdd(NameKey.Normalise(written), (written, start, length));
            }
            records.Add(new PersonRecord(s.DocumentId, spellings)
            {
                Country = value.RootElement.TryGetProperty("country", out var country) && country.ValueKind == JsonValueKind.String ? country.GetString() : null,
                Gender = value.RootElement.TryGetProperty("gender", out var gender) ? GenderOf(gender.GetString()) : Gender.Unknown,
                Organisations = mentions.Organisations,
            });
            sources.Add(new RecordSource(s.Id, s.DocumentId, s.EvidenceStart, s.EvidenceLength, evidence));
        }
        return (records, sources);
    }

    // The document's mentions JSON: [[kind, start, length, value], ...]; person values are the person's name.
    private static (ILookup<string, (int, int)>, IReadOnlyList<string>) Mentions(string json, int textLength)
    {
        var people = new List<(string Name, (int, int) Span)>();
        var organisations = new List<string>();
        using var document = JsonDocument.Parse(json);
        foreach (var m in document.RootElement.EnumerateArray())
        {
            if (m.GetArrayLength() < 4 || m[3].ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var (kind, start, length, name) = (m[0].GetString(), m[1].GetInt32(), m[2].GetInt32(), m[3].GetString()!);
            if (kind == "person" && start >= 0 && start + length <= textLength)
            {
                people.Add((name, (start, length)));
            }
            else if (kind == "organization" && !organisations.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                organisations.Add(name);
            }
        }
        return (people.ToLookup(p => p.Name, p => p.Span, StringComparer.Ordinal), organisations);
    }

    private static Gender GenderOf(string? text) => text switch
    {
        "female" => Gender.Female,
        "male" => Gender.Male,
        _ => Gender.Unknown,
    };

    // Each new group takes the id of the earlier entity it shares most spellings with; ties go to the earlier entity.
    private static long[] StableIds(IReadOnlyList<HashSet<string>> groups, ILookup<string, long> holders, long highest)
    {
        var candidates = new List<(int Group, long Old, int Shared)>();
        for (var g = 0; g < groups.Count; g++)
        {
            candidates.AddRange(groups[g].SelectMany(s => holders[s]).GroupBy(id => id).Select(ids => (g, ids.Key, ids.Count())));
        }
        var result = new long[groups.Count];
        var taken = new HashSet<long>();
        foreach (var (group, old, _) in candidates.OrderByDescending(c => c.Shared).ThenBy(c => c.Old).ThenBy(c => c.Group))
        {
            if (result[group] == 0 && taken.Add(old))
            {
                result[group] = old;
            }
        }
        var next = highest + 1;
        for (var g = 0; g < result.Length; g++)
        {
            if (result[g] == 0)
            {
                result[g] = next++;
            }
        }
        return result;
    }

    // The number of rows the statement changed.
    private async Task<int> Execute(string sql, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
