using Microsoft.Data.Sqlite;

namespace Rapporteur.Cli.Tests.Backup;

/// <summary>`rapporteur backup` and `restore` round-trip a real SQLite database in a temp folder.</summary>
public sealed class CliBackupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-cli-backup", Guid.NewGuid().ToString("N"));

    public CliBackupTests() => Directory.CreateDirectory(Path.Combine(folder, "in"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private string In(string name) => Path.Combine(folder, "in", name);

    private string Db(string name) => Path.Combine(folder, name);

    [Fact]
    public async Task Backup_restored_into_a_fresh_database_has_the_same_counts_and_search()
    {
        await File.WriteAllTextAsync(In("a.txt"), "Khujand Court Jails Teacher\n\nA court in Khujand sentenced the teacher Anvar Nabiev to five years in prison on 4 April 2025 for posts about school fees.\n");
        await File.WriteAllTextAsync(In("b.txt"), "Osh Blogger Fined\n\nThe blogger Aibek Toktorov was fined in Osh on 2 May 2025 over a video about the price of bread.\n");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", Path.Combine(folder, "in"), "--db", Db("live.db"))).ExitCode);

        var backup = await CliRun.RunAsync("backup", Db("copy.bak"), "--db", Db("live.db"));
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("2 sources", backup.Output, StringComparison.Ordinal);

        var restore = await CliRun.RunAsync("restore", Db("copy.bak"), "--db", Db("fresh.db"));
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("2 sources, 2 documents", restore.Output, StringComparison.Ordinal);

        var search = await CliRun.RunAsync("search", "Toktorov", "--db", Db("fresh.db"));
        Assert.Contains("b.txt", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a.txt", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_database_is_kept()
    {
        await File.WriteAllTextAsync(In("a.txt"), "Khujand Court Jails Teacher\n\nA court in Khujand sentenced the teacher Anvar Nabiev to five years in prison.\n");
        await CliRun.RunAsync("ingest", Path.Combine(folder, "in"), "--db", Db("live.db"));
        await File.WriteAllTextAsync(Db("bad.bak"), "this is not a database");

        var restore = await CliRun.RunAsync("restore", Db("bad.bak"), "--db", Db("live.db"));

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("error:", restore.Output, StringComparison.Ordinal);
        var search = await CliRun.RunAsync("search", "Nabiev", "--db", Db("live.db"));
        Assert.Contains("a.txt", search.Output, StringComparison.Ordinal);
    }
}
