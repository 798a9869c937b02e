namespace LockOrder.Benchmarks.AnalyzerCost
{
    /// <summary>An exception an analyzer threw (what a build reports as AD0001), with what the driver says about where it happened.</summary>
    internal sealed class AnalyzerFailure
    {
        internal AnalyzerFailure(string analyzer, string summary, string exception, string context)
        {
            Analyzer = analyzer;
            Summary = summary;
            Exception = exception;
            Context = context;
        }

        internal string Analyzer { get; }

        /// <summary>The exception's type and message.</summary>
        internal string Summary { get; }

        /// <summary>The whole exception, stack trace included.</summary>
        internal string Exception { get; }

        /// <summary>The AD0001 diagnostic's message: the driver names the compilation, the tree and the node or symbol being analyzed.</summary>
        internal string Context { get; }

        internal string Describe() => $"{Analyzer}: {Summary}";
    }
}
