using Rapporteur.Store.Postgres;

namespace Rapporteur.Store.Tests.Postgres;

/// <summary>How a --db value is told to be a PostgreSQL server, and how its URI form is read.</summary>
public sealed class PostgresConnectionTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5433;Database=rapporteur;Username=editor")]
    [InlineData("host=db.example.org;database=rapporteur")]
    [InlineData("Server=db.example.org;Database=rapporteur")]
    [InlineData("postgres://editor@db.example.org/rapporteur")]
    [InlineData("postgresql://editor:secret@127.0.0.1:5433/rapporteur")]
    public void A_connection_string_or_uri_names_a_server(string location) => Assert.True(Database.IsServer(location));

    [Theory]
    [InlineData("data/rapporteur.db")]
    [InlineData("hosts/rapporteur.db")]
    [InlineData("postgres.db")]
    [InlineData("")]
    [InlineData(null)]
    public void A_file_path_names_a_sqlite_file(string? location) => Assert.False(Database.IsServer(location));

    [Fact]
    public void A_uri_is_read_into_its_parts()
    {
        var builder = PostgresConnection.Parse("postgresql://case%20editor:s%3Acret@127.0.0.1:5433/rapporteur_osh?sslmode=disable");

        Assert.Equal(("127.0.0.1", 5433, "rapporteur_osh", "case editor", "s:cret"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Disable, builder.SslMode);
    }

    [Fact]
    public void A_missing_client_program_is_named_with_how_to_install_it()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => PostgresTools.Find("pg_absent_tool"));

        Assert.Contains("pg_absent_tool", missing.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql-client", missing.Message, StringComparison.Ordinal);
    }
}
