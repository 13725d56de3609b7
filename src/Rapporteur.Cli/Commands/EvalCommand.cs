using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rapporteur.Core.Extraction.Evaluation;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur eval --gold FILE --docs DIR`: extraction scored against hand-made labels.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var gold = new Option<string>("--gold") { Description = "Gold labels, one JSON object per document", Required = true };
        var docs = new Option<string>("--docs") { Description = "The folder of the labelled texts", Required = true };
        var minPersons = new Option<double>("--min-persons-f1") { Description = "Exit 1 when persons F1 falls below this" };
        var minEvents = new Option<double>("--min-events-f1") { Description = "Exit 1 when events F1 falls below this" };
        var predictions = new Option<string?>("--write-predictions") { Description = "Also write the predictions as JSONL to this file" };
        var command = new Command("eval", "Score extraction against gold labels (persons, events overall and by type)") { gold, docs, minPersons, minEvents, predictions };
        command.SetAction(result =>
        {
            var goldPath = result.GetValue(gold)!;
            var docsPath = result.GetValue(docs)!;
            if (!File.Exists(goldPath) || !Directory.Exists(docsPath))
            {
                context.Console.Profile.Out.Writer.WriteLine($"error: {(File.Exists(goldPath) ? docsPath + " is not a folder" : goldPath + " does not exist")}");
                return RapporteurCli.NothingDone;
            }
            var labels = Scorer.Load(File.ReadLines(goldPath));
            var predicted = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            var lines = new List<string>();
            foreach (var file in FileExtraction.Files([docsPath]))
            {
                var (json, _) = FileExtraction.Extract(file, context.Time);
                if (json is not null)
                {
                    predicted[Scorer.DocKey(file)] = json;
                    lines.Add(json.ToJsonString());
                }
            }
            if (result.GetValue(predictions) is { } path)
            {
                File.WriteAllLines(path, lines);
            }
            var score = Scorer.Score(labels, predicted);
            var w = context.Console.Profile.Out.Writer;
            foreach (var (type, s) in score.ByType)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-16} P={s.Precision:0.00} R={s.Recall:0.00} F1={s.F1:0.00}  (tp={s.TruePositives} fp={s.FalsePositives} fn={s.FalseNegatives})"));
            }
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persons          P={score.Persons.Precision:0.00} R={score.Persons.Recall:0.00} F1={score.Persons.F1:0.00}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events           P={score.Events.Precision:0.00} R={score.Events.Recall:0.00} F1={score.Events.F1:0.00}"));
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events F1, mean over documents: {score.EventsMacroF1:0.00}"));
            var below = score.Persons.F1 < result.GetValue(minPersons) || score.Events.F1 < result.GetValue(minEvents);
            if (below)
            {
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"below the floor: persons F1 {score.Persons.F1:0.000} (min {result.GetValue(minPersons)}), events F1 {score.Events.F1:0.000} (min {result.GetValue(minEvents)})"));
            }
            return below ? RapporteurCli.NothingDone : RapporteurCli.Success;
        });
        return command;
    }
}
