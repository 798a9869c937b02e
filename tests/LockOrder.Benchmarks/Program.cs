using System;
using System.Linq;
using LockOrder.Benchmarks.AnalyzerCost;
using LockOrder.Benchmarks.LockCost;

namespace LockOrder.Benchmarks
{
    internal static class Program
    {
        private const string Usage =
            "usage: dotnet run -c Release --project tests/LockOrder.Benchmarks -- analyzer|locks [--quick]\n" +
            "  analyzer  LockOrder analyzers' cost against the compiler's on generated code (10k/100k/500k lock-heavy lines, 100k ordinary)\n" +
            "  locks     uncontended MemoryLock/VmaLock enter+exit against ReaderWriterLockSlim/System.Threading.Lock, validator off and on\n" +
            "  --quick   small sizes and few rounds, to check the harness itself (numbers not meaningful)";

        private static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string? mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
            switch (mode)
            {
                case "analyzer":
                    return AnalyzerBenchmark.Run(quick);
                case "locks":
                    return LockBenchmark.Run(quick);
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
    }
}
