using System;
using System.Linq;
using LockOrder.Benchmarks.AnalyzerCost;
using LockOrder.Benchmarks.Generation;
using LockOrder.Benchmarks.LockCost;

namespace LockOrder.Benchmarks
{
    internal static class Program
    {
        private const string Usage =
            "usage: dotnet run -c Release --project tests/LockOrder.Benchmarks -- analyzer|locks [--quick]\n" +
            "  analyzer  LockOrder analyzers' cost against the compiler's on generated code (10k/100k/500k lock-heavy lines, 100k ordinary)\n" +
            "  locks     uncontended MemoryLock/VmaLock enter+exit against ReaderWriterLockSlim/System.Threading.Lock, validator off and on\n" +
            "  --quick   small sizes and few runs: checks the harness, the generator and the analyzers end to end (numbers indicative only)\n" +
            "  analyzer --shape lock-heavy|ordinary --lines N [--runs R]   one workload only (for profiling)\n" +
            "  analyzer ... --no-interprocedural   with lockorder.interprocedural = false (no method summaries: what they cost)";

        private static string? Option(string[] args, string name)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        private static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string? mode = args.FirstOrDefault();
            switch (mode)
            {
                case "analyzer":
                    bool interprocedural = !args.Contains("--no-interprocedural");
                    string? shape = Option(args, "--shape");
                    if (shape is null)
                    {
                        return AnalyzerBenchmark.Run(quick, only: null, interprocedural);
                    }

                    if ((shape != "lock-heavy" && shape != "ordinary")
                        || !int.TryParse(Option(args, "--lines"), out int lines)
                        || !int.TryParse(Option(args, "--runs") ?? "1", out int runs))
                    {
                        Console.Error.WriteLine(Usage);
                        return 2;
                    }

                    return AnalyzerBenchmark.Run(quick, new Workload(shape == "ordinary" ? CodeShape.Ordinary : CodeShape.LockHeavy, lines, runs), interprocedural);
                case "locks":
                    return LockBenchmark.Run(quick);
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
    }
}
