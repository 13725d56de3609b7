using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapporteur.Store.Sqlite;

/// <summary>The embedded default: one SQLite file, with FTS5 for search.</summary>
public sealed class SqliteRapporteurDb(DbContextOptions<SqliteRapporteurDb> options) : RapporteurDb(options)
{
    public static SqliteRapporteurDb Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new DbContextOptionsBuilder<SqliteRapporteurDb>()
            .UseSqlite($"Data Source={full};Pooling=False")
            .Options;
        return new SqliteRapporteurDb(options);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks-free ISO text.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToStringConverter>();
    }
}

/// <summary>Lets the EF tools build the context to create migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRapporteurDb>
{
    public SqliteRapporteurDb CreateDbContext(string[] args) => SqliteRapporteurDb.Open(Path.Combine(Path.GetTempPath(), "rapporteur-design.db"));
}
