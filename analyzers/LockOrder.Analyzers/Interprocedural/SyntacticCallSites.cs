using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// Every method one body could call, read from its syntax and from declarations — never by binding it. Each name
    /// the body mentions stands for every member it could bind to: a simple name for the members of that name in the
    /// enclosing types and their bases; <c>x.Name</c> for those of <c>x</c>'s declared type when <c>x</c> is
    /// <c>this</c>, <c>base</c>, a parameter of the method, or a field or property of the enclosing types (not
    /// shadowed by a local), and for extension members of that name; otherwise for every member of that name in the
    /// compilation; <c>new T()</c> for the constructors of every type named <c>T</c>.
    /// </summary>
    /// <remarks>
    /// It must cover every call <see cref="BodyEffectWalker"/> records on the bound body: invocations, object
    /// creations, property, indexer and event accessors, user-defined operators and conversions — including the
    /// implicit ones (collection initializers' <c>Add</c>, object initializers' setters, property patterns' getters,
    /// a constructor's base constructor). Syntax whose calls it cannot name — query expressions, target-typed
    /// <c>new()</c>, <c>fixed</c>, interpolated strings where a handler could act, <c>new Alias()</c>, a body
    /// larger than <see cref="MaxSyntaxNodesPerBody"/> — makes the answer unknown, and the body is bound instead.
    /// </remarks>
    internal sealed class SyntacticCallSites
    {
        /// <summary>
        /// Bodies larger than this are not read (the answer is unknown): well under
        /// <see cref="BodyEffectWalker.MaxOperationsPerBody"/> operations, so a body the screen vouches for is one the
        /// bound walk would have read whole.
        /// </summary>
        internal const int MaxSyntaxNodesPerBody = 10_000;

        private const string IndexerName = "this[]";

        /// <summary>Locals followed back to the value they hold, one from another: as far as the bound flow follows them.</summary>
        private const int MaxLocalDepth = 4;

        private readonly CompilationNameIndex index;
        private readonly BclLockFacts bclFacts;
        private readonly CancellationToken cancellationToken;
        private readonly IMethodSymbol method;
        private readonly INamedTypeSymbol containingType;

        /// <summary>The static type of <c>this</c>: of the receiver of a simple name's instance call, and of <c>this.</c> and <c>base.</c>.</summary>
        private readonly IReadOnlyList<ITypeSymbol> thisType;
        private readonly HashSet<string> declaredNames = new HashSet<string>();

        /// <summary>Each local name declared once, with its declarator (null for a name declared more than once, or not by a declarator).</summary>
        private readonly Dictionary<string, VariableDeclaratorSyntax?> localDeclarators = new Dictionary<string, VariableDeclaratorSyntax?>();
        private readonly List<SyntaxNode> roots = new List<SyntaxNode>();
        private readonly List<SyntaxNode> sites = new List<SyntaxNode>();
        private readonly CalleeSet callees;
        private bool runsDelegates;
        private int visitedNodes;

        /// <summary>The lambda locals whose lambdas were read as part of the body (<see cref="ReadInvokedLambdas"/>).</summary>
        private readonly HashSet<string> invokedLambdaLocals = new HashSet<string>();
        private readonly HashSet<string> lambdaLocals = new HashSet<string>();
        private readonly HashSet<string> passedNames = new HashSet<string>();

        private SyntacticCallSites(CompilationNameIndex index, BclLockFacts bclFacts, IMethodSymbol method, INamedTypeSymbol containingType, Func<IMethodSymbol, bool> waitsOnReceiver, CancellationToken cancellationToken)
        {
            this.index = index;
            this.bclFacts = bclFacts;
            this.cancellationToken = cancellationToken;
            this.method = method;
            this.containingType = containingType;
            thisType = new ITypeSymbol[] { containingType };
            callees = new CalleeSet(waitsOnReceiver, ClassOfBclLockCall);
        }

        /// <summary>
        /// The methods <paramref name="method"/>'s body could call, and the classes of the locks it may take itself: by
        /// its calls of <paramref name="waitsOnReceiver"/> members (a lock type's <c>Lock()</c>, <c>Read()</c>, …), and by
        /// <c>lock</c> statements and BCL lock calls on an object the syntax names; null when its syntax does not say.
        /// </summary>
        internal static SyntacticCallees? Of(IMethodSymbol method, List<SyntaxNode> declarations, CompilationNameIndex index, BclLockFacts bclFacts, Func<IMethodSymbol, bool> waitsOnReceiver, CancellationToken cancellationToken)
        {
            if (method.ContainingType is not { } containingType || method.MethodKind == MethodKind.LocalFunction)
            {
                // A local function's body may call its siblings, which only the enclosing member's syntax holds.
                return null;
            }

            var reader = new SyntacticCallSites(index, bclFacts, method, containingType, waitsOnReceiver, cancellationToken);
            reader.DeclareNamesInScope();
            foreach (var declaration in declarations)
            {
                if (!reader.Read(declaration))
                {
                    return null;
                }
            }

            if (!reader.ReadInvokedLambdas())
            {
                return null;
            }

            foreach (var site in reader.sites)
            {
                if (!reader.Resolve(site))
                {
                    return null;
                }
            }

            if (method.MethodKind == MethodKind.Constructor)
            {
                // `: base(...)`, `: this(...)` or the implicit call of the base constructor.
                reader.callees.AddRange(containingType.InstanceConstructors, receiverClasses: null);
                if (containingType.BaseType is { } baseType)
                {
                    reader.callees.AddRange(baseType.InstanceConstructors, receiverClasses: null);
                }
            }

            // A delegate the body runs (a lambda it hands to a method, a delegate local, parameter, field or event it
            // invokes) may run code no name in the body shows: the syntax does not say what the body can reach — unless
            // it is a lambda held in a local, read above as part of the body.
            reader.runsDelegates |= reader.lambdaLocals.Overlaps(reader.passedNames);
            return reader.runsDelegates ? null : reader.callees.ToCallees();
        }

        /// <summary>
        /// Names in scope in every body of the method that are not members: type parameters (which shadow members of
        /// the same name), primary constructor parameters, and <c>field</c> (a property accessor's backing field).
        /// Read as declared, a receiver of such a name is not resolved to a member.
        /// </summary>
        private void DeclareNamesInScope()
        {
            declaredNames.Add("field");
            foreach (var typeParameter in method.TypeParameters)
            {
                declaredNames.Add(typeParameter.Name);
            }

            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                foreach (var typeParameter in type.TypeParameters)
                {
                    declaredNames.Add(typeParameter.Name);
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } parameters })
                    {
                        foreach (var parameter in parameters.Parameters)
                        {
                            declaredNames.Add(parameter.Identifier.ValueText);
                        }
                    }
                }
            }
        }

        /// <summary>Collects the declared names and the call sites of one declaration; false when it holds syntax the screen does not read.</summary>
        private bool Read(SyntaxNode declaration)
        {
            int first = roots.Count;
            switch (declaration)
            {
                case BaseMethodDeclarationSyntax member:
                    AddIfPresent(roots, member.Body);
                    AddIfPresent(roots, member.ExpressionBody);
                    AddIfPresent(roots, (member as ConstructorDeclarationSyntax)?.Initializer);
                    break;
                case AccessorDeclarationSyntax accessor:
                    AddIfPresent(roots, accessor.Body);
                    AddIfPresent(roots, accessor.ExpressionBody);
                    break;
                case ArrowExpressionClauseSyntax arrow:
                    roots.Add(arrow);
                    break;
                default:
                    return false;
            }

            for (int i = first; i < roots.Count; i++)
            {
                if (!ReadNodes(roots[i].DescendantNodesAndSelf(descendIntoChildren: n => n is not AnonymousFunctionExpressionSyntax)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reads syntax nodes of the body; false past <see cref="MaxSyntaxNodesPerBody"/> or at syntax the screen does not read.</summary>
        private bool ReadNodes(IEnumerable<SyntaxNode> nodes)
        {
            // Lambda bodies are not run by the body that creates them (the bound walk skips them too), unless invoked.
            foreach (var node in nodes)
            {
                if (++visitedNodes > MaxSyntaxNodesPerBody || !ReadNode(node))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Reads the lambdas the body invokes through a local given that lambda once and never written again
        /// (<c>Func&lt;int, int&gt; step = v =&gt; v + 1; total += step(total);</c>): they run during the body, so what they call
        /// the body calls (the bound walk follows the local to the lambda the same way). False when one holds syntax the
        /// screen does not read.
        /// </summary>
        /// <remarks>
        /// Why: such an invocation was read as a delegate of unknown target, which left the whole body, and every call under
        /// a lock that reaches it, to be bound for its summary — a third of the analyzer's time on ordinary code.
        /// </remarks>
        private bool ReadInvokedLambdas()
        {
            for (int i = 0; i < sites.Count; i++)
            {
                if (sites[i] is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var name } }
                    && InvokedLambda(name) is { } lambda
                    && invokedLambdaLocals.Add(name)
                    && !ReadNodes(lambda.DescendantNodes(descendIntoChildren: n => n == lambda || n is not AnonymousFunctionExpressionSyntax)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The lambda a local holds all along: declared once with it, never written again, and not handed on.</summary>
        private AnonymousFunctionExpressionSyntax? InvokedLambda(string name) =>
            lambdaLocals.Contains(name)
            && !passedNames.Contains(name)
            && localDeclarators.TryGetValue(name, out var declarator)
            && declarator?.Initializer?.Value is AnonymousFunctionExpressionSyntax lambda
            && !IsWrittenAfterDeclaration(name)
                ? lambda
                : null;

        private bool ReadNode(SyntaxNode node)
        {
            switch (node)
            {
                case QueryExpressionSyntax:
                case ImplicitObjectCreationExpressionSyntax:
                case FixedStatementSyntax:
                    return false;
                case LockStatementSyntax:
                    // Resolved once every local's name is known: a local may shadow the field the statement locks.
                    sites.Add(node);
                    return true;
                case AnonymousFunctionExpressionSyntax lambda:
                    // A lambda handed to a method may run during the call; one stored in a local runs where the local is
                    // invoked, or handed on (both read below); one stored elsewhere is deferred work.
                    if (IsArgument(lambda))
                    {
                        runsDelegates = true;
                    }
                    else if (lambda.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax holder })
                    {
                        lambdaLocals.Add(holder.Identifier.ValueText);
                    }

                    return true;
                case ArgumentSyntax { Expression: IdentifierNameSyntax passed }:
                    passedNames.Add(passed.Identifier.ValueText);
                    return true;
                case InvocationExpressionSyntax invocation:
                    sites.Add(invocation);
                    return true;
                case InterpolatedStringExpressionSyntax:
                    return !index.InterpolationMayCall;
                case VariableDeclaratorSyntax declarator:
                    Declare(declarator.Identifier.ValueText, declarator);
                    return true;
                case SingleVariableDesignationSyntax designation:
                    Declare(designation.Identifier.ValueText, null);
                    return true;
                case ForEachStatementSyntax forEach:
                    Declare(forEach.Identifier.ValueText, null);
                    return true;
                case CatchDeclarationSyntax catchDeclaration:
                    Declare(catchDeclaration.Identifier.ValueText, null);
                    return true;
                case ParameterSyntax parameter:
                    Declare(parameter.Identifier.ValueText, null);
                    return true;
                case LocalFunctionStatementSyntax localFunction:
                    Declare(localFunction.Identifier.ValueText, null);
                    return true;
                case TypeParameterSyntax typeParameter:
                    Declare(typeParameter.Identifier.ValueText, null);
                    return true;
                case SimpleNameSyntax:
                case ElementAccessExpressionSyntax:
                case ElementBindingExpressionSyntax:
                case ImplicitElementAccessSyntax:
                case ObjectCreationExpressionSyntax:
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    sites.Add(node);
                    return true;
                default:
                    return true;
            }
        }

        private bool Resolve(SyntaxNode site)
        {
            switch (site)
            {
                case InvocationExpressionSyntax invocation:
                    runsDelegates |= InvokesADelegate(invocation.Expression);
                    return true;
                case SimpleNameSyntax name:
                    if (name.Parent is not MemberAccessExpressionSyntax && index.IsTopLevelLocalFunction(name.Identifier.ValueText))
                    {
                        // A top-level local function of that name may be what the binder picks in broken code: not read here.
                        return false;
                    }

                    ResolveName(name);
                    return true;
                case ElementAccessExpressionSyntax elementAccess:
                    AddMembersOf(elementAccess.Expression, IndexerName);
                    return true;
                case ElementBindingExpressionSyntax:
                case ImplicitElementAccessSyntax:
                    callees.AddRange(index.MembersNamed(IndexerName), receiverClasses: null);
                    return true;
                case ObjectCreationExpressionSyntax creation:
                    return ResolveCreation(creation);
                case InitializerExpressionSyntax initializer:
                    AddCollectionAdds(initializer);
                    return true;
                case LockStatementSyntax lockStatement:
                    if (LockObjectClass(lockStatement.Expression, type => BclLockTypes.Is(type, "Lock") ? LockPrimitive.Lock : LockPrimitive.Monitor, out bool thisRooted) is { } lockClass)
                    {
                        callees.AddLockClass(lockClass, thisRooted);
                    }
                    else
                    {
                        callees.TakesLockDirectly();
                    }

                    return true;
                default:
                    return false;
            }
        }

        private void ResolveName(SimpleNameSyntax name)
        {
            string text = name.Identifier.ValueText;
            if (text.Length == 0)
            {
                return;
            }

            switch (name.Parent)
            {
                case MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name:
                    AddMembersOf(memberAccess.Expression, text, memberAccess.Parent is InvocationExpressionSyntax invocation && invocation.Expression == memberAccess ? invocation : null);
                    return;
                case NameColonSyntax { Parent: ArgumentSyntax or AttributeArgumentSyntax }:
                case NameEqualsSyntax:
                    // A named argument or a declared name: nothing is called.
                    return;
                case MemberBindingExpressionSyntax:
                case QualifiedNameSyntax:
                case AliasQualifiedNameSyntax:
                case NameColonSyntax:
                    // `x?.Name`, a qualified name, a property pattern's `{ Name: ... }`: a member of a type not read here.
                    callees.AddRange(index.MembersNamed(text), receiverClasses: null);
                    return;
                case AssignmentExpressionSyntax assignment when assignment.Left == name && assignment.Parent is InitializerExpressionSyntax initializer
                    && (initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression)):
                    // `new T { Name = ... }` and `x with { Name = ... }` set a member of the created type.
                    callees.AddRange(index.MembersNamed(text), receiverClasses: null);
                    return;
            }

            if (IsInsidePropertyPattern(name))
            {
                callees.AddRange(index.MembersNamed(text), receiverClasses: null);
                return;
            }

            // A simple name calls an instance member on `this`.
            foreach (var member in LookUpInEnclosingTypes(text))
            {
                callees.AddCallable(member, thisType, onThis: true);
            }

            if (index.HasUsingStatic)
            {
                callees.AddRange(index.MembersNamed(text), receiverClasses: null);
            }
        }

        /// <summary>The members <c>receiver.name</c> could call; <paramref name="invocation"/> is the call when the member is invoked.</summary>
        private void AddMembersOf(ExpressionSyntax receiver, string name, InvocationExpressionSyntax? invocation = null)
        {
            while (receiver is ParenthesizedExpressionSyntax parenthesized)
            {
                receiver = parenthesized.Expression;
            }

            var declared = DeclaredTypes(receiver, out string? typeName);
            var types = declared is null ? null : LookUpTypes(receiver, declared);
            if (types is null)
            {
                // A name that is no value can only be a type's, unless a using static could import a member of that
                // name or an alias could rename a type.
                if (typeName is not null && !index.HasUsingStatic && !index.IsAlias(typeName))
                {
                    AddStaticMembersOf(typeName, name, new LockSite(receiver: null, invocation));
                    return;
                }

                callees.AddRange(index.MembersNamed(name), receiverClasses: null);
                return;
            }

            foreach (var type in types)
            {
                foreach (var member in MembersOfTypeAndBases(type, name))
                {
                    callees.AddCallable(member, declared, new LockSite(receiver, invocation), onThis: receiver is ThisExpressionSyntax or BaseExpressionSyntax);
                }
            }

            callees.AddRange(index.ExtensionLikeNamed(name), declared);
        }

        /// <summary>
        /// What <c>TypeName.name</c> could call: the static members of that name of the source types so named and their
        /// bases, and, for a type from a reference, the annotated static members of that name there (an instance member
        /// is not called on a type's name: <c>Monitor.Enter</c> is no <c>MutexLock.Enter</c>).
        /// </summary>
        /// <remarks>
        /// Why: a static helper class's name, read as an unknown receiver, stood for every member of that name in the
        /// compilation; code with one <c>HelpersN</c> per module then had every call of <c>HelpersN.Mix</c> reach the
        /// <c>Mix</c> of every module, which made exploring what a method reaches grow with the size of the code.
        /// </remarks>
        private void AddStaticMembersOf(string typeName, string name, LockSite site)
        {
            foreach (var type in index.SourceTypesNamed(typeName))
            {
                foreach (var member in MembersOfTypeAndBases(type, name))
                {
                    if (member.IsStatic)
                    {
                        callees.AddCallable(member, receiverClasses: null);
                    }
                }
            }

            callees.AddRange(index.AnnotatedMetadataMembersNamed(name).Where(member => member.IsStatic), receiverClasses: null, site);
        }

        /// <summary>
        /// The types whose members <c>receiver.Name</c> is looked up in: the declared types, or the base class for
        /// <c>base</c>; null when one of them is not read here.
        /// </summary>
        private List<INamedTypeSymbol>? LookUpTypes(ExpressionSyntax receiver, IReadOnlyList<ITypeSymbol> declared)
        {
            if (receiver is BaseExpressionSyntax)
            {
                return containingType.BaseType is { } baseType ? new List<INamedTypeSymbol> { baseType } : null;
            }

            if (receiver is ThisExpressionSyntax)
            {
                return new List<INamedTypeSymbol> { containingType };
            }

            var types = new List<INamedTypeSymbol>(declared.Count);
            foreach (var type in declared)
            {
                if (ReadableType(type) is not { } readable)
                {
                    return null;
                }

                types.Add(readable);
            }

            return types;
        }

        /// <summary>
        /// The static types <paramref name="receiver"/> may have, read from declarations alone: <c>this</c> and
        /// <c>base</c> (both this class: a lock a call on them takes is this class's), a parameter of the method, or a
        /// field or property of the enclosing types, where no local shadows it. Null when that does not say; then
        /// <paramref name="typeName"/> is the receiver's name if it is a simple name that is no value at all — no
        /// local, parameter, type parameter or member of the enclosing types.
        /// </summary>
        private IReadOnlyList<ITypeSymbol>? DeclaredTypes(ExpressionSyntax receiver, out string? typeName)
        {
            typeName = null;
            switch (receiver)
            {
                case ThisExpressionSyntax:
                case BaseExpressionSyntax:
                    return thisType;
                case IdentifierNameSyntax identifier when !declaredNames.Contains(identifier.Identifier.ValueText) && !IsInsidePropertyPattern(identifier):
                    string name = identifier.Identifier.ValueText;
                    if (TryGetParameterType(name, out var parameterType))
                    {
                        return new[] { parameterType };
                    }

                    var types = TypesOfFieldsAndProperties(name, out bool isMember);
                    typeName = isMember ? null : name;
                    return types;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                    return TypesOfFieldsAndProperties(member.Identifier.ValueText, out _);
                default:
                    return null;
            }
        }

        /// <summary>The declared type of the method's own parameter of that name (a setter's <c>value</c> included), which shadows any member.</summary>
        private bool TryGetParameterType(string name, out ITypeSymbol type)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    type = parameter.Type;
                    return true;
                }
            }

            type = null!;
            return false;
        }

        /// <summary>The declared types of the enclosing types' fields and properties of that name; null when there is none, or a member of that name is neither.</summary>
        private List<ITypeSymbol>? TypesOfFieldsAndProperties(string name, out bool isMember)
        {
            isMember = false;
            var types = new List<ITypeSymbol>();
            foreach (var member in LookUpInEnclosingTypes(name))
            {
                isMember = true;
                switch (member)
                {
                    case IFieldSymbol field:
                        types.Add(field.Type);
                        break;
                    case IPropertySymbol property:
                        types.Add(property.Type);
                        break;
                    default:
                        return null;
                }
            }

            return types.Count == 0 ? null : types;
        }

        /// <summary>
        /// The type whose members a receiver of declared type <paramref name="type"/> reaches; an array reaches
        /// <see cref="System.Array"/>'s. Null for what is not read here: a type parameter, a tuple, dynamic, a pointer,
        /// <c>Nullable&lt;T&gt;</c> (whose <c>?.</c> reaches <c>T</c>'s members).
        /// </summary>
        private INamedTypeSymbol? ReadableType(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol)
            {
                return index.ArrayType;
            }

            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface or TypeKind.Delegate, IsTupleType: false } named
                || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return null;
            }

            return named.OriginalDefinition;
        }

        private bool ResolveCreation(ObjectCreationExpressionSyntax creation)
        {
            string? typeName = CreatedTypeName(creation);
            if (typeName is null)
            {
                return false;
            }

            if (typeName.Length > 0)
            {
                callees.AddRange(index.ConstructorsOfTypesNamed(typeName), receiverClasses: null);
            }

            return true;
        }

        /// <summary>A collection initializer calls <c>Add</c> for each element: of the created type, or any when it is not named here.</summary>
        private void AddCollectionAdds(InitializerExpressionSyntax initializer)
        {
            const string Add = "Add";
            if (initializer.Parent is ObjectCreationExpressionSyntax creation && CreatedTypeName(creation) is { Length: > 0 } typeName)
            {
                foreach (var type in index.SourceTypesNamed(typeName))
                {
                    foreach (var member in MembersOfTypeAndBases(type, Add))
                    {
                        callees.AddCallable(member, receiverClasses: null);
                    }
                }

                // A type from a reference: only its annotated members or an extension Add could act.
                callees.AddRange(index.ExtensionLikeNamed(Add), receiverClasses: null);
                return;
            }

            callees.AddRange(index.MembersNamed(Add), receiverClasses: null);
        }

        /// <summary>
        /// The simple name of the type <paramref name="creation"/> creates; empty for a predefined type; null when the
        /// name may not be the type's (an alias) or there is none.
        /// </summary>
        private string? CreatedTypeName(ObjectCreationExpressionSyntax creation)
        {
            string? typeName = creation.Type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                PredefinedTypeSyntax => string.Empty,
                _ => null,
            };

            return typeName is not null && index.IsAlias(typeName) ? null : typeName;
        }

        /// <summary>
        /// What a call of the BCL lock method <paramref name="method"/> at <paramref name="site"/> takes: the class of its
        /// lock object where the syntax names that object as <see cref="LockClassResolver"/> would name it — so that a
        /// body taking BCL locks still has a bound, and a call of it under a lock needs no binding to be settled.
        /// </summary>
        private BclLockTarget ClassOfBclLockCall(IMethodSymbol method, LockSite site, out LockClass? lockClass, out bool thisRooted)
        {
            lockClass = null;
            thisRooted = false;
            if (site.Invocation is not { } invocation)
            {
                return BclLockTarget.Unknown;
            }

            if (!method.IsStatic)
            {
                if (site.Receiver is null)
                {
                    return BclLockTarget.Unknown;
                }

                // `_gate.Wait()`, `_rw.EnterReadLock()`, `_mutex.WaitOne()`: the receiver is the lock (a WaitOne only on a Mutex).
                lockClass = LockObjectClass(site.Receiver, type => BclLockCalls.Classify(method, type) is { Kind: BclLockCallKind.Acquire or BclLockCallKind.TryAcquire } call ? call.Primitive : null, out thisRooted);
                return lockClass is null ? BclLockTarget.Unknown : BclLockTarget.Named;
            }

            // `Monitor.Enter(o, ref taken)`: the lock is an argument, found by position (a named argument could move it).
            var arguments = invocation.ArgumentList.Arguments;
            var lockCall = BclLockCalls.Classify(method, receiverType: null);
            if (lockCall.LockObject < 0 || lockCall.LockObject >= arguments.Count || arguments.Any(argument => argument.NameColon is not null))
            {
                return BclLockTarget.Unknown;
            }

            lockClass = LockObjectClass(arguments[lockCall.LockObject].Expression, _ => lockCall.Primitive, out thisRooted);
            return lockClass is null ? BclLockTarget.Unknown : BclLockTarget.Named;
        }

        /// <summary>
        /// The class of the lock taken on <paramref name="lockObject"/>, where the syntax alone names the object: a field
        /// of the enclosing types (by its simple name or <c>this.</c>, not shadowed), <c>this</c>, or a string literal.
        /// <paramref name="primitiveOf"/> says how the lock is taken on an object of the given static type (null: no lock).
        /// <paramref name="thisRooted"/> tells whether the class alone says which object it is, given the object the body
        /// runs on: <c>this</c>, a field of it, or a static field of a type that is not generic.
        /// </summary>
        private LockClass? LockObjectClass(ExpressionSyntax lockObject, Func<ITypeSymbol?, LockPrimitive?> primitiveOf, out bool thisRooted, int depth = 0)
        {
            while (lockObject is ParenthesizedExpressionSyntax parenthesized)
            {
                lockObject = parenthesized.Expression;
            }

            thisRooted = false;
            switch (lockObject)
            {
                case ThisExpressionSyntax:
                    thisRooted = true;
                    return primitiveOf(containingType) is { } thisPrimitive ? LockClassResolver.FromThis(containingType, thisPrimitive, bclFacts, cancellationToken) : null;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return primitiveOf(null) is { } stringPrimitive ? LockClassResolver.FromString(literal.Token.ValueText, stringPrimitive, bclFacts, cancellationToken) : null;
                case IdentifierNameSyntax identifier when IsInsidePropertyPattern(identifier) || TryGetParameterType(identifier.Identifier.ValueText, out _):
                    return null;
                case IdentifierNameSyntax identifier when declaredNames.Contains(identifier.Identifier.ValueText):
                    return LocalLockClass(identifier.Identifier.ValueText, primitiveOf, out thisRooted, depth);
                case IdentifierNameSyntax identifier:
                    return FieldLockClass(identifier.Identifier.ValueText, primitiveOf, out thisRooted);
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                    return FieldLockClass(member.Identifier.ValueText, primitiveOf, out thisRooted);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The class of a lock taken on a local that holds one value all along: declared once, by <c>var</c> or <c>object</c>
        /// with an initializer the syntax names, and never written again (lambdas included) — the one value the bound
        /// flow follows it back to (<see cref="ValueOrigins"/>).
        /// </summary>
        private LockClass? LocalLockClass(string name, Func<ITypeSymbol?, LockPrimitive?> primitiveOf, out bool thisRooted, int depth)
        {
            thisRooted = false;
            if (depth >= MaxLocalDepth
                || !localDeclarators.TryGetValue(name, out var declarator)
                || declarator is not { Initializer.Value: { } value, Parent: VariableDeclarationSyntax { Type: var type } }
                || IsWrittenAfterDeclaration(name))
            {
                return null;
            }

            switch (type)
            {
                case IdentifierNameSyntax { IsVar: true }:
                    // The local has the value's type: the lock is taken as on the value itself.
                    return LockObjectClass(value, primitiveOf, out thisRooted, depth + 1);
                case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword):
                    // Typed object, the local is locked as an object's monitor, whatever the value's type.
                    return LockObjectClass(value, _ => primitiveOf(null), out thisRooted, depth + 1);
                default:
                    return null;
            }
        }

        /// <summary>Whether the body writes <paramref name="name"/> anywhere but its declaration: an assignment, <c>++</c>/<c>--</c>, a <c>ref</c> or <c>out</c> argument.</summary>
        private bool IsWrittenAfterDeclaration(string name)
        {
            foreach (var root in roots)
            {
                foreach (var node in root.DescendantNodes())
                {
                    var written = node switch
                    {
                        AssignmentExpressionSyntax assignment => assignment.Left,
                        PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => prefix.Operand,
                        PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                        PrefixUnaryExpressionSyntax addressOf when addressOf.IsKind(SyntaxKind.AddressOfExpression) => addressOf.Operand,
                        RefExpressionSyntax reference => reference.Expression,
                        _ => null,
                    };

                    if (written is not null && written.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(identifier => identifier.Identifier.ValueText == name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The class of a lock taken on the one field of that name in the enclosing types; null if the name is anything else.</summary>
        private LockClass? FieldLockClass(string name, Func<ITypeSymbol?, LockPrimitive?> primitiveOf, out bool thisRooted)
        {
            thisRooted = false;
            IFieldSymbol? field = null;
            foreach (var member in LookUpInEnclosingTypes(name))
            {
                if (field is not null || member is not IFieldSymbol found)
                {
                    return null;
                }

                field = found;
            }

            if (field is null || primitiveOf(field.Type) is not { } primitive)
            {
                return null;
            }

            // Each construction of a generic type has its own static fields: the class does not say which one. A field that
            // holds a lock handed in (InjectedLocks) is named by another member, which is not the path to it.
            var lockClass = LockClassResolver.FromField(field, primitive, bclFacts, cancellationToken);
            thisRooted = !field.IsConst && !(field.IsStatic && LockInstance.IsInGenericType(field)) && SymbolEqualityComparer.Default.Equals(lockClass?.Member, field.OriginalDefinition);
            return lockClass;
        }

        /// <summary>Inside <c>{ A.B: ... }</c> of an extended property pattern, names are members of the matched value.</summary>
        private static bool IsInsidePropertyPattern(SyntaxNode name)
        {
            for (var node = name.Parent; node is MemberAccessExpressionSyntax or ExpressionColonSyntax; node = node.Parent)
            {
                if (node is ExpressionColonSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The members of that name a simple name can bind to: of the enclosing types, outermost last, and their bases.</summary>
        /// <summary>Whether a lambda is (part of) an argument: directly, or as an element of an array or collection passed.</summary>
        private static bool IsArgument(SyntaxNode lambda)
        {
            for (var node = lambda.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case ArgumentSyntax:
                        return true;
                    case InitializerExpressionSyntax:
                    case ArrayCreationExpressionSyntax:
                    case ImplicitArrayCreationExpressionSyntax:
                    case CollectionExpressionSyntax:
                    case ExpressionElementSyntax:
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the invoked expression is a delegate rather than a method: <c>x.Invoke(...)</c> or <c>x?.Invoke(...)</c>, or
        /// a name that is a local, a parameter, or a field, property or event of the enclosing types.
        /// </summary>
        private bool InvokesADelegate(ExpressionSyntax invoked)
        {
            var name = invoked switch
            {
                SimpleNameSyntax simple => simple,
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };

            if (name is null)
            {
                return true;
            }

            string text = name.Identifier.ValueText;
            if (text == "Invoke")
            {
                return true;
            }

            if (invoked is SimpleNameSyntax)
            {
                if (invokedLambdaLocals.Contains(text) && localDeclarators.TryGetValue(text, out var declarator) && declarator is not null)
                {
                    // Its lambda was read as part of the body (and no local declared later in a lambda read shares its name).
                    return false;
                }

                if (declaredNames.Contains(text) || method.Parameters.Any(parameter => parameter.Name == text))
                {
                    return true;
                }

                return LookUpInEnclosingTypes(text).Any(member => member is not IMethodSymbol);
            }

            return invoked is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax }
                && LookUpInEnclosingTypes(text).Any(member => member is not IMethodSymbol);
        }

        private IEnumerable<ISymbol> LookUpInEnclosingTypes(string name)
        {
            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                foreach (var member in MembersOfTypeAndBases(type, name))
                {
                    yield return member;
                }
            }
        }

        private static IEnumerable<ISymbol> MembersOfTypeAndBases(INamedTypeSymbol type, string name)
        {
            if (type.TypeKind == TypeKind.Interface)
            {
                foreach (var member in type.GetMembers(name))
                {
                    yield return member;
                }

                foreach (var inherited in type.AllInterfaces)
                {
                    foreach (var member in inherited.GetMembers(name))
                    {
                        yield return member;
                    }
                }

                yield break;
            }

            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    yield return member;
                }
            }
        }

        /// <summary>Names a BCL lock call's class: <see cref="ClassOfBclLockCall"/>.</summary>
        private delegate BclLockTarget BclLockClassifier(IMethodSymbol method, LockSite site, out LockClass? lockClass, out bool thisRooted);

        private enum BclLockTarget
        {
            /// <summary>The call may take a lock whose class the syntax does not name.</summary>
            Unknown,

            /// <summary>The call takes a lock of the class named.</summary>
            Named,
        }

        /// <summary>A call <c>receiver.Name(...)</c>: the receiver (null when it is a type's name) and the invocation (null for a method group).</summary>
        private readonly struct LockSite
        {
            internal LockSite(ExpressionSyntax? receiver, InvocationExpressionSyntax? invocation)
            {
                Receiver = receiver;
                Invocation = invocation;
            }

            internal ExpressionSyntax? Receiver { get; }

            internal InvocationExpressionSyntax? Invocation { get; }
        }

        private void Declare(string name, VariableDeclaratorSyntax? declarator)
        {
            declaredNames.Add(name);
            localDeclarators[name] = localDeclarators.ContainsKey(name) ? null : declarator;
        }

        private static void AddIfPresent(List<SyntaxNode> roots, SyntaxNode? node)
        {
            if (node is not null)
            {
                roots.Add(node);
            }
        }

        /// <summary>
        /// The candidate callees of one body, each once (a name used a hundred times is one edge), and the receivers
        /// of its calls of members that wait for the lock they are called on.
        /// </summary>
        private sealed class CalleeSet
        {
            private readonly Func<IMethodSymbol, bool> waitsOnReceiver;
            private readonly BclLockClassifier classifyBclLockCall;
            private readonly HashSet<IMethodSymbol> seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            private readonly List<IMethodSymbol> ordered = new List<IMethodSymbol>();
            private readonly HashSet<LockClass> lockClasses = new HashSet<LockClass>();
            private readonly HashSet<IMethodSymbol> calledOnAnother = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            private readonly HashSet<LockClass> takenOnAnother = new HashSet<LockClass>();
            private bool receiverLockUnread;
            private bool takesLockDirectly;

            internal CalleeSet(Func<IMethodSymbol, bool> waitsOnReceiver, BclLockClassifier classifyBclLockCall)
            {
                this.waitsOnReceiver = waitsOnReceiver;
                this.classifyBclLockCall = classifyBclLockCall;
            }

            /// <param name="receiverClasses">The static types the receiver of these calls may have; null when not read.</param>
            /// <param name="site">Where the calls are made, for a BCL lock method among them; null when not read.</param>
            /// <param name="onThis">Whether the calls are made on the object the body runs on (<c>Name()</c>, <c>this.Name()</c>).</param>
            internal void AddRange(IEnumerable<IMethodSymbol> methods, IReadOnlyList<ITypeSymbol>? receiverClasses, LockSite? site = null, bool onThis = false)
            {
                foreach (var method in methods)
                {
                    bool isBclLockCall = BclLockCalls.MayWait(method);
                    if (isBclLockCall)
                    {
                        // A BCL lock's class is where the lock object lives, which only the call's syntax may say.
                        LockClass? lockClass = null;
                        bool thisRooted = false;
                        var target = site is { } at ? classifyBclLockCall(method, at, out lockClass, out thisRooted) : BclLockTarget.Unknown;
                        if (target == BclLockTarget.Named)
                        {
                            AddLockClass(lockClass!, thisRooted);
                            continue;
                        }

                        takesLockDirectly = true;
                    }

                    if (seen.Add(method))
                    {
                        ordered.Add(method);
                    }

                    if (!onThis)
                    {
                        calledOnAnother.Add(method);
                    }

                    if (!isBclLockCall && waitsOnReceiver(method))
                    {
                        AddReceiverLock(method, receiverClasses);
                    }
                }
            }

            internal void AddCallable(ISymbol member, IReadOnlyList<ITypeSymbol>? receiverClasses, LockSite? site = null, bool onThis = false) =>
                AddRange(CompilationNameIndex.CallableMethods(member), receiverClasses, site, onThis);

            internal void AddLockClass(LockClass lockClass, bool thisRooted)
            {
                lockClasses.Add(lockClass);
                if (!thisRooted)
                {
                    takenOnAnother.Add(lockClass);
                }
            }

            internal void TakesLockDirectly() => takesLockDirectly = true;


            internal SyntacticCallees ToCallees() =>
                new SyntacticCallees(
                    ordered.ToImmutableArray(),
                    lockClasses.ToImmutableArray(),
                    receiverLockUnread,
                    takesLockDirectly,
                    ordered.Where(method => !calledOnAnother.Contains(method)).ToImmutableHashSet<IMethodSymbol>(SymbolEqualityComparer.Default),
                    lockClasses.Where(lockClass => !takenOnAnother.Contains(lockClass)).ToImmutableHashSet());

            /// <summary>
            /// The lock such a call takes is of the receiver's static type (what the bound walk reads off the call): the
            /// declaring class for a static member or a constructor, otherwise the receiver's declared type.
            /// </summary>
            private void AddReceiverLock(IMethodSymbol method, IReadOnlyList<ITypeSymbol>? receiverClasses)
            {
                if (method.IsStatic || method.MethodKind == MethodKind.Constructor)
                {
                    AddLockClass(LockClass.OfType(method.OriginalDefinition.ContainingType), thisRooted: false);
                    return;
                }

                if (receiverClasses is null)
                {
                    receiverLockUnread = true;
                    return;
                }

                foreach (var receiverClass in receiverClasses)
                {
                    // A generic lock type, or a type nested in a generic one, is read here with the substitution of
                    // the caller that led to it, and in the bound body without: the two need not be one symbol.
                    if (receiverClass is not INamedTypeSymbol named || !SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
                    {
                        receiverLockUnread = true;
                        continue;
                    }

                    AddLockClass(LockClass.OfType(receiverClass), thisRooted: false);
                }
            }
        }
    }
}
