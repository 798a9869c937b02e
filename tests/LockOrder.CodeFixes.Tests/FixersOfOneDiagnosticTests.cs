using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Analyzers;
using LockOrder.CodeFixes.Fixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LockOrder.CodeFixes.Tests
{
    /// <summary>
    /// LOCK002 has two fixers. <c>dotnet format analyzers</c> computes a diagnostic's occurrences once and runs every
    /// fixer of it in turn, each through Fix All in the solution, on the solution the previous fixer left — but with
    /// the occurrences computed at the start, which it looks up by syntax tree. A fixer whose Fix All reports a change
    /// where it made none replaces every tree, and the next fixer then finds none of its occurrences.
    /// </summary>
    public sealed class FixersOfOneDiagnosticTests
    {
        private const string Program = LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int state = 5;
using (mem.Write())
{
    state++;
    Put(state);
}

[MightFault] static void Put(int v) => Console.WriteLine(v);
";

        [Fact]
        public async Task AFixerThatFixesNothingLeavesTheNextOneItsOccurrences()
        {
            var solution = await ProgramSolutionAsync(Program);
            var diagnostics = await Lock002Async(solution.Projects.Single());
            Assert.Single(diagnostics);

            // The hoist cannot apply (the call reads what the statement before it writes); the sink can.
            foreach (var fixer in new CodeFixProvider[] { new CopyFromUserBeforeLockCodeFixProvider(), new CopyToUserAfterReleaseCodeFixProvider() })
            {
                var changed = await FixAllInSolutionAsync(solution, fixer, diagnostics);
                if (changed.GetChanges(solution).GetProjectChanges().Any(p => p.GetChangedDocuments().Any()))
                {
                    solution = changed;
                }
            }

            var text = (await solution.Projects.Single().Documents.Single().GetTextAsync()).ToString();
            Assert.Equal(LockOrderFixTest<CopyToUserAfterReleaseCodeFixProvider>.Usings + @"var mem = new MemoryLock();
int state = 5;
using (mem.Write())
{
    state++;
}

Put(state);

[MightFault] static void Put(int v) => Console.WriteLine(v);
", text);
        }

        private static async Task<Solution> ProgramSolutionAsync(string source)
        {
            var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            return workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Program", "Program", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
                    metadataReferences: references.Add(MetadataReference.CreateFromFile(typeof(MmapLock).Assembly.Location))))
                .AddDocument(DocumentId.CreateNewId(projectId), "Program.cs", source);
        }

        private static async Task<ImmutableArray<Diagnostic>> Lock002Async(Project project)
        {
            var compilation = await project.GetCompilationAsync();
            var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LockOrderAnalyzer())).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id == "LOCK002").ToImmutableArray();
        }

        // What dotnet format does with one fixer: the first occurrence names the document and the fix's equivalence
        // key, and Fix All in the solution is handed the occurrences computed before any fixer ran.
        private static async Task<Solution> FixAllInSolutionAsync(Solution solution, CodeFixProvider fixer, ImmutableArray<Diagnostic> diagnostics)
        {
            var document = solution.GetDocument(diagnostics[0].Location.SourceTree);
            if (document is null)
            {
                return solution;
            }

            CodeAction? first = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => first ??= action, CancellationToken.None));
            var context = new FixAllContext(document, fixer, FixAllScope.Solution, first?.EquivalenceKey, new[] { "LOCK002" }, new ComputedOnce(diagnostics), CancellationToken.None);
            var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            if (fixAll is null)
            {
                return solution;
            }

            var operations = await fixAll.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        private sealed class ComputedOnce : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            internal ComputedOnce(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
        }
    }
}
