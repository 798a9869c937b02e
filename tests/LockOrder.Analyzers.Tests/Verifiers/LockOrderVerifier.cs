using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LockOrder.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs <see cref="LockOrderAnalyzer"/> on test sources compiled against .NET 8 and the real LockOrder.Runtime,
    /// and compares its diagnostics with the markup (<c>{|LOCK001:...|}</c>) and any explicit expectations.
    /// </summary>
    internal static class LockOrderVerifier
    {
        /// <summary>Prepended to every source, so tests show only the code that matters.</summary>
        internal const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing LockOrder;\n";

        internal static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<LockOrderAnalyzer, DefaultVerifier>.Diagnostic(id);

        internal static Task VerifyAsync(string source, params DiagnosticResult[] expected) => Create(source, expected).RunAsync(CancellationToken.None);

        /// <summary>As <see cref="VerifyAsync(string, DiagnosticResult[])"/>, with <c>.editorconfig</c> lines applying to every file.</summary>
        internal static Task VerifyWithOptionsAsync(string source, string editorConfigLines, params DiagnosticResult[] expected)
        {
            var test = Create(source, expected);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfigLines + "\n"));
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>For code that does not compile (typing in progress): compiler errors are not compared.</summary>
        internal static Task VerifyIncompleteAsync(string source, params DiagnosticResult[] expected)
        {
            var test = Create(source, expected);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync(CancellationToken.None);
        }

        internal static CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier> Create(string source, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier>
            {
                TestCode = Usings + source,
                ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            };
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }
    }
}
