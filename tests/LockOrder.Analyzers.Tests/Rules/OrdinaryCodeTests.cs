using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>Code that does not use LockOrder at all gets no diagnostic, with or without the runtime referenced.</summary>
    public sealed class OrdinaryCodeTests
    {
        private const string Ordinary = @"
using System;
using System.Threading;
using System.Threading.Tasks;

class Counter
{
    private readonly object gate = new object();
    private int count;

    public async Task<int> IncrementAsync()
    {
        lock (gate)
        {
            count++;
        }

        await Task.Yield();
        Monitor.Enter(gate);
        try { return count; } finally { Monitor.Exit(gate); }
    }
}";

        [Fact]
        public Task WithoutTheRuntimeNothingIsReported()
        {
            var test = new CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier> { TestCode = Ordinary, ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task WithTheRuntimeReferencedNothingIsReported() => Verifiers.LockOrderVerifier.VerifyAsync(Ordinary.Replace("using System;", string.Empty));
    }
}
