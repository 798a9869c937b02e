using System.Linq;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LockOrder.Analyzers.Rules
{
    /// <summary>
    /// LOCK015: an order or contract attribute that names a member (<c>nameof(_sync)</c>, <c>typeof(Journal),
    /// nameof(Journal.Sync)</c>) must name a field or property that holds a lock; one that does not would leave the
    /// declared order or contract silently out of the analysis. On a lock member, an order naming a type must name a
    /// lock type.
    /// </summary>
    internal static class AnnotationRule
    {
        internal static void AnalyzeSymbol(SymbolAnalysisContext context)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            switch (context.Symbol)
            {
                case INamedTypeSymbol type:
                    CheckOrder(context, type, type, isMember: false);
                    break;
                case IFieldSymbol or IPropertySymbol:
                    var member = context.Symbol;
                    if (!DeclaredOrder.HasOrderAttribute(member))
                    {
                        break;
                    }

                    if (LockClassResolver.FromMember(member) is null)
                    {
                        foreach (var attribute in member.GetAttributes().Where(IsOrderAttribute))
                        {
                            Report(context, attribute, "'" + member.Name + "' is of type '" + LockMembers.TypeOf(member)?.ToDisplayString() + "', which no lock statement or lock type can hold; declare the order on the member that holds the lock");
                        }

                        break;
                    }

                    CheckOrder(context, member, member.ContainingType, isMember: true);
                    break;
                case IMethodSymbol method:
                    CheckContracts(context, method);
                    break;
            }
        }

        private static void CheckOrder(SymbolAnalysisContext context, ISymbol annotated, INamedTypeSymbol memberContext, bool isMember)
        {
            foreach (var attribute in annotated.GetAttributes())
            {
                if (!IsOrderAttribute(attribute))
                {
                    continue;
                }

                var arguments = attribute.ConstructorArguments;
                if (arguments.Length == 2 && arguments[0].Kind == TypedConstantKind.Type && arguments[1].Value is string otherMember)
                {
                    if (arguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } owner)
                    {
                        CheckMemberName(context, attribute, owner, otherMember);
                    }

                    continue;
                }

                foreach (var argument in arguments)
                {
                    var values = argument.Kind != TypedConstantKind.Array ? ImmutableArrayOf(argument) : argument.IsNull ? default : argument.Values;
                    if (values.IsDefault)
                    {
                        continue;
                    }

                    foreach (var value in values)
                    {
                        if (value.Value is string name)
                        {
                            CheckMemberName(context, attribute, memberContext, name);
                        }
                        else if (isMember && value.Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } type && !LockClassResolver.IsLockOrderLockType(type))
                        {
                            Report(context, attribute, "'" + type.Name + "' is not a lock type; to order against a lock that a '" + type.Name + "' holds, name its member: typeof(" + type.Name + "), nameof(" + type.Name + ".<member>)");
                        }
                    }
                }
            }
        }

        private static void CheckContracts(SymbolAnalysisContext context, IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass || attributeClass.ContainingNamespace?.Name != KnownNames.Namespace || !IsContractAttribute(attributeClass))
                {
                    continue;
                }

                string? name = null;
                ITypeSymbol? owner = null;
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Value is string text)
                    {
                        name = text;
                    }
                    else if (argument.Kind == TypedConstantKind.Type)
                    {
                        owner = argument.Value as ITypeSymbol;
                    }
                }

                if (name is not null && owner is not { TypeKind: TypeKind.Error })
                {
                    CheckMemberName(context, attribute, owner ?? method.ContainingType, name);
                }
            }
        }

        private static void CheckMemberName(SymbolAnalysisContext context, AttributeData attribute, ITypeSymbol owner, string name)
        {
            var member = LockMembers.Find(owner, name);
            if (member is null)
            {
                Report(context, attribute, "'" + owner.Name + "' has no field or property named '" + name + "' (write nameof(...) so the compiler checks the name)");
            }
            else if (LockClassResolver.FromMember(member) is null)
            {
                Report(context, attribute, "'" + owner.Name + "." + name + "' is of type '" + LockMembers.TypeOf(member)?.ToDisplayString() + "', which no lock statement or lock type can hold");
            }
        }

        private static void Report(SymbolAnalysisContext context, AttributeData attribute, string problem)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken);
            if (syntax is null)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidLockAnnotation, syntax.GetLocation(), "[" + syntax + "]", problem));
        }

        private static bool IsOrderAttribute(AttributeData attribute) =>
            KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredBefore) || KnownNames.Is(attribute.AttributeClass, KnownNames.AcquiredAfter);

        private static bool IsContractAttribute(INamedTypeSymbol attributeClass) =>
            attributeClass.Name is KnownNames.Acquires or KnownNames.TryAcquires or KnownNames.Releases or KnownNames.Requires or KnownNames.Excludes or KnownNames.MayAcquire
            && KnownNames.Is(attributeClass, attributeClass.Name);

        private static System.Collections.Immutable.ImmutableArray<TypedConstant> ImmutableArrayOf(TypedConstant value) =>
            System.Collections.Immutable.ImmutableArray.Create(value);
    }
}
