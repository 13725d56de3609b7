using System.CommandLine;

namespace Rapporteur.Cli;

/// <summary>Options every verb takes.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The database: a SQLite file path, or a PostgreSQL connection string (Host=...;Database=...;Username=... or postgres://...); default RAPPORTEUR_DB, else data/rapporteur.db",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Write error details to rapporteur.log beside the database",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Verbose);
    }

    public string DatabaseLocation(ParseResult result) =>
        result.GetValue(Db) ?? Environment.GetEnvironmentVariable("RAPPORTEUR_DB") ?? Rapporteur.Store.Database.DefaultPath;
}
