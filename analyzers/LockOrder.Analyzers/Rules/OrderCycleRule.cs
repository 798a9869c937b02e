using System.Collections.Generic;
using System.Linq;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK007: a cycle in the declared order makes every acquisition order wrong somewhere. Reported once per cycle,
    /// on the first of its declaring attributes in source (in the symbol action of the type that carries it, on itself
    /// or on one of its lock members), with the cycle's other declarations as additional locations.
    /// </summary>
    internal static class OrderCycleRule
    {
        internal static void AnalyzeType(SymbolAnalysisContext context, LockModel model)
        {
            if (context.Symbol is not INamedTypeSymbol type)
            {
                return;
            }

            var annotated = OrderAnnotatedSymbols(type);
            if (annotated.Count == 0)
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
                if (!annotated.Any(symbol => DeclaredOn(symbol, first, context)))
                {
                    continue;
                }

                var text = string.Join(" → ", cycle.Classes.Select(c => c.Display).Concat(new[] { cycle.Classes[0].Display }));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.ContradictoryOrder, first, declarations.Skip(1), text));
            }
        }

        /// <summary>The type and those of its fields and properties that carry an order attribute.</summary>
        private static List<ISymbol> OrderAnnotatedSymbols(INamedTypeSymbol type)
        {
            var symbols = new List<ISymbol>();
            if (DeclaredOrder.HasOrderAttribute(type))
            {
                symbols.Add(type);
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol or IPropertySymbol && DeclaredOrder.HasOrderAttribute(member))
                {
                    symbols.Add(member);
                }
            }

            return symbols;
        }

        private static bool DeclaredOn(ISymbol symbol, Location location, SymbolAnalysisContext context)
        {
            foreach (var attribute in symbol.GetAttributes())
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
