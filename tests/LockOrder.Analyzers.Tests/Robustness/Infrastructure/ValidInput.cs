using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>Generated inputs that claim to be valid C# against the real runtime must be, or they test something else.</summary>
    internal static class ValidInput
    {
        internal static void AssertCompiles(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Take(10).ToList();
            Assert.True(errors.Count == 0, "the generated input does not compile:\n" + string.Join("\n", errors));
        }
    }
}
