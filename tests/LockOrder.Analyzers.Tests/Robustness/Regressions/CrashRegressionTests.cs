using System;
using LockOrder.Analyzers.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LockOrder.Analyzers.Tests.Robustness.Regressions
{
    /// <summary>
    /// Inputs on which the analyzer once crashed (AD0001) or hung, found by the fuzz and pathological tests, kept as
    /// regular tests. Each file also holds one real violation, so a fix that merely stops analyzing is caught too.
    /// </summary>
    public sealed class CrashRegressionTests
    {
        private const string RealViolation = """

            public sealed class RealViolation
            {
                private readonly MemoryLock memoryLock = new MemoryLock();

                public void Run(UserBuffer buffer)
                {
                    memoryLock.EnterWrite();
            /*LOCK002*/ buffer.CopyFromUser(default);
                    memoryLock.ExitWrite();
                }
            }
            """;

        /// <summary>Deadlock detector only.</summary>
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

        private readonly ITestOutputHelper output;

        public CrashRegressionTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void OrderAttributeGivenANullArrayIsIgnored()
        {
            // params Type[] bound to null: the attribute's array argument has no values at all (was a NullReferenceException).
            Verify("""
                using LockOrder;

                [AcquiredBefore(null)] public sealed class BeforeNull : MutexLock { }
                [AcquiredAfter(null)] public sealed class AfterNull : RwSemaphore { }

                public sealed class UsesThem
                {
                    private readonly BeforeNull before = new BeforeNull();
                    private readonly AfterNull after = new AfterNull();

                    public void Run()
                    {
                        using (before.Lock()) { using (after.Write()) { } }
                    }
                }
                """);
        }

        private void Verify(string source)
        {
            var run = BoundedAnalysis.Run(BoundedAnalysis.Compile(source + RealViolation), Bound);
            output.WriteLine(ExpectedDiagnostics.Verify(run, Completeness.Complete, exactWithinType: nameof(RealViolation)));
        }
    }
}
