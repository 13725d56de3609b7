using System.Diagnostics;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Fuzz;

/// <summary>A reader to fuzz, and the media type its inputs claim to be.</summary>
public sealed record FuzzTarget(string Name, ISourceReader Reader, string? Hint)
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("text", new PlainTextReader(), "text/plain"),
        new("html", new HtmlReader(), "text/html"),
        new("pdf", new PdfReader(), "application/pdf"),
        new("feed", new FeedReader(), "application/rss+xml"),
        new("any", new Chooser(), null),
    ];

    /// <summary>
    /// Reads the bytes, segments what was read, and says what went wrong: an exception, a refusal
    /// without a reason, a document character that maps back to a different source character,
    /// or more time than <paramref name="bound"/>. Null when all is well. The time is the
    /// processor time of the reading thread where the system tells it (Linux), so that other
    /// work on a busy machine does not count against the reader; the wall clock elsewhere.
    /// </summary>
    public string? Check(byte[] bytes, string origin, TimeSpan bound, out TimeSpan took)
    {
        var clock = ThreadClock.Start();
        string? failure;
        try
        {
            failure = Verify(Reader.Read(new SourceInput(bytes, origin, DateTimeOffset.UnixEpoch, Hint)), items: 20);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = $"{Name} reader threw {e.GetType().Name}: {e.Message}";
        }
        took = clock.Elapsed;
        if (failure is null && took > bound)
        {
            failure = $"{Name} reader took {took.TotalMilliseconds:0} ms{(clock.IsProcessorTime ? " of processor time" : "")}, more than {bound.TotalMilliseconds:0} ms";
        }
        // Work off the reading thread (a collection another thread started) is not in its
        // processor time; a generous wall-clock limit still catches a reader that leans on it.
        if (failure is null && bound != TimeSpan.MaxValue && clock.Wall > bound * 5)
        {
            failure = $"{Name} reader took {clock.Wall.TotalMilliseconds:0} ms of wall-clock time, more than {(bound * 5).TotalMilliseconds:0} ms";
        }
        return failure;
    }

    private static string? Verify(ReadResult result, int items)
    {
        switch (result)
        {
            case Refused refused:
                return string.IsNullOrWhiteSpace(refused.Detail) ? $"refused ({refused.Problem}) without saying why" : null;
            case Read read:
                foreach (var document in DocumentSegmenter.Segment(read))
                {
                    if (document.Map.DocumentLength != document.Text.Length)
                    {
                        return $"document {document.Ordinal} is {document.Text.Length} characters but its map covers {document.Map.DocumentLength}";
                    }
                    for (var i = 0; i < document.Text.Length; i++)
                    {
                        var at = document.Map.ToSource(i);
                        if (at >= read.Text.Length || read.Text[at] != document.Text[i])
                        {
                            return $"document {document.Ordinal} character {i} maps to source offset {at}, which holds another character";
                        }
                    }
                }
                // A feed's items become sources of their own, read as HTML.
                foreach (var item in read.Items.Take(items))
                {
                    if (Verify(new HtmlReader().Read(item.Input), 0) is { } failure)
                    {
                        return "feed item: " + failure;
                    }
                }
                return null;
            default:
                return "neither read nor refused";
        }
    }

    /// <summary>The default choice of reader by the bytes and the name, as ingestion makes it.</summary>
    private sealed class Chooser : ISourceReader
    {
        public int Claims(SourceInput input) => 1;

        public ReadResult Read(SourceInput input) => SourceReaders.Default.Read(input);
    }
}

/// <summary>
/// The processor time the current thread has used since <see cref="Start"/>, read from
/// /proc/thread-self/schedstat (nanoseconds on a processor); the wall clock where that file is missing.
/// </summary>
public sealed class ThreadClock
{
    private const string SchedStat = "/proc/thread-self/schedstat";
    private readonly long startedAt;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly bool processor;

    /// <summary>
    /// Whether this system counts a thread's processor time: spinning must show 5 ms of it within
    /// two seconds of wall-clock time, however busy the machine.
    /// </summary>
    private static readonly bool Counts = Spin();

    private ThreadClock()
    {
        if (Counts && Processor() is { } now)
        {
            startedAt = now;
            processor = true;
        }
    }

    public bool IsProcessorTime => processor;

    /// <summary>Processor time when it can be read, start and end; the wall clock otherwise, never less.</summary>
    public TimeSpan Elapsed => processor && Processor() is { } now ? TimeSpan.FromTicks((now - startedAt) / 100) : wall.Elapsed;

    /// <summary>The wall-clock time since the start, whatever else was running.</summary>
    public TimeSpan Wall => wall.Elapsed;

    public static ThreadClock Start() => new();

    private static bool Spin()
    {
        if (Processor() is not { } before)
        {
            return false;
        }
        var wall = Stopwatch.StartNew();
        while (wall.ElapsedMilliseconds < 2000)
        {
            Thread.SpinWait(1000);
            if (Processor() is { } now && now - before >= 5_000_000)
            {
                return true;
            }
        }
        return false;
    }

    private static long? Processor()
    {
        try
        {
            var fields = File.ReadAllText(SchedStat).Split(' ');
            return long.TryParse(fields[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nanoseconds) ? nanoseconds : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
