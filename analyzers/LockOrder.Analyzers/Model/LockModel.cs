using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The per-compilation facts every rule shares: decoded annotations and the declared order. One instance per
    /// compilation (created in the compilation-start action); nothing here is static or mutable across compilations.
    /// </summary>
    internal sealed class LockModel
    {
        private readonly Lazy<DeclaredOrder> order;

        private LockModel(Compilation compilation)
        {
            Compilation = compilation;
            Annotations = new AnnotationReader();
            order = new Lazy<DeclaredOrder>(() => DeclaredOrder.Build(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        internal Compilation Compilation { get; }

        internal AnnotationReader Annotations { get; }

        /// <summary>The declared order, built on first use (a walk over the compilation's types).</summary>
        internal DeclaredOrder Order => order.Value;

        /// <summary>
        /// The model for <paramref name="compilation"/>, or <see langword="null"/> when the compilation cannot see any
        /// LockOrder attribute — ordinary code then costs nothing.
        /// </summary>
        internal static LockModel? TryCreate(Compilation compilation)
        {
            foreach (var name in new[] { KnownNames.Acquires, KnownNames.MightFault, KnownNames.AcquiredBefore, KnownNames.TryAcquires, KnownNames.Requires, KnownNames.MayAcquire })
            {
                if (FindType(compilation, KnownNames.Namespace + "." + name) is not null)
                {
                    return new LockModel(compilation);
                }
            }

            // A compilation-wide lookup answers null for a name declared twice: look in each referenced assembly too.
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.GetTypeByMetadataName(KnownNames.Namespace + "." + KnownNames.Acquires) is not null)
                {
                    return new LockModel(compilation);
                }
            }

            return null;
        }

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
