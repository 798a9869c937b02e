using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>Generated inputs that claim to be valid C# against the real runtime must be, or they test something else.</summary>
    internal static class ValidInput
    {
        /// <summary>
        /// Asserts that <paramref name="compilation"/> has no errors and returns how long the compiler took to bind it:
        /// the analyzers cannot finish before the compiler has bound the code again for them, so on inputs where the
        /// compiler itself is slow (a 5,000-case switch) a hang detector has to allow for that time.
        /// </summary>
        internal static TimeSpan AssertCompiles(Compilation compilation)
        {
            var stopwatch = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(10).ToList();
            stopwatch.Stop();
            Assert.True(errors.Count == 0, "the generated input does not compile:\n" + string.Join("\n", errors));
            return stopwatch.Elapsed;
        }
    }
}
