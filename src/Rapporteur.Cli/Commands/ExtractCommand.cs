using System.CommandLine;
using System.Text.Json;

namespace Rapporteur.Cli.Commands;

/// <summary>`rapporteur extract PATH... --jsonl`: the facts of each file as one JSON object per line.</summary>
public static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to extract from", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per input file (the gold-label schema)" };
        var command = new Command("extract", "Extract persons, organisations and events from files, without storing anything") { paths, jsonl };
        command.SetAction(result =>
        {
            var failed = 0;
            var files = FileExtraction.Files(result.GetValue(paths)!);
            foreach (var file in files)
            {
                var (json, error) = FileExtraction.Extract(file, context.Time);
                if (json is null)
                {
                    failed++;
                    context.Console.Profile.Out.Writer.WriteLine($"# failed {error}");
                    continue;
                }
                if (result.GetValue(jsonl))
                {
                    context.Console.Profile.Out.Writer.WriteLine(json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                }
                else
                {
                    context.Console.Profile.Out.Writer.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                }
            }
            return files.Count == 0 || failed == files.Count ? RapporteurCli.NothingDone : failed > 0 ? RapporteurCli.SomeFailed : RapporteurCli.Success;
        });
        return command;
    }
}
