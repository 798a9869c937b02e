using System.Collections.Generic;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>A generated program and the facts about it that the report prints next to the timings.</summary>
    internal sealed class GeneratedCode
    {
        internal GeneratedCode(CodeShape shape, IReadOnlyList<SourceFile> files, int lines, GenerationStatistics statistics)
        {
            Shape = shape;
            Files = files;
            Lines = lines;
            Statistics = statistics;
        }

        internal CodeShape Shape { get; }

        internal IReadOnlyList<SourceFile> Files { get; }

        internal int Lines { get; }

        internal GenerationStatistics Statistics { get; }
    }
}
