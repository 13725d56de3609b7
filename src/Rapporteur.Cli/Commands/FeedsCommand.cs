using System.CommandLine;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur feeds ...`: the feeds workers poll — add, list, remove.</summary>
public static class FeedsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("feeds", "Feeds polled by workers on a schedule: add, list, remove");
        command.Subcommands.Add(FeedsAddCommand.Create(context));
        command.Subcommands.Add(FeedsListCommand.Create(context));
        command.Subcommands.Add(FeedsRemoveCommand.Create(context));
        return command;
    }

    /// <summary>An interval as people write it: 90s, 30m, 2h, 1d.</summary>
    public static bool TryParseInterval(string text, out TimeSpan interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }
        if (!double.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        interval = char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return interval > TimeSpan.Zero;
    }

    public static string Describe(TimeSpan interval) =>
        interval.TotalDays >= 1 && interval.TotalDays % 1 == 0 ? FormattableString.Invariant($"{interval.TotalDays:0}d")
        : interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? FormattableString.Invariant($"{interval.TotalHours:0}h")
        : interval.TotalMinutes % 1 == 0 ? FormattableString.Invariant($"{interval.TotalMinutes:0}m")
        : FormattableString.Invariant($"{interval.TotalSeconds:0}s");
}
