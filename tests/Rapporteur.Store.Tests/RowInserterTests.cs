using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Jobs;

namespace Rapporteur.Store.Tests;

/// <summary>The batched insert on a real database of each kind: keys come back in order, a failed flush keeps nothing queued.</summary>
public abstract class RowInserterTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : RowInserterTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : RowInserterTests(StoreKind.Postgres);

    private static readonly DateTimeOffset At = new(2026, 4, 2, 10, 30, 0, TimeSpan.Zero);

    private static FailureRow Row(int i) => new() { Origin = $"bishkek-{i:D5}.txt", Problem = "Empty", Detail = $"the file is empty ({i})", At = At.AddMinutes(i) };

    private async Task<DbTransaction> BeginAsync()
    {
        await Db.Database.OpenConnectionAsync();
        return await Db.Database.GetDbConnection().BeginTransactionAsync();
    }

    [Fact]
    public async Task A_flush_larger_than_one_round_trip_inserts_every_row_and_sets_each_key()
    {
        using var inserter = new RowInserter<FailureRow>(Db);
        var rows = Enumerable.Range(0, 2_345).Select(Row).ToList();
        await using (var transaction = await BeginAsync())
        {
            rows.ForEach(inserter.Add);
            await inserter.FlushAsync(transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await Db.Failures.AsNoTracking().ToDictionaryAsync(f => f.Id);
        Assert.Equal(rows.Count, stored.Count);
        Assert.All(rows, r => Assert.Equal((r.Origin, r.Detail, r.At), (stored[r.Id].Origin, stored[r.Id].Detail, stored[r.Id].At)));
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Converted_values_are_written_as_the_model_stores_them()
    {
        // Jobs keep their state and kind as names and their times as the provider keeps them.
        using var inserter = new RowInserter<JobRow>(Db);
        var rows = Enumerable.Range(0, 3).Select(i => new JobRow
        {
            Kind = i == 0 ? JobKind.Url : JobKind.File,
            Target = $"osh-{i}.txt",
            State = i == 2 ? JobState.Failed : JobState.Waiting,
            NextAttemptAt = At.AddHours(i),
            CreatedAt = At,
            UpdatedAt = At,
        }).ToList();
        await using (var transaction = await BeginAsync())
        {
            rows.ForEach(inserter.Add);
            await inserter.FlushAsync(transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var stored = await Db.Jobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync();
        Assert.Equal(rows.Select(r => (r.Id, r.Kind, r.State, r.NextAttemptAt)), stored.Select(j => (j.Id, j.Kind, j.State, j.NextAttemptAt)));
        Assert.Equal(1, await Db.Jobs.CountAsync(j => j.State == JobState.Failed));
    }

    [Fact]
    public async Task A_flush_the_database_refuses_throws_and_leaves_nothing_queued()
    {
        using var inserter = new RowInserter<FailureRow>(Db);
        await using var transaction = await BeginAsync();
        inserter.Add(Row(1));
        // A null in a required column: the database refuses the whole flush.
        inserter.Add(new FailureRow { Origin = null!, Problem = "Empty", Detail = "no origin", At = At });
        await Assert.ThrowsAnyAsync<DbException>(() => inserter.FlushAsync(transaction, CancellationToken.None));
        await transaction.RollbackAsync();

        await using var next = await BeginAsync();
        inserter.Add(Row(2));
        await inserter.FlushAsync(next, CancellationToken.None);
        await next.CommitAsync();

        Assert.Equal(["bishkek-00002.txt"], await Db.Failures.Select(f => f.Origin).ToListAsync());
    }
}
