using LockOrder.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LockOrder.CodeFixes.Tests
{
    /// <summary>
    /// A code-fix test that runs the real LockOrder analyzer over user code compiled against .NET 8 and the real
    /// LockOrder.Runtime assembly, so the diagnostics a fix sees are the ones users see.
    /// </summary>
    public sealed class LockOrderFixTest<TCodeFix> : CSharpCodeFixTest<LockOrderAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>Names the lock types and annotations the test sources use.</summary>
        public const string Usings = "using System;\nusing LockOrder;\n\n";

        /// <summary>Also names the BCL's locks (<c>Monitor</c>, <c>SemaphoreSlim</c>, <c>Lock</c>, …) and tasks.</summary>
        public const string BclUsings = "using System;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing LockOrder;\n\n";

        public LockOrderFixTest()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location));
        }

        /// <summary>A test whose fixed code is <paramref name="fixedSource"/>, or that expects no fix when it is <see langword="null"/>.</summary>
        public static LockOrderFixTest<TCodeFix> Create(string source, string? fixedSource, string usings = Usings)
        {
            var test = new LockOrderFixTest<TCodeFix> { TestCode = usings + source };
            test.FixedCode = usings + (fixedSource ?? source);
            return test;
        }

        /// <summary>
        /// The same test compiled against the running .NET's own framework instead of .NET 8's reference assemblies: for
        /// code that uses what .NET 9 added (<c>System.Threading.Lock</c>).
        /// </summary>
        public LockOrderFixTest<TCodeFix> OnCurrentRuntime()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.Clear();
            TestState.AdditionalReferences.AddRange(CurrentRuntime.References);
            return this;
        }

        /// <summary>
        /// A Fix All test over several documents, each given as its path, its source and its fixed source: one pass
        /// of the fix must fix them all, at the scopes <paramref name="behaviors"/> does not skip.
        /// </summary>
        public static LockOrderFixTest<TCodeFix> AcrossDocuments(CodeFixTestBehaviors behaviors, params (string Path, string Source, string FixedSource)[] documents) =>
            AcrossDocuments(behaviors, Usings, documents);

        /// <summary>As <see cref="AcrossDocuments(CodeFixTestBehaviors, (string, string, string)[])"/>, each document starting with <paramref name="usings"/>.</summary>
        public static LockOrderFixTest<TCodeFix> AcrossDocuments(CodeFixTestBehaviors behaviors, string usings, params (string Path, string Source, string FixedSource)[] documents)
        {
            var test = new LockOrderFixTest<TCodeFix> { CodeFixTestBehaviors = behaviors, NumberOfFixAllIterations = 1 };
            foreach (var (path, source, fixedSource) in documents)
            {
                test.TestState.Sources.Add((path, usings + source));
                test.FixedState.Sources.Add((path, usings + fixedSource));
            }

            return test;
        }
    }
}
