using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Rapporteur.Store.Postgres;

/// <summary>Server mode: a PostgreSQL database, with a generated tsvector column and a GIN index for search.</summary>
public sealed class PostgresRapporteurDb(DbContextOptions<PostgresRapporteurDb> options) : RapporteurDb(options)
{
    /// <summary>The name of the text search configuration the migrations create: 'simple' with accents removed, as FTS5's unicode61 does.</summary>
    public const string SearchConfiguration = "rapporteur_search";

    public static PostgresRapporteurDb Open(string location)
    {
        var options = new DbContextOptionsBuilder<PostgresRapporteurDb>()
            .UseNpgsql(PostgresConnection.Parse(location).ConnectionString)
            .Options;
        return new PostgresRapporteurDb(options);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Lets the EF tools build the context to create migrations; they never connect.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRapporteurDb>
{
    public PostgresRapporteurDb CreateDbContext(string[] args) => PostgresRapporteurDb.Open("Host=localhost;Database=rapporteur_design");
}
