using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LockOrder.Analyzers.Tests.Robustness.Infrastructure
{
    /// <summary>
    /// Offers and applies every LockOrder code fix for the diagnostics of one analysis, as the light bulb and Fix All
    /// would: each action is applied in a fresh workspace holding the analyzed text, and nothing may throw.
    /// </summary>
    internal static class CodeFixExerciser
    {
        private static readonly PropertyInfo? NestedActions =
            typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        /// <summary>
        /// Exercises the fixes for at most <paramref name="maxDiagnostics"/> LockOrder diagnostics of
        /// <paramref name="run"/> (whose compilation holds the single document <paramref name="source"/>), returning a
        /// description of every failure.
        /// </summary>
        internal static ImmutableArray<string> Exercise(string source, AnalysisRun run, TimeSpan bound, int maxDiagnostics)
        {
            var providers = LockOrderComponents.CreateCodeFixes();
            var diagnostics = run.LockOrderDiagnostics
                .Where(diagnostic => diagnostic.Location.IsInSource)
                .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
                .Take(maxDiagnostics)
                .ToImmutableArray();
            if (providers.IsEmpty || diagnostics.IsEmpty)
            {
                return ImmutableArray<string>.Empty;
            }

            var failures = new List<string>();
            var options = (CSharpCompilationOptions)run.Compilation.Options;
            using var boundSource = new CancellationTokenSource(bound);
            var work = Task.Run(() => ExerciseAsync(source, options, providers, diagnostics, run.LockOrderDiagnostics, failures, boundSource.Token));
            if (Task.WaitAny(new Task[] { work }, bound + bound) != 0)
            {
                lock (failures)
                {
                    failures.Add($"code fixes ignored cancellation: still running long after their {bound.TotalSeconds:F0} s bound");
                }
            }
            else if (work.IsFaulted || work.IsCanceled)
            {
                var exception = work.Exception?.GetBaseException();
                lock (failures)
                {
                    failures.Add(exception is OperationCanceledException || work.IsCanceled
                        ? $"code fixes did not finish within {bound.TotalSeconds:F0} s"
                        : "code fixes threw: " + exception);
                }
            }

            lock (failures)
            {
                return failures.ToImmutableArray();
            }
        }

        private static async Task ExerciseAsync(
            string source,
            CSharpCompilationOptions options,
            ImmutableArray<CodeFixProvider> providers,
            ImmutableArray<Diagnostic> diagnostics,
            ImmutableArray<Diagnostic> allDiagnostics,
            List<string> failures,
            CancellationToken cancellationToken)
        {
            foreach (var diagnostic in diagnostics)
            {
                foreach (var provider in providers.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var where = $"{provider.GetType().Name} on {AnalysisRun.Describe(diagnostic)}";
                    try
                    {
                        var offered = await OfferAsync(source, options, provider, diagnostic, cancellationToken).ConfigureAwait(false);
                        for (var index = 0; index < offered.Count; index++)
                        {
                            // Each action gets a workspace of its own: applying one must not depend on another having been applied.
                            var (workspace, document) = CreateDocument(source, options);
                            using (workspace)
                            {
                                var actions = await OfferAsync(document, provider, diagnostic, cancellationToken).ConfigureAwait(false);
                                if (actions.Count != offered.Count)
                                {
                                    Record(failures, $"{where}: offered {offered.Count} actions, then {actions.Count} for the same text");
                                    break;
                                }

                                await ApplyAsync(workspace, document.Id, actions[index], cancellationToken).ConfigureAwait(false);
                            }
                        }

                        await FixAllAsync(source, options, provider, diagnostic, allDiagnostics, offered, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception exception)
                    {
                        Record(failures, $"{where} threw: {exception}");
                    }
                }
            }
        }

        private static async Task FixAllAsync(
            string source,
            CSharpCompilationOptions options,
            CodeFixProvider provider,
            Diagnostic diagnostic,
            ImmutableArray<Diagnostic> allDiagnostics,
            IReadOnlyList<CodeAction> offered,
            CancellationToken cancellationToken)
        {
            var fixAll = provider.GetFixAllProvider();
            if (fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                return;
            }

            foreach (var equivalenceKey in offered.Select(action => action.EquivalenceKey).Distinct())
            {
                var (workspace, document) = CreateDocument(source, options);
                using (workspace)
                {
                    var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                    var remapped = allDiagnostics.Where(known => known.Location.IsInSource).Select(known => Remap(known, tree!)).ToImmutableArray();
                    var context = new FixAllContext(
                        document,
                        provider,
                        FixAllScope.Document,
                        equivalenceKey,
                        new[] { diagnostic.Id },
                        new KnownDiagnosticsProvider(remapped),
                        cancellationToken);
                    var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    if (action is not null)
                    {
                        await ApplyAsync(workspace, document.Id, action, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        private static async Task<IReadOnlyList<CodeAction>> OfferAsync(string source, CSharpCompilationOptions options, CodeFixProvider provider, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var (workspace, document) = CreateDocument(source, options);
            using (workspace)
            {
                return await OfferAsync(document, provider, diagnostic, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<IReadOnlyList<CodeAction>> OfferAsync(Document document, CodeFixProvider provider, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, Remap(diagnostic, tree!), (action, _) => actions.Add(action), cancellationToken);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            return actions.SelectMany(Flatten).ToList();
        }

        private static async Task ApplyAsync(Workspace workspace, DocumentId documentId, CodeAction action, CancellationToken cancellationToken)
        {
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                operation.Apply(workspace, cancellationToken);
            }

            // The editor shows the fixed document next: it must be readable and parse.
            var fixedDocument = workspace.CurrentSolution.GetDocument(documentId);
            if (fixedDocument is not null)
            {
                await fixedDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
                await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private static IEnumerable<CodeAction> Flatten(CodeAction action)
        {
            var nested = NestedActions?.GetValue(action) is ImmutableArray<CodeAction> children && !children.IsDefaultOrEmpty
                ? children
                : ImmutableArray<CodeAction>.Empty;
            return nested.IsEmpty ? new[] { action } : nested.SelectMany(Flatten);
        }

        private static (AdhocWorkspace Workspace, Document Document) CreateDocument(string source, CSharpCompilationOptions options)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Analyzed",
                "Analyzed",
                LanguageNames.CSharp,
                compilationOptions: options,
                parseOptions: BoundedAnalysis.ParseOptions,
                metadataReferences: AnalysisReferences.Framework,
                documents: new[]
                {
                    DocumentInfo.Create(
                        documentId,
                        "Input.cs",
                        loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
                        filePath: "Input.cs"),
                });
            workspace.AddSolution(SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Default, projects: new[] { project }));
            return (workspace, workspace.CurrentSolution.GetDocument(documentId)!);
        }

        /// <summary>
        /// The same diagnostic, located in <paramref name="tree"/> (the workspace's parse of the identical text), as
        /// the IDE would hand it to a fixer.
        /// </summary>
        private static Diagnostic Remap(Diagnostic diagnostic, SyntaxTree tree)
        {
            Location Map(Location location) =>
                location.IsInSource && location.SourceSpan.End <= tree.Length ? Location.Create(tree, location.SourceSpan) : location;

            var original = diagnostic.Descriptor;
            var message = diagnostic.GetMessage().Replace("{", "{{").Replace("}", "}}");
            var descriptor = new DiagnosticDescriptor(
                original.Id,
                original.Title,
                message,
                original.Category,
                original.DefaultSeverity,
                original.IsEnabledByDefault,
                original.Description,
                original.HelpLinkUri,
                original.CustomTags.ToArray());
            return Diagnostic.Create(descriptor, Map(diagnostic.Location), diagnostic.Severity, diagnostic.AdditionalLocations.Select(Map), diagnostic.Properties);
        }

        private static void Record(List<string> failures, string failure)
        {
            lock (failures)
            {
                failures.Add(failure);
            }
        }
    }
}
