namespace Rapporteur.Cli.Tests.Backup;

/// <summary>`rapporteur backup` and `restore` round-trip a real database: a SQLite file in a temp folder, or fresh PostgreSQL databases.</summary>
public abstract class CliBackupTests : IDisposable
{
    public sealed class OnSqlite() : CliBackupTests(StoreKind.Sqlite);

    public sealed class OnPostgres() : CliBackupTests(StoreKind.Postgres);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-cli-backup", Guid.NewGuid().ToString("N"));
    private readonly TestDatabases databases;

    protected CliBackupTests(StoreKind kind)
    {
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        databases = new TestDatabases(kind, folder);
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        databases.Remove();
        Directory.Delete(folder, recursive: true);
    }

    private string In(string name) => Path.Combine(folder, "in", name);

    /// <summary>A backup file in the test's folder.</summary>
    private string File(string name) => Path.Combine(folder, name);

    /// <summary>A database of the test: live, fresh, ...; one that does not exist yet unless something created it.</summary>
    private string Db(string name) => databases.Location(name, create: false);

    [Fact]
    public async Task Backup_restored_into_a_fresh_database_has_the_same_counts_and_search()
    {
        await System.IO.File.WriteAllTextAsync(In("a.txt"), "Khujand Court Jails Teacher\n\nA court in Khujand sentenced the teacher Anvar Nabiev to five years in prison on 4 April 2025 for posts about school fees.\n");
        await System.IO.File.WriteAllTextAsync(In("b.txt"), "Osh Blogger Fined\n\nThe blogger Aibek Toktorov was fined in Osh on 2 May 2025 over a video about the price of bread.\n");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", Path.Combine(folder, "in"), "--db", Db("live"))).ExitCode);

        var backup = await CliRun.RunAsync("backup", File("copy.bak"), "--db", Db("live"));
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("2 sources", backup.Output, StringComparison.Ordinal);

        var restore = await CliRun.RunAsync("restore", File("copy.bak"), "--db", Db("fresh"));
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("2 sources, 2 documents", restore.Output, StringComparison.Ordinal);

        var search = await CliRun.RunAsync("search", "Toktorov", "--db", Db("fresh"));
        Assert.Contains("b.txt", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a.txt", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_over_a_database_replaces_what_it_held()
    {
        await System.IO.File.WriteAllTextAsync(In("a.txt"), "Khujand Court Jails Teacher\n\nA court in Khujand sentenced the teacher Anvar Nabiev to five years in prison.\n");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", In("a.txt"), "--db", Db("live"))).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("backup", File("before.bak"), "--db", Db("live"))).ExitCode);
        await System.IO.File.WriteAllTextAsync(In("b.txt"), "Osh Blogger Fined\n\nThe blogger Aibek Toktorov was fined in Osh on 2 May 2025 over a video about the price of bread.\n");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", In("b.txt"), "--db", Db("live"))).ExitCode);

        var restore = await CliRun.RunAsync("restore", File("before.bak"), "--db", Db("live"));

        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("1 sources, 1 documents", restore.Output, StringComparison.Ordinal);
        Assert.Contains("no documents match", (await CliRun.RunAsync("search", "Toktorov", "--db", Db("live"))).Output, StringComparison.Ordinal);
        Assert.Contains("a.txt", (await CliRun.RunAsync("search", "Nabiev", "--db", Db("live"))).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_database_is_kept()
    {
        await System.IO.File.WriteAllTextAsync(In("a.txt"), "Khujand Court Jails Teacher\n\nA court in Khujand sentenced the teacher Anvar Nabiev to five years in prison.\n");
        await CliRun.RunAsync("ingest", Path.Combine(folder, "in"), "--db", Db("live"));
        await System.IO.File.WriteAllTextAsync(File("bad.bak"), "this is not a database");

        var restore = await CliRun.RunAsync("restore", File("bad.bak"), "--db", Db("live"));

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("error:", restore.Output, StringComparison.Ordinal);
        var search = await CliRun.RunAsync("search", "Nabiev", "--db", Db("live"));
        Assert.Contains("a.txt", search.Output, StringComparison.Ordinal);
    }
}
