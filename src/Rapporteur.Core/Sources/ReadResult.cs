namespace Rapporteur.Core.Sources;

/// <summary>Bytes as captured, with what the caller knows about them.</summary>
public sealed record SourceInput(byte[] Bytes, string Origin, DateTimeOffset CapturedAt, string? MediaTypeHint = null)
{
    /// <summary>The file extension of the origin, lower case, with its dot ("" when there is none).</summary>
    public string Extension
    {
        get
        {
            var path = Origin;
            var cut = path.IndexOfAny(['?', '#']);
            if (cut >= 0)
            {
                path = path[..cut];
            }
            return Path.GetExtension(path).ToLowerInvariant();
        }
    }
}

/// <summary>Why a source could not be read. A closed list, so the summary can count by reason.</summary>
public enum ReadProblem
{
    Empty,
    Binary,
    InvalidEncoding,
    TooLarge,
    Corrupt,
    Unsupported,
    NoText,
    Unreachable,
    NotFound,
}

/// <summary>What a reader made of a source: its text, or a refusal with a reason.</summary>
public abstract record ReadResult;

/// <summary>
/// A source read: its full text (the text documents point into), what the source says about
/// itself, and, for a feed, the items that become sources of their own.
/// </summary>
public sealed record Read(string MediaType, string Text) : ReadResult
{
    public string? Title { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }
    public string? Publisher { get; init; }
    public IReadOnlyList<FeedItem> Items { get; init; } = [];
    /// <summary>Where each article of a listing starts in <see cref="Text"/>, when the reader knows (HTML &lt;article&gt; elements).</summary>
    public IReadOnlyList<int> ArticleStarts { get; init; } = [];
    /// <summary>Things worth telling the user that did not stop the read (truncated HTML, a broken feed item).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>A source refused, with the reason in words a user understands.</summary>
public sealed record Refused(ReadProblem Problem, string Detail) : ReadResult;

/// <summary>An item of a feed: its own bytes become a source linked to the feed.</summary>
public sealed record FeedItem(SourceInput Input, string? Title, DateTimeOffset? PublishedAt);
