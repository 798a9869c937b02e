using System;
using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Generates a deterministic C# program of about the requested number of lines.</summary>
    internal static class CodeGenerator
    {
        internal static GeneratedCode Generate(CodeShape shape, int targetLines, int seed)
        {
            var random = new Random(seed);
            var statistics = new GenerationStatistics();
            var planner = new ModulePlanner(shape, random);
            Func<ModulePlan, IEnumerable<(SourceFile File, int Lines)>> write = shape.IsBcl()
                ? new BclModuleWriter(shape, statistics).Write
                : new ModuleWriter(shape, statistics).Write;
            var files = new List<SourceFile>();
            int lines = 0;
            int linesBeforeLastModule = 0;
            int filesBeforeLastModule = 0;
            var statisticsBeforeLastModule = statistics.Clone();
            for (int module = 0; lines < targetLines; module++)
            {
                linesBeforeLastModule = lines;
                filesBeforeLastModule = files.Count;
                statisticsBeforeLastModule = statistics.Clone();
                foreach (var (file, fileLines) in write(planner.Plan(module)))
                {
                    files.Add(file);
                    lines += fileLines;
                }
            }

            // Whole modules only (a module's classes call each other): keep the count whose size is nearest the target.
            if (filesBeforeLastModule > 0 && targetLines - linesBeforeLastModule < lines - targetLines)
            {
                files.RemoveRange(filesBeforeLastModule, files.Count - filesBeforeLastModule);
                return new GeneratedCode(shape, files, linesBeforeLastModule, statisticsBeforeLastModule);
            }

            return new GeneratedCode(shape, files, lines, statistics);
        }
    }
}
