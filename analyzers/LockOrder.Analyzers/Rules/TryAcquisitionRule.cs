using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>LOCK010: a try-acquisition whose result is dropped leaves the following code running with or without the lock.</summary>
    internal static class TryAcquisitionRule
    {
        internal static void ResultIgnored(Rules.FindingSink sink, SyntaxNode invocation) =>
            sink.Report(Descriptors.TryAcquisitionResultIgnored, invocation.GetLocation(), null, invocation.ToString());
    }
}
