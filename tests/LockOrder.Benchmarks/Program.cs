using System;
using System.IO;
using System.Linq;
using LockOrder.Benchmarks.AnalyzerCost;
using LockOrder.Benchmarks.Corpus;
using LockOrder.Benchmarks.Generation;
using LockOrder.Benchmarks.LockCost;

namespace LockOrder.Benchmarks
{
    internal static class Program
    {
        private static readonly string Usage =
            "usage: dotnet run -c Release --project tests/LockOrder.Benchmarks -- analyzer|locks|corpus|generate ...\n" +
            "  analyzer [--quick]   LockOrder analyzers' cost against the compiler's on generated code (10k/100k/500k lock-heavy lines, 100k ordinary; the same over BCL locks)\n" +
            "  locks [--quick]      uncontended MemoryLock/VmaLock enter+exit against ReaderWriterLockSlim/System.Threading.Lock, validator off and on\n" +
            "  corpus <dir> [--diagnostics <file>] [--runs R] [--quick]   the same ratios on every .cs file under <dir> as one compilation;\n" +
            "                       the LockOrder diagnostics and analyzer exceptions to <file> (JSON if it ends in .json); exit 1 if an analyzer throws\n" +
            "  generate <dir> --shape S --lines N [--seed N]   writes a generated workload to <dir>, to read it or compile it\n" +
            "  --quick   small sizes and few runs: checks the harness, the generator and the analyzers end to end (numbers indicative only)\n" +
            $"  analyzer --shape {CodeShapes.Names} --lines N [--runs R]   one workload only (for profiling)\n" +
            "  analyzer|corpus ... --no-interprocedural   with lockorder.interprocedural = false (no method summaries: what they cost)";

        private static string? Option(string[] args, string name)
        {
            int index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        private static int Fail()
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        private static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            bool interprocedural = !args.Contains("--no-interprocedural");
            string? mode = args.FirstOrDefault();
            switch (mode)
            {
                case "analyzer":
                    string? shapeName = Option(args, "--shape");
                    if (shapeName is null)
                    {
                        return AnalyzerBenchmark.Run(quick, only: null, interprocedural);
                    }

                    if (!CodeShapes.TryParse(shapeName, out var shape)
                        || !int.TryParse(Option(args, "--lines"), out int lines)
                        || !int.TryParse(Option(args, "--runs") ?? "1", out int runs))
                    {
                        return Fail();
                    }

                    return AnalyzerBenchmark.Run(quick, new Workload(shape, lines, runs), interprocedural);
                case "corpus":
                    if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
                        || !int.TryParse(Option(args, "--runs") ?? (quick ? "1" : CorpusBenchmark.DefaultRuns.ToString()), out int corpusRuns)
                        || corpusRuns < 1)
                    {
                        return Fail();
                    }

                    return CorpusBenchmark.Run(args[1], Option(args, "--diagnostics"), quick, corpusRuns, interprocedural);
                case "generate":
                    if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
                        || !CodeShapes.TryParse(Option(args, "--shape"), out var generatedShape)
                        || !int.TryParse(Option(args, "--lines"), out int generatedLines)
                        || !int.TryParse(Option(args, "--seed") ?? AnalyzerBenchmark.Seed.ToString(), out int seed))
                    {
                        return Fail();
                    }

                    return Generate(args[1], generatedShape, generatedLines, seed);
                case "locks":
                    return LockBenchmark.Run(quick);
                default:
                    return Fail();
            }
        }

        private static int Generate(string folder, CodeShape shape, int lines, int seed)
        {
            var code = CodeGenerator.Generate(shape, lines, seed);
            foreach (var file in code.Files)
            {
                string path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            Console.WriteLine($"{shape.Name()}: {code.Files.Count} files, {code.Lines} lines, {code.Statistics.Methods} methods written to {folder}");
            return 0;
        }
    }
}
