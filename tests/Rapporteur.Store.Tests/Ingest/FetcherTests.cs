using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Store.Tests.Ingest;

/// <summary>
/// Files from a temp folder and addresses on 127.0.0.1 served by a one-shot TCP listener in the
/// test: the network edge is real, and never leaves the machine.
/// </summary>
public sealed class FetcherTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rapporteur-fetcher-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new();
    private readonly CancellationTokenSource stop = new(TimeSpan.FromSeconds(30));

    public FetcherTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
        http.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private Fetcher Fetcher(IngestOptions? options = null) => new(http, options ?? new IngestOptions(), TimeProvider.System);

    /// <summary>Serves one connection: reads the request head, then sends <paramref name="response"/> (or nothing, when null, until the test ends).</summary>
    private (string Url, Task Served) ServeOnce(byte[]? response)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var token = stop.Token;
        var served = Task.Run(async () =>
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(token);
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, token);
                    if (read == 0)
                    {
                        return;
                    }
                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }
                if (response is null)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                else
                {
                    await stream.WriteAsync(response, token);
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
            finally
            {
                listener.Stop();
            }
        });
        return ($"http://127.0.0.1:{port}/2025/03/article.html", served);
    }

    private static byte[] Response(string status, string contentType, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), .. body];

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task File_above_the_size_cap_is_refused_with_the_cap_named()
    {
        var path = Path.Combine(folder, "scan.txt");
        await using (var file = File.Create(path))
        {
            file.SetLength(2 * 1024 * 1024);
        }

        var fetched = await Fetcher(new IngestOptions { MaxBytes = 1024 * 1024 }).FetchAsync(path, CancellationToken.None);

        var failed = Assert.IsType<FetchFailed>(fetched);
        Assert.Equal(ReadProblem.TooLarge, failed.Problem);
        Assert.Equal(path, failed.Origin);
        Assert.Contains("1 MB", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_at_the_size_cap_is_read()
    {
        var path = Path.Combine(folder, "note.txt");
        await File.WriteAllBytesAsync(path, new byte[1000]);

        var fetched = await Fetcher(new IngestOptions { MaxBytes = 1000 }).FetchAsync(path, CancellationToken.None);

        Assert.Equal(1000, Assert.IsType<FetchedInput>(fetched).Input.Bytes.Length);
    }

    [Fact]
    public async Task File_is_read_with_its_bytes_and_a_media_type_from_its_name()
    {
        var path = Path.Combine(folder, "page.html");
        var bytes = Encoding.UTF8.GetBytes("<!doctype html><p>Aziza Karimova was released in Termez.</p>");
        await File.WriteAllBytesAsync(path, bytes);

        var input = Assert.IsType<FetchedInput>(await Fetcher().FetchAsync(path, CancellationToken.None)).Input;

        Assert.Equal(bytes, input.Bytes);
        Assert.Equal(path, input.Origin);
        Assert.Equal("text/html", input.MediaTypeHint);
    }

    [Fact]
    public async Task Missing_path_is_not_found()
    {
        var path = Path.Combine(folder, "no-such-statement.txt");

        var failed = Assert.IsType<FetchFailed>(await Fetcher().FetchAsync(path, CancellationToken.None));

        Assert.Equal(ReadProblem.NotFound, failed.Problem);
        Assert.Equal(path, failed.Origin);
    }

    [Fact]
    public void Folder_is_planned_as_its_files_in_name_order_without_hidden_ones()
    {
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "b", "2.txt"), "two");
        File.WriteAllText(Path.Combine(folder, "a.txt"), "one");
        File.WriteAllText(Path.Combine(folder, ".hidden.txt"), "never");

        var plan = Store.Ingest.Fetcher.Plan([folder, "https://example.org/x"]);

        Assert.Equal([Path.Combine(folder, "a.txt"), Path.Combine(folder, "b", "2.txt"), "https://example.org/x"], plan);
    }

    [Fact]
    public async Task Http_address_returns_the_bytes_and_the_media_type()
    {
        var body = Encoding.UTF8.GetBytes("<!doctype html><html><body><p>Aziza Karimova was released in Termez.</p></body></html>");
        var (url, served) = ServeOnce(Response("200 OK", "text/html; charset=utf-8", body));

        var input = Assert.IsType<FetchedInput>(await Fetcher().FetchAsync(url, CancellationToken.None)).Input;

        Assert.Equal(body, input.Bytes);
        Assert.Equal("text/html", input.MediaTypeHint);
        Assert.Equal(url, input.Origin);
        await served;
    }

    [Fact]
    public async Task Http_error_status_is_unreachable_with_the_status_named()
    {
        var (url, served) = ServeOnce(Response("404 Not Found", "text/plain", Encoding.ASCII.GetBytes("gone")));

        var failed = Assert.IsType<FetchFailed>(await Fetcher().FetchAsync(url, CancellationToken.None));

        Assert.Equal(ReadProblem.Unreachable, failed.Problem);
        Assert.Contains("404", failed.Detail, StringComparison.Ordinal);
        await served;
    }

    [Fact]
    public async Task Page_announced_above_the_size_cap_is_refused()
    {
        var (url, served) = ServeOnce(Response("200 OK", "text/html", new byte[4096]));

        var failed = Assert.IsType<FetchFailed>(await Fetcher(new IngestOptions { MaxBytes = 1024 }).FetchAsync(url, CancellationToken.None));

        Assert.Equal(ReadProblem.TooLarge, failed.Problem);
        await served;
    }

    [Fact]
    public async Task Closed_port_is_unreachable()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/x";

        var failed = Assert.IsType<FetchFailed>(await Fetcher().FetchAsync(url, CancellationToken.None));

        Assert.Equal(ReadProblem.Unreachable, failed.Problem);
        Assert.Equal(url, failed.Origin);
    }

    [Fact]
    public async Task Server_that_never_answers_is_unreachable_after_the_timeout()
    {
        var (url, _) = ServeOnce(null);
        var clock = Stopwatch.StartNew();

        var failed = Assert.IsType<FetchFailed>(await Fetcher(new IngestOptions { Timeout = TimeSpan.FromSeconds(1) }).FetchAsync(url, CancellationToken.None));

        clock.Stop();
        Assert.Equal(ReadProblem.Unreachable, failed.Problem);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }
}
