using System.Globalization;
using System.Text.RegularExpressions;
using Rapporteur.Core.Domain;

namespace Rapporteur.Core.Extraction;

/// <summary>A date written in the text, normalised at the precision the text supports (null when nothing is certain).</summary>
public sealed record DateMention(Span Span, DatePoint? Value, bool Relative);

/// <summary>A duration written in the text: a prison term, a period.</summary>
public sealed record DurationMention(Span Span, int? Months, int? Days);

/// <summary>
/// Dates and durations. Absolute forms are read as written; relative forms ("on Tuesday", "last
/// month", "two weeks ago") are resolved against the document's date, and when that is unknown
/// they keep only what is certain, which is usually nothing.
/// </summary>
public static partial class DateRecogniser
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    public static List<DateMention> Find(string text, Span within, DatePoint? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateMention>();
        var slice = within.Start == 0 && within.Length == text.Length ? text : text.Substring(within.Start, within.Length);
        foreach (var pattern in (Regex[])[AbsoluteDates(), Weekdays(), RelativeDates(), AgoDates(), BareMonths()])
        {
            if (pattern == AgoDates() && !slice.Contains("ago", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match m in pattern.Matches(slice))
            {
                var span = new Span(within.Start + m.Index, m.Length);
                if (found.Exists(f => f.Span.Overlaps(span)))
                {
                    continue;
                }
                found.Add(new DateMention(span, Read(m, anchor), IsRelative(m)));
            }
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    private static bool IsRelative(Match m) =>
        m.Groups["bare_m"].Success || m.Groups["weekday"].Success || m.Groups["rel"].Success || m.Groups["ago"].Success ||
        ((m.Groups["dm_d"].Success || m.Groups["md_d"].Success) && !m.Groups["year"].Success);

    private static DatePoint? Read(Match m, DatePoint? anchor)
    {
        try
        {
            if (m.Groups["iso"].Success)
            {
                return DatePoint.TryParse(m.Groups["iso"].Value, out var iso) ? iso : null;
            }
            var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (m.Groups["dm_d"].Success || m.Groups["md_d"].Success)
            {
                var day = int.Parse(m.Groups["dm_d"].Success ? m.Groups["dm_d"].Value : m.Groups["md_d"].Value, CultureInfo.InvariantCulture);
                var month = MonthOf(m.Groups["dm_d"].Success ? m.Groups["dm_m"].Value : m.Groups["md_m"].Value);
                if (year is { } y)
                {
                    return DatePoint.OfDay(y, month, day);
                }
                if (anchor is { Precision: >= DatePrecision.Month } a)
                {
                    // The most recent such day on or shortly after the document's date.
                    var candidate = new DateOnly(a.Year, month, Math.Min(day, DateTime.DaysInMonth(a.Year, month)));
                    var limit = a.Earliest.AddDays(a.Precision == DatePrecision.Day ? 7 : 31);
                    if (candidate > limit)
                    {
                        candidate = candidate.AddYears(-1);
                    }
                    return DatePoint.OfDay(candidate.Year, candidate.Month, day);
                }
                return null;
            }
            if (m.Groups["bare_m"].Success)
            {
                // "in December" on a page dated March 2024 means December 2023: the latest such month not after the page.
                if (anchor is not { } a)
                {
                    return null;
                }
                var month = MonthOf(m.Groups["bare_m"].Value);
                var inYear = month > a.Month ? a.Year - 1 : a.Year;
                return a.Precision == DatePrecision.Year ? null : DatePoint.OfMonth(inYear, month);
            }
            if (m.Groups["my_m"].Success)
            {
                return DatePoint.OfMonth(year!.Value, MonthOf(m.Groups["my_m"].Value));
            }
            if (m.Groups["yonly"].Success)
            {
                return DatePoint.OfYear(int.Parse(m.Groups["yonly"].Value, CultureInfo.InvariantCulture));
            }
            if (anchor is not { } at)
            {
                return null;
            }
            if (m.Groups["weekday"].Success)
            {
                if (at.Precision != DatePrecision.Day)
                {
                    return null;
                }
                var target = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value, ignoreCase: true);
                var date = at.AsDate!.Value;
                while (date.DayOfWeek != target)
                {
                    date = date.AddDays(-1);
                }
                return DatePoint.Of(date);
            }
            if (m.Groups["rel"].Success)
            {
                var rel = m.Groups["rel"].Value.ToLowerInvariant();
                var d = at.Earliest;
                return rel switch
                {
                    "today" or "this morning" or "this afternoon" or "this evening" or "tonight" when at.Precision == DatePrecision.Day => at,
                    "yesterday" when at.Precision == DatePrecision.Day => DatePoint.Of(d.AddDays(-1)),
                    "last week" or "earlier this week" or "this week" when at.Precision == DatePrecision.Day => DatePoint.OfMonth(d.AddDays(rel == "last week" ? -7 : 0).Year, d.AddDays(rel == "last week" ? -7 : 0).Month),
                    "last month" when at.Precision >= DatePrecision.Month => DatePoint.OfMonth(d.AddMonths(-1).Year, d.AddMonths(-1).Month),
                    "this month" or "earlier this month" when at.Precision >= DatePrecision.Month => DatePoint.OfMonth(d.Year, d.Month),
                    "last year" => DatePoint.OfYear(at.Year - 1),
                    "this year" or "earlier this year" => DatePoint.OfYear(at.Year),
                    _ => null,
                };
            }
            if (m.Groups["ago"].Success)
            {
                var n = Numbers.Parse(m.Groups["n"].Value);
                if (n is null)
                {
                    return null;
                }
                var unit = m.Groups["unit"].Value.ToLowerInvariant();
                var d = at.Earliest;
                return unit switch
                {
                    "day" or "days" when at.Precision == DatePrecision.Day => DatePoint.Of(d.AddDays(-n.Value)),
                    "week" or "weeks" when at.Precision == DatePrecision.Day => DatePoint.OfMonth(d.AddDays(-7 * n.Value).Year, d.AddDays(-7 * n.Value).Month),
                    "month" or "months" when at.Precision >= DatePrecision.Month => DatePoint.OfMonth(d.AddMonths(-n.Value).Year, d.AddMonths(-n.Value).Month),
                    "year" or "years" => DatePoint.OfYear(at.Year - n.Value),
                    _ => null,
                };
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // "31 February": not a date; nothing certain.
        }
        return null;
    }

    public static int MonthOf(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    /// <summary>The date a document speaks from: its metadata, else a dateline near its top.</summary>
    public static DatePoint? DocumentDate(string text, DatePoint? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (published is { } p)
        {
            return p;
        }
        var head = text.Length > 1200 ? text[..1200] : text;
        foreach (var line in head.Split('\n').Take(16))
        {
            // Every absolute form has a digit; a line of plain ASCII without one has no date
            // (non-ASCII text is always read: a digit there may be of another script).
            if (line.AsSpan().IndexOfAnyInRange('0', '9') < 0 && System.Text.Ascii.IsValid(line))
            {
                continue;
            }
            // Without a document date only absolute forms can name a day, and they are found before any other form.
            foreach (Match m in AbsoluteDates().Matches(line))
            {
                if (Read(m, null) is { Precision: DatePrecision.Day } day && line.Length < 400 && DatelineStart(line, m.Index, m.Index + m.Length))
                {
                    return day;
                }
            }
        }
        return null;
    }

    // A dateline date sits at the start of its line, after a place, a "Published:" label or a byline.
    private static bool DatelineStart(string line, int position, int end) =>
        (position <= 40 && (line.Length < 250 || DatelinePrefix().IsMatch(line.AsSpan(0, position))))
        || (line.Length < 200 && line.AsSpan(end).Trim().TrimEnd('.').IsEmpty);

    [GeneratedRegex(@"^\s*(?:(?:[\p{Lu}][\p{L}\-]+\s*){1,3}(?:\([^)]*\))?\s*[,:\-–—]\s*|(?:[\p{Lu}][\p{L}\-]+\s*){1,3}\([^)]*|published:?\s*|posted:?\s*|updated:?\s*|date\s*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePrefix();

    public static List<DurationMention> Durations(string text, Span within)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DurationMention>();
        var slice = within.Start == 0 && within.Length == text.Length ? text : text.Substring(within.Start, within.Length);
        foreach (Match m in DurationPattern().Matches(slice))
        {
            var n = Numbers.Parse(m.Groups["n"].Value);
            if (n is null)
            {
                continue;
            }
            var half = m.Groups["half"].Success;
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            int? months = null, days = null;
            if (unit.StartsWith("year", StringComparison.Ordinal))
            {
                months = n.Value * 12 + (half ? 6 : 0);
                if (m.Groups["n2"].Success && Numbers.Parse(m.Groups["n2"].Value) is { } extra)
                {
                    months += extra;
                }
            }
            else if (unit.StartsWith("month", StringComparison.Ordinal))
            {
                months = n.Value;
            }
            else if (unit.StartsWith("week", StringComparison.Ordinal))
            {
                days = n.Value * 7;
            }
            else
            {
                days = n.Value;
            }
            // The match starts at the unit; the mention starts at the number.
            var start = m.Groups["n"].Index;
            found.Add(new DurationMention(Span.FromBounds(within.Start + start, within.Start + m.Index + m.Length), months, days));
        }
        return found;
    }

    // Three passes, each with a narrow set of first characters, scan faster than one alternation of all forms.
    [GeneratedRegex(@"\b(?:(?<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?<dm_d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|(?=\p{Lu}\p{Ll}\p{Ll}(?:19|20)\d\d))(?<dm_m>" + Month + @")\.?(?:,?\s*(?<year>(?:19|20)\d\d))?|(?<md_m>" + Month + @")\.?\s+(?<md_d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d))?|(?<my_m>" + Month + @"),?\s+(?:of\s+)?(?<year>(?:19|20)\d\d)|(?:(?<=\b(?i:in|since|from|until|till|by|of|during|early|late|mid|end of|spring|summer|autumn|fall|winter)\s+)|(?<=\bmid-))(?<yonly>(?:19|20)\d\d)\b)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteDates();

    [GeneratedRegex(@"\b(?:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"(?<=\b(?i:in|since|until|till|by|from|early|late|mid|mid-|end of|beginning of|during)\s+)(?<bare_m>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!,?\s+(?:19|20)\d\d|\s+\d)", RegexOptions.CultureInvariant)]
    private static partial Regex BareMonths();

    [GeneratedRegex(@"\b(?<rel>today|yesterday|this morning|this afternoon|this evening|tonight|last week|this week|earlier this week|last month|this month|earlier this month|last year|this year|earlier this year)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDates();

    // Kept apart from the named relative dates: its leading number words ("a", "one") start half
    // the words of a text, so it only runs on texts that say "ago" at all.
    [GeneratedRegex(@"\b(?<ago>(?<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<unit>days?|weeks?|months?|years?)\s+ago)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgoDates();

    // Anchored on the unit, the number read backwards: units are rare words, while the number
    // words ("one", "two", "ten") start a good part of all words, which the engine would try one by one.
    [GeneratedRegex(@"(?<=\b(?<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-\w+|thirty|forty|fifty|sixty|ninety)(?<half>[- ]and[- ]a[- ]half)?[- ])(?<unit>years?|months?|weeks?|days?)(?:['’]s?)?(?:\s+and\s+(?<n2>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}

/// <summary>Numbers written as digits or English words.</summary>
public static class Numbers
{
    private static readonly string[] Units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static int? Parse(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        var w = word.ToLowerInvariant();
        if (w is "a" or "an")
        {
            return 1;
        }
        var i = Array.IndexOf(Units, w);
        if (i >= 0)
        {
            return i;
        }
        var parts = w.Split('-');
        var t = Array.IndexOf(Tens, parts[0]);
        if (t >= 2)
        {
            return t * 10 + (parts.Length > 1 ? Math.Max(Array.IndexOf(Units, parts[1]), 0) : 0);
        }
        return null;
    }
}
