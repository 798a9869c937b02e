using System.Collections.Generic;
using System.Linq;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK007: a cycle in the declared order makes every acquisition order wrong somewhere. Reported once per cycle,
    /// on the first of its declaring attributes in source (in the symbol action of the type that carries it), with the
    /// cycle's other declarations as additional locations.
    /// </summary>
    internal static class OrderCycleRule
    {
        internal static void AnalyzeType(SymbolAnalysisContext context, LockModel model)
        {
            if (context.Symbol is not INamedTypeSymbol type || !HasOrderAttribute(type))
            {
                return;
            }

            foreach (var cycle in model.Order.Cycles)
            {
                var declarations = cycle.Declarations
                    .Select(d => d.ApplicationSyntaxReference)
                    .Where(r => r is not null)
                    .Select(r => r!.GetSyntax(context.CancellationToken).GetLocation())
                    .OrderBy(l => l.SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
                    .ThenBy(l => l.SourceSpan.Start)
                    .ToList();
                if (declarations.Count == 0)
                {
                    continue;
                }

                var first = declarations[0];
                if (!DeclaredOn(type, first, context))
                {
                    continue;
                }

                var text = string.Join(" → ", cycle.Classes.Select(DeclaredOrder.Display).Concat(new[] { DeclaredOrder.Display(cycle.Classes[0]) }));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ContradictoryOrder, first, declarations.Skip(1), text));
            }
        }

        private static bool HasOrderAttribute(INamedTypeSymbol type)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredBefore) || KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredAfter))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaredOn(INamedTypeSymbol type, Location location, SymbolAnalysisContext context)
        {
            foreach (var attribute in type.GetAttributes())
            {
                var reference = attribute.ApplicationSyntaxReference;
                if (reference is not null
                    && reference.SyntaxTree == location.SourceTree
                    && reference.Span.Contains(location.SourceSpan.Start)
                    && reference.GetSyntax(context.CancellationToken).GetLocation().SourceSpan == location.SourceSpan)
                {
                    return true;
                }
            }

            return false;
        }

    }
}
