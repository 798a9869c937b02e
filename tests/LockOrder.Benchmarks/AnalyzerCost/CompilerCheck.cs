using System.Collections.Generic;

namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>What the compiler said about a workload in its first (untimed) compilation: generated code must have no error; a corpus's errors are counted so a reader can judge them.</summary>
    internal sealed class CompilerCheck
    {
        internal CompilerCheck(
            int errors,
            int warnings,
            IReadOnlyList<KeyValuePair<string, int>> errorsById,
            IReadOnlyList<KeyValuePair<string, int>> warningsById,
            IReadOnlyList<string> firstErrors,
            string? firstWarning)
        {
            Errors = errors;
            Warnings = warnings;
            ErrorsById = errorsById;
            WarningsById = warningsById;
            FirstErrors = firstErrors;
            FirstWarning = firstWarning;
        }

        internal int Errors { get; }

        internal int Warnings { get; }

        /// <summary>Error counts by diagnostic id, most frequent first.</summary>
        internal IReadOnlyList<KeyValuePair<string, int>> ErrorsById { get; }

        /// <summary>Warning counts by diagnostic id, most frequent first.</summary>
        internal IReadOnlyList<KeyValuePair<string, int>> WarningsById { get; }

        internal IReadOnlyList<string> FirstErrors { get; }

        internal string? FirstWarning { get; }
    }
}
