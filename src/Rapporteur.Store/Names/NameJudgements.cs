using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Core.Names;
using Rapporteur.Store.Audit;

namespace Rapporteur.Store.Names;

/// <summary>
/// Staff decisions about persons, the one place they are written: judge two spellings same or
/// different, merge two persons, split spellings off a person. Each records judgements on
/// spellings (who and when), an audit entry for each, and resolves names again, in one transaction.
/// </summary>
public sealed class NameJudgements(RapporteurDb db, TimeProvider time)
{
    /// <summary>Records that <paramref name="a"/> and <paramref name="b"/> (person ids or spellings) name the same person or different people.</summary>
    public async Task<JudgementOutcome> JudgeAsync(string a, string b, Verdict verdict, string by, CancellationToken cancellationToken)
    {
        var (x, y) = (await TargetAsync(a, cancellationToken), await TargetAsync(b, cancellationToken));
        if ((x.Problem ?? y.Problem) is { } problem)
        {
            return new NotJudged(problem);
        }
        if (x.Spelling == y.Spelling)
        {
            return new NotJudged($"\"{a}\" and \"{b}\" are the same spelling");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RecordAsync(x.Spelling!, y.Spelling!, verdict, "judge", by, cancellationToken);
        var resolved = await new NameResolution(db).ResolveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Judged(await PersonsWithAsync([x.Spelling!, y.Spelling!], cancellationToken), 1, resolved);
    }

    /// <summary>
    /// Makes two persons (ids or spellings) one: a "same" judgement between them, and any earlier
    /// "different" judgement between their spellings withdrawn. Every spelling and all evidence stay.
    /// </summary>
    public async Task<JudgementOutcome> MergeAsync(string a, string b, string by, CancellationToken cancellationToken)
    {
        var (x, y) = (await TargetAsync(a, cancellationToken), await TargetAsync(b, cancellationToken));
        if ((x.Problem ?? y.Problem) is { } problem)
        {
            return new NotJudged(problem);
        }
        var (left, right) = (await SpellingsOfPersonWithAsync(x.Spelling!, cancellationToken), await SpellingsOfPersonWithAsync(y.Spelling!, cancellationToken));
        if (x.Spelling == y.Spelling || left.SetEquals(right))
        {
            return new NotJudged($"\"{a}\" and \"{b}\" are already one person");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var apart = await db.NameJudgements
            .Where(j => j.Verdict == "different")
            .ToListAsync(cancellationToken);
        foreach (var j in apart.Where(j => (left.Contains(j.ANormalised) && right.Contains(j.BNormalised)) || (right.Contains(j.ANormalised) && left.Contains(j.BNormalised))))
        {
            db.NameJudgements.Remove(j);
            await db.SaveChangesAsync(cancellationToken);
            await AuditLog.AppendAsync(db, time.GetUtcNow(), by, "names.merge withdraws different", Describe(j), cancellationToken);
        }
        await RecordAsync(x.Spelling!, y.Spelling!, Verdict.Same, "merge", by, cancellationToken);
        var resolved = await new NameResolution(db).ResolveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Judged(await PersonsWithAsync([x.Spelling!], cancellationToken), 1, resolved);
    }

    /// <summary>
    /// Moves the given spellings of a person to a new person: "different" between each moved
    /// spelling and each one that stays, and "same" among the moved ones, so the split holds
    /// whatever is ingested later.
    /// </summary>
    public async Task<JudgementOutcome> SplitAsync(long person, IReadOnlyList<string> spellings, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spellings);
        var own = await db.PersonNames.AsNoTracking().Where(n => n.EntityId == person).Select(n => n.Normalised).Distinct().ToListAsync(cancellationToken);
        if (own.Count == 0)
        {
            return new NotJudged(string.Create(CultureInfo.InvariantCulture, $"there is no person {person}"));
        }
        var moved = spellings.Select(NameKey.Normalise).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (moved.Count == 0)
        {
            return new NotJudged("name at least one spelling to move");
        }
        if (moved.FirstOrDefault(s => !own.Contains(s)) is { } stranger)
        {
            return new NotJudged(string.Create(CultureInfo.InvariantCulture, $"person {person} is not written \"{stranger}\"; see names show {person}"));
        }
        var staying = own.Except(moved, StringComparer.Ordinal).ToList();
        if (staying.Count == 0)
        {
            return new NotJudged("every spelling would move; nothing would be left to split from");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = 0;
        foreach (var m in moved)
        {
            foreach (var s in staying)
            {
                await RecordAsync(m, s, Verdict.Different, "split", by, cancellationToken);
                recorded++;
            }
        }
        foreach (var m in moved.Skip(1))
        {
            await RecordAsync(moved[0], m, Verdict.Same, "split", by, cancellationToken);
            recorded++;
        }
        var resolved = await new NameResolution(db).ResolveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Judged(await PersonsWithAsync([staying[0], moved[0]], cancellationToken), recorded, resolved);
    }

    /// <summary>A person id or a spelling, as the normalised spelling judgements are stated on.</summary>
    private async Task<(string? Spelling, string? Problem)> TargetAsync(string target, CancellationToken cancellationToken)
    {
        var text = target.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var display = await db.PersonEntities.AsNoTracking().Where(e => e.Id == id).Select(e => e.DisplayName).FirstOrDefaultAsync(cancellationToken);
            if (display is null)
            {
                return (null, $"there is no person {id}");
            }
            // The display name is one of the person's spellings; its judgement binds the whole person.
            return (NameKey.Normalise(display), null);
        }
        var normal = NameKey.Normalise(text);
        return normal.Length > 0 && await db.PersonNames.AnyAsync(n => n.Normalised == normal, cancellationToken)
            ? (normal, null)
            : (null, $"no person is written \"{target}\"; see names list");
    }

    private async Task<HashSet<string>> SpellingsOfPersonWithAsync(string spelling, CancellationToken cancellationToken)
    {
        var persons = db.PersonNames.Where(n => n.Normalised == spelling).Select(n => n.EntityId);
        return [.. await db.PersonNames.AsNoTracking().Where(n => persons.Contains(n.EntityId)).Select(n => n.Normalised).Distinct().ToListAsync(cancellationToken)];
    }

    private async Task<IReadOnlyList<long>> PersonsWithAsync(IReadOnlyList<string> spellings, CancellationToken cancellationToken) =>
        await db.PersonNames.AsNoTracking().Where(n => spellings.Contains(n.Normalised)).Select(n => n.EntityId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);

    // One judgement per pair of spellings: a newer one replaces the older.
    private async Task RecordAsync(string a, string b, Verdict verdict, string origin, string by, CancellationToken cancellationToken)
    {
        var (first, second) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        var row = await db.NameJudgements.FirstOrDefaultAsync(j => j.ANormalised == first && j.BNormalised == second, cancellationToken);
        var written = await WrittenAsync([first, second], cancellationToken);
        if (row is null)
        {
            row = new NameJudgementRow
            {
                A = written[first], B = written[second], ANormalised = first, BNormalised = second,
                AKey = NameParts.Parse(first).FullKey, BKey = NameParts.Parse(second).FullKey,
                Verdict = "", Origin = "", By = "",
            };
            db.NameJudgements.Add(row);
        }
        row.Verdict = verdict == Verdict.Same ? "same" : "different";
        row.Origin = origin;
        row.By = by;
        row.At = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await AuditLog.AppendAsync(db, row.At, by, $"names.{origin} {row.Verdict}", Describe(row), cancellationToken);
    }

    // How each spelling is written in the documents (the first place found), for people reading the judgements.
    private async Task<Dictionary<string, string>> WrittenAsync(IReadOnlyList<string> normalised, CancellationToken cancellationToken)
    {
        var found = await db.PersonNames.AsNoTracking().Where(n => normalised.Contains(n.Normalised)).OrderBy(n => n.Id).Select(n => new { n.Normalised, n.Spelling }).ToListAsync(cancellationToken);
        return normalised.ToDictionary(s => s, s => found.FirstOrDefault(f => f.Normalised == s)?.Spelling ?? s, StringComparer.Ordinal);
    }

    private static string Describe(NameJudgementRow j) => string.Create(CultureInfo.InvariantCulture, $"name_judgements/{j.Id}: {j.A} | {j.B}");
}
