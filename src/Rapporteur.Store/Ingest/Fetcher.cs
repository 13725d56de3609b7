using System.Net.Http.Headers;
using Rapporteur.Core.Sources;

namespace Rapporteur.Store.Ingest;

/// <summary>An input ready to read, or one that could not be fetched, by name and reason.</summary>
public abstract record Fetched(string Origin);

/// <summary>Bytes fetched; for an address, the validators that let the next request ask only for a change.</summary>
public sealed record FetchedInput(SourceInput Input, CacheValidators? Validators = null) : Fetched(Input.Origin);

/// <summary>
/// Nothing fetched, with the reason. <paramref name="Transient"/> when trying again later may
/// succeed (no connection, a timeout, a server error), as opposed to an answer that will not change.
/// </summary>
public sealed record FetchFailed(string Origin, ReadProblem Problem, string Detail, bool Transient = false) : Fetched(Origin);

/// <summary>The server said the address has not changed since the validators were given (HTTP 304).</summary>
public sealed record NotModified(string Origin) : Fetched(Origin);

/// <summary>An ETag and a Last-Modified date, as the server sent them, for a conditional request.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <summary>
/// The I/O that Core never does: files, folders (recursively, in name order), and http(s)
/// addresses, each under a size cap and, for the network, a timeout.
/// </summary>
public sealed class Fetcher(HttpClient http, IngestOptions options, TimeProvider time)
{
    /// <summary>The concrete inputs behind the targets: folders become their files; nothing is read yet.</summary>
    public static IReadOnlyList<string> Plan(IEnumerable<string> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var plan = new List<string>();
        foreach (var target in targets)
        {
            if (!IsWebAddress(target) && Directory.Exists(target))
            {
                plan.AddRange(FilesUnder(target));
            }
            else
            {
                plan.Add(target);
            }
        }
        return plan;
    }

    /// <summary>Fetches one planned input: an address over the network, a file from disk.</summary>
    public async Task<Fetched> FetchAsync(string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsWebAddress(target))
        {
            return await FetchUrlAsync(target, cancellationToken);
        }
        if (File.Exists(target))
        {
            return await ReadFileAsync(target, cancellationToken);
        }
        return new FetchFailed(target, ReadProblem.NotFound, Directory.Exists(target) ? "a folder, not a file" : "no such file or folder");
    }

    public static bool IsWebAddress(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = System.IO.FileAttributes.Hidden })
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    public async Task<Fetched> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxBytes)
            {
                return new FetchFailed(path, ReadProblem.TooLarge, $"the file is {IngestOptions.Describe(info.Length)}, above the cap of {IngestOptions.Describe(options.MaxBytes)} (--max-size)");
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return new FetchedInput(new SourceInput(bytes, path, time.GetUtcNow(), MediaTypeOf(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FetchFailed(path, ReadProblem.Unreachable, "the file cannot be read: " + e.Message, Transient: e is IOException);
        }
    }

    public Task<Fetched> FetchUrlAsync(string url, CancellationToken cancellationToken) => FetchUrlAsync(url, null, cancellationToken);

    /// <summary>Fetches an address; with validators the request is conditional and an unchanged address gives <see cref="NotModified"/>.</summary>
    public async Task<Fetched> FetchUrlAsync(string url, CacheValidators? since, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
            if (since?.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            }
            if (since?.LastModified is { } modified)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (since is not null && response.StatusCode == System.Net.HttpStatusCode.NotModified)
            {
                return new NotModified(url);
            }
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                // Server errors, throttling and request timeouts pass; a missing or forbidden page does not.
                var transient = status >= 500 || status is 408 or 429;
                return new FetchFailed(url, ReadProblem.Unreachable, $"the server answered HTTP {status} {response.ReasonPhrase}", transient);
            }
            if (response.Content.Headers.ContentLength is { } length && length > options.MaxBytes)
            {
                return new FetchFailed(url, ReadProblem.TooLarge, $"the page is {IngestOptions.Describe(length)}, above the cap of {IngestOptions.Describe(options.MaxBytes)} (--max-size)");
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxBytes)
                {
                    return new FetchFailed(url, ReadProblem.TooLarge, $"the page is larger than the cap of {IngestOptions.Describe(options.MaxBytes)} (--max-size)");
                }
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var validators = new CacheValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            return new FetchedInput(new SourceInput(buffer.ToArray(), url, time.GetUtcNow(), mediaType), validators);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchFailed(url, ReadProblem.Unreachable, $"no answer within {options.Timeout.TotalSeconds:0} s", Transient: true);
        }
        catch (HttpRequestException e)
        {
            return new FetchFailed(url, ReadProblem.Unreachable, "cannot connect: " + e.Message, Transient: true);
        }
        catch (IOException e)
        {
            // A connection reset while the body was read.
            return new FetchFailed(url, ReadProblem.Unreachable, "the connection broke: " + e.Message, Transient: true);
        }
    }

    private static string? MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".txt" or ".text" => "text/plain",
        ".pdf" => "application/pdf",
        ".rss" => "application/rss+xml",
        ".atom" => "application/atom+xml",
        _ => null,
    };
}
