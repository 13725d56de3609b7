using System.Text.Json.Nodes;
using Rapporteur.Core.Documents;
using Rapporteur.Core.Domain;
using Rapporteur.Core.Extraction;
using Rapporteur.Core.Extraction.Evaluation;
using Rapporteur.Core.Sources;
using Rapporteur.Store.Ingest;

namespace Rapporteur.Cli.Commands;

/// <summary>Reads files from disk and extracts each into one labelled-facts object, without touching a database.</summary>
public static class FileExtraction
{
    public static (JsonObject? Json, string? Error) Extract(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot be read: {e.Message}");
        }
        var read = SourceReaders.Default.Read(new SourceInput(bytes, path, time.GetUtcNow()));
        if (read is Refused refused)
        {
            return (null, $"{path}: {refused.Detail}");
        }
        var documents = DocumentSegmenter.Segment((Read)read);
        var parts = documents.Select(d => (d, Extractor.Default.Extract(d.Text, d.Published))).ToList();
        return (LabelledDocument.ToJson(Path.GetFileName(path), parts), null);
    }

    public static IReadOnlyList<string> Files(IEnumerable<string> targets) => Fetcher.Plan(targets).Where(File.Exists).ToList();
}
