using System.Diagnostics;
using System.Globalization;

namespace Rapporteur.Bench;

/// <summary>
/// Ingest throughput through the job queue:
///   dotnet run -c Release --project bench/Rapporteur.Bench -- workers [articles] [workers] [db]
/// Writes the generated articles to a folder, enqueues it with `rapporteur enqueue`, then starts
/// that many `rapporteur worker --drain` processes at once on the database (a fresh SQLite file
/// unless a PostgreSQL connection string names a fresh database) and times them until all exit.
/// </summary>
internal static class WorkersBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var folder = Path.Combine(Path.GetTempPath(), "rapporteur-workers-bench-" + Guid.NewGuid().ToString("N"));
        var inputs = Path.Combine(folder, "in");
        Directory.CreateDirectory(inputs);
        var db = args.Length > 3 ? args[3] : Path.Combine(folder, "bench.db");
        var rapporteur = Path.Combine(AppContext.BaseDirectory, "rapporteur.dll");
        try
        {
            var generator = new ArticleGenerator(seed: 42);
            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                var text = generator.Next(i);
                bytes += text.Length;
                await File.WriteAllTextAsync(Path.Combine(inputs, FormattableString.Invariant($"{i:D6}.txt")), text);
            }
            if (await Run(rapporteur, ["enqueue", inputs, "--db", db]).WaitAsync() is var enqueued and not 0)
            {
                Console.Error.WriteLine($"enqueue exited with {enqueued}");
                return 1;
            }
            var busyBefore = BusyCoreSeconds();
            var clock = Stopwatch.StartNew();
            var processes = Enumerable.Range(0, workers).Select(_ => Run(rapporteur, ["worker", "--drain", "--concurrency", "1", "--db", db])).ToList();
            var codes = await Task.WhenAll(processes.Select(p => p.WaitAsync()));
            clock.Stop();
            Console.WriteLine(FormattableString.Invariant($"articles {count}"));
            Console.WriteLine(FormattableString.Invariant($"mean_article_bytes {bytes / count}"));
            Console.WriteLine(FormattableString.Invariant($"workers {workers}"));
            Console.WriteLine(FormattableString.Invariant($"worker_exit_codes {string.Join(",", codes)}"));
            Console.WriteLine(FormattableString.Invariant($"ingest_articles_per_second {count / clock.Elapsed.TotalSeconds:0}"));
            Console.WriteLine(FormattableString.Invariant($"peak_worker_working_set_mb {processes.Max(p => p.PeakMegabytes)}"));
            // Every process on the machine (workers and database server): how many of its cores the run kept busy.
            if (busyBefore is { } before && BusyCoreSeconds() is { } after)
            {
                Console.WriteLine(FormattableString.Invariant($"machine_cores_busy {(after - before) / clock.Elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount}"));
            }
            return codes.All(c => c == 0) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Seconds of processor time spent outside idle and I/O wait since boot, over all cores (Linux /proc/stat; null elsewhere).
    private static double? BusyCoreSeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait, in clock ticks of 1/100 s.
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100.0;
    }

    private static Child Run(string dll, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new Child(Process.Start(start)!);
    }

    /// <summary>A child process whose output is drained as it comes, with its peak memory read before it is reaped.</summary>
    private sealed class Child(Process process)
    {
        private readonly Task<string> output = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> errors = process.StandardError.ReadToEndAsync();

        public long PeakMegabytes { get; private set; }

        public async Task<int> WaitAsync()
        {
            while (!process.HasExited)
            {
                try
                {
                    process.Refresh();
                    PeakMegabytes = Math.Max(PeakMegabytes, process.PeakWorkingSet64 / 1_000_000);
                }
                catch (InvalidOperationException)
                {
                    break;
                }
                await Task.Delay(200);
            }
            await process.WaitForExitAsync();
            await Task.WhenAll(output, errors);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(await errors);
            }
            return process.ExitCode;
        }
    }
}
