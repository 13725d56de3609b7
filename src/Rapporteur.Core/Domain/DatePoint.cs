using System.Globalization;

namespace Rapporteur.Core.Domain;

/// <summary>How much of a date the text gives.</summary>
public enum DatePrecision
{
    Year = 0,
    Month = 1,
    Day = 2,
}

/// <summary>A calendar date that always carries its precision: "2023", "2023-09" or "2023-09-09".</summary>
public readonly record struct DatePoint
{
    private DatePoint(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public int Year { get; }
    /// <summary>1-12 when <see cref="Precision"/> is Month or Day, else 0.</summary>
    public int Month { get; }
    /// <summary>1-31 when <see cref="Precision"/> is Day, else 0.</summary>
    public int Day { get; }
    public DatePrecision Precision { get; }

    public static DatePoint OfYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return new DatePoint(year, 0, 0, DatePrecision.Year);
    }

    public static DatePoint OfMonth(int year, int month)
    {
        _ = OfYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new DatePoint(year, month, 0, DatePrecision.Month);
    }

    public static DatePoint OfDay(int year, int month, int day)
    {
        _ = new DateOnly(year, month, day); // throws on 31 February
        return new DatePoint(year, month, day, DatePrecision.Day);
    }

    public static DatePoint Of(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    /// <summary>Day-precision dates only; a month or year has no single day.</summary>
    public DateOnly? AsDate => Precision == DatePrecision.Day ? new DateOnly(Year, Month, Day) : null;

    /// <summary>The first day the point could mean (for ordering timelines).</summary>
    public DateOnly Earliest => new(Year, Math.Max(Month, 1), Math.Max(Day, 1));

    public DatePoint Truncate(DatePrecision precision) => precision switch
    {
        _ when precision >= Precision => this,
        DatePrecision.Month => OfMonth(Year, Month),
        _ => OfYear(Year),
    };

    public static bool TryParse(string? text, out DatePoint value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Split('-');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }
        try
        {
            value = numbers.Length switch
            {
                1 => OfYear(numbers[0]),
                2 => OfMonth(numbers[0], numbers[1]),
                3 => OfDay(numbers[0], numbers[1], numbers[2]),
                _ => throw new FormatException(),
            };
            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            return false;
        }
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
