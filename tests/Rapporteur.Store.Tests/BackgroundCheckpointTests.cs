using Microsoft.EntityFrameworkCore;
using Rapporteur.Store.Sqlite;

namespace Rapporteur.Store.Tests;

public abstract class BackgroundCheckpointTests(StoreKind kind) : StoreTest(kind)
{
    public sealed class OnSqlite() : BackgroundCheckpointTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : BackgroundCheckpointTests(StoreKind.Postgres);

    private async Task<long> AutoCheckpointAsync()
    {
        await using var command = Db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Rows of about 64 KB, each in a commit of its own.
    private async Task CommitRowsAsync(int count)
    {
        var detail = new string('x', 64 * 1024);
        for (var i = 0; i < count; i++)
        {
            Db.Failures.Add(new FailureRow { Origin = $"row-{i}", Problem = "Corrupt", Detail = detail, At = DateTimeOffset.UnixEpoch });
            await Db.SaveChangesAsync();
        }
        Db.ChangeTracker.Clear();
    }

    [Fact]
    public async Task The_log_is_copied_into_the_file_by_the_thread_while_the_writer_goes_on()
    {
        if (Kind == StoreKind.Postgres)
        {
            // The server checkpoints for itself: nothing is started.
            Assert.Null(await BackgroundCheckpoint.StartAsync(Db, CancellationToken.None));
            return;
        }
        var file = Databases.Location();
        var checkpoint = await BackgroundCheckpoint.StartAsync(Db, CancellationToken.None);
        Assert.NotNull(checkpoint);
        // The writer's own checkpoint comes only after a thousand pages (4 MB); these rows make 2.6 MB,
        // so only the thread can move them into the file.
        Assert.Equal(1000, await AutoCheckpointAsync());
        var before = new FileInfo(file).Length;

        await CommitRowsAsync(40);
        for (var waited = 0; waited < 100 && new FileInfo(file).Length < before + 40 * 64 * 1024; waited++)
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(file).Length >= before + 40 * 64 * 1024, $"the file grew from {before} to {new FileInfo(file).Length} bytes only");
        await checkpoint.DisposeAsync();
        Assert.True(checkpoint.Checkpoints > 0);
        Assert.Null(checkpoint.Failure);
        Assert.Equal(40, await Db.Failures.CountAsync());
    }
}
