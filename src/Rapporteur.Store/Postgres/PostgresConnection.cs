using System.Globalization;
using Npgsql;

namespace Rapporteur.Store.Postgres;

/// <summary>
/// Reads a --db value as a PostgreSQL server: a key=value connection string (Host=...;Database=...)
/// or a postgres:// URI, which Npgsql does not read itself.
/// </summary>
public static class PostgresConnection
{
    public static bool IsConnectionString(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.TrimStart();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The location as an Npgsql connection string.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }
        // Query parameters use libpq's names; the ones Npgsql shares (sslmode, application_name, ...) carry over.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).Replace('_', ' ');
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[key] = value;
        }
        return builder;
    }

    /// <summary>The same server and credentials, another database.</summary>
    public static string WithDatabase(NpgsqlConnectionStringBuilder builder, string database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = database };
        return copy.ConnectionString;
    }

    /// <summary>A database name quoted as an SQL identifier.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The connection as libpq's key=value string, for pg_dump and pg_restore; the password goes through the environment instead.</summary>
    public static string ToLibpq(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        static string Value(string v) => "'" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        var parts = new List<string> { "host=" + Value(builder.Host ?? "localhost"), "port=" + builder.Port.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(builder.Database))
        {
            parts.Add("dbname=" + Value(builder.Database));
        }
        if (!string.IsNullOrEmpty(builder.Username))
        {
            parts.Add("user=" + Value(builder.Username));
        }
        if (builder.SslMode != SslMode.Prefer)
        {
            parts.Add("sslmode=" + Value(builder.SslMode.ToString().ToLowerInvariant()));
        }
        return string.Join(' ', parts);
    }
}
