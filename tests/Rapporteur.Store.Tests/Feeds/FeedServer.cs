using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rapporteur.Store.Tests.Feeds;

/// <summary>
/// An RSS feed served over HTTP on 127.0.0.1 (a port the system picks) by a minimal Kestrel. It
/// sends an ETag made from the feed's bytes and answers 304 when the request names that ETag;
/// it can be told to fail with 503 instead.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<(string Title, string Link, string Body)> items = [];
    private int requests, notModified;

    private FeedServer(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";
    public bool Failing { get; set; }
    public int Requests => Volatile.Read(ref requests);
    public int NotModifiedAnswers => Volatile.Read(ref notModified);
    /// <summary>The If-None-Match header of the last request, if it had one.</summary>
    public string? LastIfNoneMatch { get; private set; }

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new FeedServer(builder.Build());
        server.app.MapGet("/feed.rss", server.Serve);
        await server.app.StartAsync();
        server.Url = server.app.Urls.Single() + "/feed.rss";
        return server;
    }

    public void Add(string title, string link, string body)
    {
        lock (items)
        {
            items.Add((title, link, body));
        }
    }

    private async Task Serve(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        LastIfNoneMatch = context.Request.Headers.IfNoneMatch.FirstOrDefault();
        if (Failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(Rss());
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
        if (LastIfNoneMatch == etag)
        {
            Interlocked.Increment(ref notModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/rss+xml";
        await context.Response.Body.WriteAsync(bytes);
    }

    private string Rss()
    {
        var rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fergana Valley Monitor</title>");
        lock (items)
        {
            // Newest first, as feeds are.
            foreach (var (title, link, body) in Enumerable.Reverse(items))
            {
                rss.Append("<item><title>").Append(System.Net.WebUtility.HtmlEncode(title)).Append("</title><link>").Append(link)
                    .Append("</link><description>").Append(System.Net.WebUtility.HtmlEncode(body)).Append("</description></item>");
            }
        }
        return rss.Append("</channel></rss>").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
