using System.Text.RegularExpressions;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Sources;

namespace Rapporteur.Core.Tests.Documents;

/// <summary>
/// The real texts of the shared corpus (beside the repository, never copied into it): listing
/// pages with tickers and paging must split into their articles and lose the furniture.
/// </summary>
public sealed partial class CorpusSegmentationTests
{
    private const string ListingWithSixArticles = "002_e246db015f6b03fb.txt";

    private static IReadOnlyList<Document> Segment(string path)
    {
        var input = new SourceInput(File.ReadAllBytes(path), path, DateTimeOffset.UnixEpoch, "text/plain");
        var read = Assert.IsType<Read>(new PlainTextReader().Read(input));
        return DocumentSegmenter.Segment(read);
    }

    private static string[] CorpusFiles()
    {
        var files = Directory.GetFiles(RepositoryRoot.CorpusDocs, "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(5, files.Length);
        return files;
    }

    [GeneratedRegex(@"[A-Z]{3}/USD =", RegexOptions.CultureInvariant)]
    private static partial Regex Ticker();

    [Fact]
    public void Listing_file_yields_its_six_articles()
    {
        var documents = Segment(Path.Combine(RepositoryRoot.CorpusDocs, ListingWithSixArticles));

        Assert.Equal(6, documents.Count);
        Assert.All(documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Title)));
        Assert.Equal(6, documents.Select(d => d.Title).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void No_document_of_the_corpus_keeps_a_ticker_line()
    {
        foreach (var file in CorpusFiles())
        {
            foreach (var document in Segment(file))
            {
                foreach (var line in document.Text.Split('\n'))
                {
                    Assert.False(Ticker().IsMatch(line), $"{Path.GetFileName(file)} document {document.Ordinal} keeps the ticker line \"{line}\"");
                }
            }
        }
    }

    [Fact]
    public void Whole_corpus_yields_ten_documents()
    {
        var counts = CorpusFiles().Select(f => Segment(f).Count).ToArray();

        Assert.Equal(10, counts.Sum());
    }

    [Fact]
    public void Every_corpus_document_maps_back_to_its_source_text()
    {
        foreach (var file in CorpusFiles())
        {
            var input = new SourceInput(File.ReadAllBytes(file), file, DateTimeOffset.UnixEpoch, "text/plain");
            var read = Assert.IsType<Read>(new PlainTextReader().Read(input));
            foreach (var document in DocumentSegmenter.Segment(read))
            {
                for (var i = 0; i < document.Text.Length; i++)
                {
                    Assert.Equal(read.Text[document.Map.ToSource(i)], document.Text[i]);
                }
            }
        }
    }
}
