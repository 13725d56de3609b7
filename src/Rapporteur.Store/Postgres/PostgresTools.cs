using System.Diagnostics;
using Npgsql;

namespace Rapporteur.Store.Postgres;

/// <summary>
/// Finds and runs PostgreSQL's client programs (pg_dump, pg_restore): on PATH first, else the
/// newest of Debian's versioned folders, since a pg_dump older than the server refuses to dump it.
/// </summary>
public static class PostgresTools
{
    private const string DebianFolders = "/usr/lib/postgresql";

    public static string Find(string tool)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        var candidates = new List<string>();
        if (Directory.Exists(DebianFolders))
        {
            candidates.AddRange(Directory.GetDirectories(DebianFolders)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin", tool)));
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        candidates.InsertRange(0, path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, tool)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{tool} was not found on PATH or under {DebianFolders}/*/bin: install the PostgreSQL client programs (Debian: apt-get install postgresql-client)", tool);
    }

    /// <summary>Runs the tool, against the server when one is given; the password, if any, goes through the environment, never the command line.</summary>
    public static async Task<ToolRun> RunAsync(string tool, NpgsqlConnectionStringBuilder? connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (connection is null)
        {
            return await RunAsync(tool, start, cancellationToken);
        }
        start.ArgumentList.Add("--dbname=" + PostgresConnection.ToLibpq(connection));
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        return await RunAsync(tool, start, cancellationToken);
    }

    private static async Task<ToolRun> RunAsync(string tool, ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new IOException($"{tool} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ToolRun(process.ExitCode, await output, await error);
    }
}
