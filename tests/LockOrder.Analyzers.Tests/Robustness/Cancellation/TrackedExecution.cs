using System;

namespace LockOrder.Analyzers.Tests.Robustness.Cancellation
{
    /// <summary>One run of one analyzer action: what it was for and how it ended.</summary>
    internal sealed class TrackedExecution
    {
        internal TrackedExecution(string kind, string? symbol, bool cancelledAtStart, string outcome, TimeSpan elapsed)
        {
            Kind = kind;
            Symbol = symbol;
            CancelledAtStart = cancelledAtStart;
            Outcome = outcome;
            Elapsed = elapsed;
        }

        /// <summary>The registration it came from: "OperationBlock", "SymbolEnd", "CompilationEnd", ...</summary>
        internal string Kind { get; }

        /// <summary>The symbol the action was for (the method whose body it analyzes), if any.</summary>
        internal string? Symbol { get; }

        /// <summary>The analysis had already been cancelled when the action was invoked.</summary>
        internal bool CancelledAtStart { get; }

        /// <summary>"returned", "cancelled" (threw <see cref="OperationCanceledException"/>), or "threw X".</summary>
        internal string Outcome { get; }

        internal TimeSpan Elapsed { get; }

        public override string ToString() =>
            $"{Kind} on {Symbol ?? "(compilation)"}{(CancelledAtStart ? ", invoked after cancellation," : string.Empty)} {Outcome} after {Elapsed.TotalMilliseconds:F0} ms";
    }
}
