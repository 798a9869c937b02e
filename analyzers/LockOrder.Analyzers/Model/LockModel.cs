using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The per-compilation facts every rule shares: decoded annotations, the declared order and what the creations of
    /// BCL lock members say. One instance per compilation (created in the compilation-start action); nothing here is
    /// static or mutable across compilations. Every compilation gets one: the BCL locks are checked whether or not the
    /// compilation can see LockOrder's annotations (DESIGN §11).
    /// </summary>
    internal sealed class LockModel
    {
        private readonly Lazy<DeclaredOrder> order;

        private LockModel(Compilation compilation)
        {
            Compilation = compilation;
            Annotations = new AnnotationReader();
            Getters = new TrivialGetters(compilation);
            BclFacts = new BclLockFacts(compilation, Getters);
            order = new Lazy<DeclaredOrder>(() => DeclaredOrder.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        internal Compilation Compilation { get; }

        internal AnnotationReader Annotations { get; }

        /// <summary>Whether each <c>SemaphoreSlim</c> member is a lock and each <c>ReaderWriterLockSlim</c> member re-entrant.</summary>
        internal BclLockFacts BclFacts { get; }

        /// <summary>Properties that only return a field of their object, or the object: a lock read through one is that lock.</summary>
        internal TrivialGetters Getters { get; }

        /// <summary>The declared order, built on first use (a walk over the compilation's types).</summary>
        internal DeclaredOrder Order => order.Value;

        internal static LockModel Create(Compilation compilation) => new LockModel(compilation);

        /// <summary>
        /// The LockOrder type <paramref name="metadataName"/> as <paramref name="compilation"/> sees it: declared in
        /// source, else in the LockOrder.Runtime reference, else wherever it is declared once. Looking in those two
        /// first spares a compilation-wide lookup, which loads the namespace tables of every referenced assembly (the
        /// whole framework) before the analyzer has done anything.
        /// </summary>
        internal static INamedTypeSymbol? FindType(Compilation compilation, string metadataName)
        {
            if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } declaredInSource)
            {
                return declaredInSource;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name == KnownNames.RuntimeAssembly && assembly.GetTypeByMetadataName(metadataName) is { } declaredInRuntime)
                {
                    return declaredInRuntime;
                }
            }

            return compilation.GetTypeByMetadataName(metadataName);
        }
    }
}
