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
                // GetTypeByMetadataName returns null for a name declared twice, so also look at the source assembly.
                if (compilation.GetTypeByMetadataName(KnownNames.Namespace + "." + name) is not null
                    || compilation.Assembly.GetTypeByMetadataName(KnownNames.Namespace + "." + name) is not null)
                {
                    return new LockModel(compilation);
                }
            }

            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                    && assembly.GetTypeByMetadataName(KnownNames.Namespace + "." + KnownNames.Acquires) is not null)
                {
                    return new LockModel(compilation);
                }
            }

            return null;
        }
    }
}
