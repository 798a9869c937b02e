using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LockOrder.CodeFixes.Engine
{
    /// <summary>
    /// Fix All that applies the fixes of one document one after another, each on the result of the previous one.
    /// The batch fixer merges independently computed text changes and drops overlapping ones; lock fixes often edit
    /// the same block (two statements hoisted out of one scope), so each fix must see the tree the previous made.
    /// The diagnosed nodes are tracked through the edits with annotations, and every step is checked to compile.
    /// </summary>
    internal sealed class SequentialFixAllProvider : DocumentBasedFixAllProvider
    {
        private readonly LockFix fix;

        internal SequentialFixAllProvider(LockFix fix) => this.fix = fix;

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => fix.GenericTitle;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = fixAllContext.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || diagnostics.IsEmpty)
            {
                return document;
            }

            var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
            var targets = new List<(SyntaxAnnotation Diagnosed, SyntaxAnnotation? Held)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var diagnosed = LockFixRunner.FindLockNode(root, diagnostic.Location);
                if (diagnosed is null)
                {
                    continue;
                }

                var diagnosedMark = Mark(marks, diagnosed);
                var held = diagnostic.AdditionalLocations.Count > 0 ? LockFixRunner.FindLockNode(root, diagnostic.AdditionalLocations[0]) : null;
                targets.Add((diagnosedMark, held is null ? null : Mark(marks, held)));
            }

            var current = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            bool changed = false;
            foreach (var (diagnosedMark, heldMark) in targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var currentRoot = await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var diagnosed = currentRoot?.GetAnnotatedNodes(diagnosedMark).FirstOrDefault();
                if (diagnosed is null)
                {
                    continue;
                }

                var held = heldMark is null ? null : currentRoot!.GetAnnotatedNodes(heldMark).FirstOrDefault();
                var result = await LockFixRunner.TryApplyAsync(fix, current, diagnosed, held, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    current = result.Document;
                    changed = true;
                }
            }

            // The marks alone make a new tree: handing it back would report a change where none was made, and a host
            // that runs several fixers for one diagnostic (dotnet format) would then look for the next fixer's
            // diagnostics in a solution their trees no longer belong to, and fix nothing.
            return changed ? current : document;
        }

        private static SyntaxAnnotation Mark(Dictionary<SyntaxNode, List<SyntaxAnnotation>> marks, SyntaxNode node)
        {
            if (!marks.TryGetValue(node, out var list))
            {
                marks[node] = list = new List<SyntaxAnnotation>();
            }

            var mark = new SyntaxAnnotation("LockOrder.FixAllTarget");
            list.Add(mark);
            return mark;
        }
    }
}
