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
            var writer = new ModuleWriter(shape, statistics);
            var files = new List<GeneratedFile>();
            int lines = 0;
            for (int module = 0; lines < targetLines; module++)
            {
                foreach (var (file, fileLines) in writer.Write(planner.Plan(module)))
                {
                    files.Add(file);
                    lines += fileLines;
                }
            }

            return new GeneratedCode(shape, files, lines, statistics);
        }
    }
}
