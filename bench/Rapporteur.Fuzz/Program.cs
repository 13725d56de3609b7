using Rapporteur.Core.Tests.Fuzz;
using SharpFuzz;

// Coverage-guided fuzzing of one reader under AFL, through SharpFuzz; scripts/fuzz-afl.sh runs it.
//   Rapporteur.Fuzz seeds TARGET FOLDER SAMPLES   writes the test suite's seeds for TARGET into FOLDER
//   Rapporteur.Fuzz TARGET                        the AFL target: text, html, pdf, feed or any
// Each input is read and segmented and its offset maps checked, as in the test suite; whatever the
// check reports is thrown, so that AFL keeps the input as a crash. Hangs are AFL's own timeout.
if (args is ["seeds", var seedTarget, var folder, var samples])
{
    Directory.CreateDirectory(folder);
    foreach (var seed in FuzzSeeds.For(seedTarget, samples).Where(s => s.Bytes.Length <= 256 * 1024))
    {
        File.WriteAllBytes(Path.Combine(folder, seed.Name), seed.Bytes);
    }
    return 0;
}
var name = args.Length > 0 ? args[0] : "any";
string[] names = ["text", "html", "pdf", "feed", "any"];
if (!names.Contains(name))
{
    Console.Error.WriteLine($"unknown target '{name}': expected one of {string.Join(", ", names)}");
    return 2;
}
var origin = "fuzz." + name switch { "text" => "txt", "any" or "feed" => "xml", _ => name };
// Instrumented code may only run inside Run, where SharpFuzz has mapped AFL's coverage memory:
// the readers are made on the first input, not before.
FuzzTarget? target = null;
Fuzzer.OutOfProcess.Run(stream =>
{
    target ??= FuzzTarget.All.First(t => t.Name == name);
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    if (target.Check(buffer.ToArray(), origin, TimeSpan.MaxValue, out _) is { } failure)
    {
        throw new InvalidDataException(failure);
    }
});
return 0;
