using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LockOrder.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs <see cref="LockOrderAnalyzer"/> on test sources compiled against .NET 8 and the real LockOrder.Runtime,
    /// and compares its diagnostics with the markup (<c>{|LOCK001:...|}</c>) and any explicit expectations. Every
    /// verification runs twice: with the analyzer as it ships, and with every body analyzed over its control-flow graph
    /// (no structured fast path) — both must give exactly the expected diagnostics.
    /// </summary>
    internal static class LockOrderVerifier
    {
        /// <summary>Prepended to every source, so tests show only the code that matters.</summary>
        internal const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing LockOrder;\n";

        /// <summary>A corpus program as it compiles: the rule tests' programs are written without the usings this verifier adds.</summary>
        internal static string AsProgram(string source) => source.Contains("using LockOrder;") ? source : Usings + source;

        internal static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<LockOrderAnalyzer, DefaultVerifier>.Diagnostic(id);

        internal static Task VerifyAsync(string source, params DiagnosticResult[] expected) => RunBothAsync(source, expected, _ => { });

        /// <summary>As <see cref="VerifyAsync(string, DiagnosticResult[])"/>, with <c>.editorconfig</c> lines applying to every file.</summary>
        internal static Task VerifyWithOptionsAsync(string source, string editorConfigLines, params DiagnosticResult[] expected) =>
            RunBothAsync(source, expected, test => test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfigLines + "\n")));

        /// <summary>For code that does not compile (typing in progress): compiler errors are not compared.</summary>
        internal static Task VerifyIncompleteAsync(string source, params DiagnosticResult[] expected) =>
            RunBothAsync(source, expected, test => test.CompilerDiagnostics = CompilerDiagnostics.None);

        /// <summary>
        /// As <see cref="VerifyAsync(string, DiagnosticResult[])"/>, compiled against the running .NET's own framework
        /// instead of .NET 8's reference assemblies: for code that uses what .NET 9 added (<c>System.Threading.Lock</c>).
        /// </summary>
        internal static Task VerifyOnCurrentRuntimeAsync(string source, params DiagnosticResult[] expected) =>
            RunBothAsync(source, expected, test =>
            {
                test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                test.TestState.AdditionalReferences.Clear();
                test.TestState.AdditionalReferences.AddRange(Robustness.Infrastructure.AnalysisReferences.Framework);
            });

        private static async Task RunBothAsync(string source, DiagnosticResult[] expected, Action<CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier>> configure)
        {
            var shipped = Create(source, expected);
            configure(shipped);
            await shipped.RunAsync(CancellationToken.None).ConfigureAwait(false);

            var reference = Create(new ReferenceAnalyzerTest(), source, expected);
            configure(reference);
            await reference.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }

        internal static CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier> Create(string source, params DiagnosticResult[] expected) =>
            Create(new CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier>(), source, expected);

        private static CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier> Create(CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier> test, string source, DiagnosticResult[] expected)
        {
            test.TestCode = Usings + source;
            test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location));
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        /// <summary>
        /// The analyzer with both shortcuts off: every body analyzed over its control-flow graph, every followed callee's
        /// body bound (no structured fast path, no syntactic effect screen).
        /// </summary>
        private sealed class ReferenceAnalyzerTest : CSharpAnalyzerTest<LockOrderAnalyzer, DefaultVerifier>
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { new LockOrderAnalyzer(shortcuts: false) };
        }
    }
}
