using System.Diagnostics;
using System.Globalization;
using Rapporteur.Core.Tests.Fuzz;

namespace Rapporteur.Bench;

/// <summary>
/// The readers' property-based fuzzing, run for a time budget instead of a fixed count:
///   dotnet run -c Release --project bench/Rapporteur.Bench -- fuzz [seconds] [text|html|pdf|feed|any]
/// The budget is shared between the targets. Prints, per target, inputs tried, failures and the
/// slowest input; each failing input is saved under the temporary folder to become a regression test.
/// </summary>
internal static class FuzzVerb
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var targets = args.Length > 2 ? FuzzTarget.All.Where(t => t.Name == args[2]).ToList() : [.. FuzzTarget.All];
        var samples = Path.Combine(RepositoryRootFolder(), "sample", "articles");
        var failuresFolder = Path.Combine(Path.GetTempPath(), "rapporteur-fuzz-failures");
        var random = new Random(20250314);
        var totalFailures = 0;
        foreach (var target in targets)
        {
            var seeds = FuzzSeeds.For(target.Name, samples);
            foreach (var seed in seeds)
            {
                target.Check(seed.Bytes, seed.Name, TimeSpan.MaxValue, out _);
            }
            var budget = Stopwatch.StartNew();
            long tried = 0, failures = 0, bytes = 0;
            var slowest = TimeSpan.Zero;
            var slowestSize = 0;
            while (budget.Elapsed.TotalSeconds < seconds / targets.Count)
            {
                var seed = seeds[random.Next(seeds.Count)];
                var other = seeds[random.Next(seeds.Count)];
                var input = seed.Bytes;
                var mutations = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Mutation.Random(random)).ToList();
                foreach (var mutation in mutations)
                {
                    input = mutation.Apply(input, other.Bytes);
                }
                var failure = target.Check(input, seed.Name, TimeSpan.FromSeconds(2 + (4.0 * input.Length / 1_000_000)), out var took);
                tried++;
                bytes += input.Length;
                if (took > slowest)
                {
                    slowest = took;
                    slowestSize = input.Length;
                }
                if (failure is not null)
                {
                    failures++;
                    Directory.CreateDirectory(failuresFolder);
                    var path = Path.Combine(failuresFolder, FormattableString.Invariant($"{target.Name}-{failures}-{Path.GetExtension(seed.Name).TrimStart('.')}.bin"));
                    File.WriteAllBytes(path, input);
                    Console.Error.WriteLine($"{target.Name}: {failure} (seed {seed.Name}; {string.Join(", ", mutations)}; saved to {path})");
                }
            }
            totalFailures += (int)failures;
            Console.WriteLine(FormattableString.Invariant($"fuzz_{target.Name}_inputs {tried}"));
            Console.WriteLine(FormattableString.Invariant($"fuzz_{target.Name}_failures {failures}"));
            Console.WriteLine(FormattableString.Invariant($"fuzz_{target.Name}_mean_input_bytes {(tried == 0 ? 0 : bytes / tried)}"));
            Console.WriteLine(FormattableString.Invariant($"fuzz_{target.Name}_slowest_ms {slowest.TotalMilliseconds:0}"));
            Console.WriteLine(FormattableString.Invariant($"fuzz_{target.Name}_slowest_input_bytes {slowestSize}"));
        }
        Console.WriteLine(FormattableString.Invariant($"peak_working_set_mb {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
        return totalFailures == 0 ? 0 : 1;
    }

    private static string RepositoryRootFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rapporteur.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"no Rapporteur.slnx above {AppContext.BaseDirectory}");
    }
}
