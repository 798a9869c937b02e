using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockOrder.Analyzers.Interprocedural;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// The fast path of the flow analysis: the held set carried through a body's operation tree statement by statement,
    /// without building the body's control-flow graph (which costs more than the rest of the analysis together on
    /// code where every method takes a lock).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Operations are applied through the same <see cref="LockTransfer"/> as in <see cref="LockFlowAnalysis"/>; this
    /// class only finds the paths, for the statement shapes whose paths it knows exactly: blocks, <c>if</c>, the four
    /// loops, <c>switch</c>, <c>try</c>/<c>catch</c>/<c>finally</c>, <c>using</c> statements and declarations,
    /// <c>lock</c>, <c>break</c>, <c>continue</c>, <c>return</c> and <c>throw</c>, with <c>&amp;&amp;</c>, <c>||</c>
    /// and <c>!</c> splitting conditions as the graph would.
    /// </para>
    /// <para>
    /// It gives up — and the caller analyzes the body over its control-flow graph instead — wherever the two could
    /// differ: an unknown statement (<c>goto</c>, labels, <c>yield</c>, <c>await using</c>, <c>fixed</c>, invalid
    /// code), paths that meet with different locks held (the join the graph reports as LOCK005), a lock taken or
    /// released inside an expression that is evaluated only on some paths (<c>?:</c>, <c>??</c>, <c>?.</c>,
    /// <c>&amp;&amp;</c> as a value, patterns, initializers), a try-acquisition whose result feeds such an
    /// expression, a loop whose held set does not settle within <see cref="MaxLoopPasses"/> passes, nesting deeper
    /// than <see cref="MaxNesting"/>, or a bound of the analysis. The caller also takes the graph's answer whenever
    /// this path finds anything to report, so that every diagnostic comes from one analysis with one set of
    /// locations. What the fast path settles alone is therefore the common case — a body with nothing to report —
    /// and the order edges it saw (LOCK008), which are the same on both paths.
    /// </para>
    /// </remarks>
    internal sealed class StructuredLockFlow
    {
        /// <summary>Passes over a loop before the fast path gives up on it (a balanced loop body settles in one).</summary>
        internal const int MaxLoopPasses = 8;

        /// <summary>Statement nesting the fast path follows (it recurses; the graph-based analysis does not).</summary>
        internal const int MaxNesting = 200;

        private const int InitialWorkListCapacity = 64;

        /// <summary>
        /// The last body's work list, for the next body on this thread: a fresh one per body was a fifth of what the
        /// analyzer allocated on lock-heavy code.
        /// </summary>
        [ThreadStatic]
        private static Stack<(IOperation, bool, bool)>? spareWorkList;

        private readonly LockTransfer transfer;
        private readonly NestedBodies nestedBodies;
        private readonly List<Exit> exits = new List<Exit>();
        private readonly Stack<(IOperation Operation, bool ChildrenDone, bool Neutral)> pending;
        private int nesting;
        private bool unsupported;

        private StructuredLockFlow(LockTransfer transfer, NestedBodies nestedBodies, Stack<(IOperation, bool, bool)> pending)
        {
            this.transfer = transfer;
            this.nestedBodies = nestedBodies;
            this.pending = pending;
        }

        /// <summary>
        /// Analyzes <paramref name="root"/> (a member's body) and every lambda and local function in it, reporting into
        /// the context's sink. Returns false when the fast path does not model the body: what it reported must then be
        /// taken back, and the body analyzed over its control-flow graph.
        /// </summary>
        internal static bool TryRun(FlowContext context, IOperation root, IMethodSymbol? owner, Location ownerLocation)
        {
            var nestedBodies = new NestedBodies();
            // Sized for a typical body's deepest expression, so the walk does not regrow it for every member.
            var pending = spareWorkList ?? new Stack<(IOperation, bool, bool)>(InitialWorkListCapacity);
            spareWorkList = null;
            try
            {
                return Run(context, root, owner, ownerLocation, nestedBodies, pending);
            }
            finally
            {
                pending.Clear();
                spareWorkList = pending;
            }
        }

        private static bool Run(FlowContext context, IOperation root, IMethodSymbol? owner, Location ownerLocation, NestedBodies nestedBodies, Stack<(IOperation, bool, bool)> pending)
        {
            // One reading of the member's locals serves its body and every lambda and local function in it.
            var origins = new ValueOrigins(root, captures: null, context.Model.Getters);
            if (!new StructuredLockFlow(new LockTransfer(context, owner, ownerLocation, origins), nestedBodies, pending).RunBody(root))
            {
                return false;
            }

            // Deferred execution is not execution: each lambda and local function is a body of its own, starting with
            // nothing held (or with what its own [Requires] says).
            for (int i = 0; i < nestedBodies.Found.Count; i++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var nested = nestedBodies.Found[i];
                var (symbol, location) = nested switch
                {
                    ILocalFunctionOperation local => (local.Symbol, local.Symbol.Locations.Length > 0 ? local.Symbol.Locations[0] : Location.None),
                    IAnonymousFunctionOperation lambda => (lambda.Symbol, lambda.Syntax.GetLocation()),
                    _ => (null!, Location.None),
                };

                var flow = new StructuredLockFlow(new LockTransfer(context, symbol, location, origins), nestedBodies, pending);
                if (context.Model.Annotations.Get(symbol).NoLockAnalysis)
                {
                    flow.CollectNestedBodies(nested is ILocalFunctionOperation localFunction ? localFunction.Body : ((IAnonymousFunctionOperation)nested).Body);
                }
                else if (!flow.RunBody(nested))
                {
                    return false;
                }
            }

            return true;
        }

        private bool RunBody(IOperation root)
        {
            IOperation? initializer = null;
            IOperation? body;
            switch (root)
            {
                case IMethodBodyOperation method when method.BlockBody is null || method.ExpressionBody is null:
                    body = method.BlockBody ?? method.ExpressionBody;
                    break;
                case IConstructorBodyOperation constructor when constructor.BlockBody is null || constructor.ExpressionBody is null:
                    initializer = constructor.Initializer;
                    body = constructor.BlockBody ?? constructor.ExpressionBody;
                    break;
                case ILocalFunctionOperation local when local.IgnoredBody is null:
                    body = local.Body;
                    break;
                case IAnonymousFunctionOperation lambda:
                    body = lambda.Body;
                    break;
                case IBlockOperation block:
                    body = block;
                    break;
                default:
                    // Field, property and parameter initializers, and bodies that are both a block and an expression
                    // (incomplete code): rare enough to leave to the graph.
                    return false;
            }

            LockState? state = transfer.EntryState();
            if (initializer is not null)
            {
                state = Statement(initializer, state);
            }

            if (body is not null && state is not null)
            {
                state = Statement(body, state);
            }

            if (state is not null && !unsupported)
            {
                // Falling off the end is a return.
                transfer.CheckReturn(state, returnedValue: null);
            }

            return !unsupported && !transfer.StoppedAtBound && transfer.IncompleteBound is null;
        }

        private LockState? Unsupported()
        {
            unsupported = true;
            return null;
        }

        /// <summary>The state after <paramref name="operation"/> completes normally, or null when it never does (or the fast path gave up).</summary>
        private LockState? Statement(IOperation operation, LockState state)
        {
            if (unsupported || ++nesting > MaxNesting)
            {
                nesting--;
                return Unsupported();
            }

            transfer.Context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                switch (operation)
                {
                    case IBlockOperation block:
                        return Block(block.Operations, state, allowUsingDeclarations: true);
                    case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                        return Throw(thrown, state);
                    case IThrowOperation thrown:
                        return Throw(thrown, state);
                    case IExpressionStatementOperation expression:
                        return Eval(expression.Operation, state);
                    case IVariableDeclarationGroupOperation declarations:
                        return Declare(declarations, state);
                    case IConditionalOperation conditional:
                        return If(conditional, state);
                    case ILoopOperation loop:
                        return Loop(loop, state);
                    case ISwitchOperation switchStatement:
                        return Switch(switchStatement, state);
                    case ITryOperation tryStatement:
                        return Try(tryStatement, state);
                    case IUsingOperation usingStatement:
                        return Using(usingStatement, state);
                    case ILockOperation lockStatement:
                        return Lock(lockStatement, state);
                    case IBranchOperation branch:
                        Jump(branch, state);
                        return null;
                    case IReturnOperation { Kind: OperationKind.Return } returned:
                        Return(returned, state);
                        return null;
                    case IEmptyOperation:
                        return state;
                    case ILocalFunctionOperation localFunction:
                        nestedBodies.Add(localFunction);
                        return state;
                    default:
                        // goto and labels, yield, fixed, invalid statements: the graph knows their paths.
                        return Unsupported();
                }
            }
            finally
            {
                nesting--;
            }
        }

        private LockState? Block(ImmutableArray<IOperation> statements, LockState state, bool allowUsingDeclarations)
        {
            LockState? current = state;
            Exit? usings = null;
            foreach (var statement in statements)
            {
                if (unsupported)
                {
                    return null;
                }

                if (current is null)
                {
                    // Unreachable code is not analyzed, but its lambdas and local functions are bodies of their own.
                    CollectNestedBodies(statement);
                    continue;
                }

                if (statement is IUsingDeclarationOperation usingDeclaration)
                {
                    if (!allowUsingDeclarations || usingDeclaration.IsAsynchronous)
                    {
                        return Unsupported();
                    }

                    current = Declare(usingDeclaration.DeclarationGroup, current);
                    if (usings is null)
                    {
                        usings = new Exit(ExitKind.Dispose);
                        exits.Add(usings);
                    }

                    if (current is null || !AddDisposedLocals(usings, usingDeclaration.DeclarationGroup, current))
                    {
                        return Unsupported();
                    }

                    continue;
                }

                current = Statement(statement, current);
            }

            if (usings is not null)
            {
                exits.RemoveAt(exits.Count - 1);
                if (current is not null)
                {
                    current = Leave(usings, current);
                }
            }

            return unsupported ? null : current;
        }

        private LockState? Throw(IThrowOperation thrown, LockState state)
        {
            if (thrown.Exception is not null)
            {
                Eval(thrown.Exception, state);
            }

            // An exception is not a return: what is held when it propagates is no leak of this method.
            return null;
        }

        /// <summary>
        /// A <c>lock</c> statement: the lock is taken where the locked value is evaluated and released wherever the body
        /// is left (its end, a jump, a return), as the graph's lowering to Monitor.Enter … finally Monitor.Exit does.
        /// </summary>
        private LockState? Lock(ILockOperation lockStatement, LockState state)
        {
            var evaluated = Eval(lockStatement.LockedValue, state);
            if (evaluated is null)
            {
                return null;
            }

            var (entered, taken) = transfer.EnterLockStatement(lockStatement, evaluated, report: true);
            if (taken is null)
            {
                return Statement(lockStatement.Body, entered);
            }

            var exit = new Exit(ExitKind.Dispose) { ExpressionScope = taken };
            exits.Add(exit);
            var end = Statement(lockStatement.Body, entered);
            exits.RemoveAt(exits.Count - 1);
            return end is null || unsupported ? null : Leave(exit, end);
        }

        private LockState? Declare(IVariableDeclarationGroupOperation group, LockState state)
        {
            foreach (var declaration in group.Declarations)
            {
                foreach (var dimension in declaration.IgnoredDimensions)
                {
                    state = Eval(dimension, state) ?? state;
                }

                foreach (var declarator in declaration.Declarators)
                {
                    var initializer = declarator.Initializer ?? declaration.Initializer;
                    if (initializer is null)
                    {
                        continue;
                    }

                    var after = Eval(initializer.Value, state);
                    if (after is null)
                    {
                        return null;
                    }

                    state = transfer.Track(ValueKey.Of(declarator.Symbol), initializer.Value, after);
                }
            }

            return state;
        }

        private LockState? If(IConditionalOperation conditional, LockState state)
        {
            var (whenTrue, whenFalse) = Split(conditional.Condition, state);
            var afterTrue = whenTrue is null ? Skip(conditional.WhenTrue) : Statement(conditional.WhenTrue, whenTrue);
            var afterFalse = conditional.WhenFalse is null ? whenFalse
                : whenFalse is null ? Skip(conditional.WhenFalse) : Statement(conditional.WhenFalse, whenFalse);

            return Join(afterTrue, afterFalse);
        }

        /// <summary>
        /// The states on the true and false sides of a condition: <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> are split as
        /// the graph splits them, and each leaf is left to the transfer (a try-acquisition holds its lock when true).
        /// </summary>
        private (LockState? WhenTrue, LockState? WhenFalse) Split(IOperation condition, LockState state)
        {
            var value = condition;
            while (value is IParenthesizedOperation or IConversionOperation { IsImplicit: true, OperatorMethod: null })
            {
                value = value is IParenthesizedOperation parenthesized ? parenthesized.Operand : ((IConversionOperation)value).Operand;
            }

            if (!condition.ConstantValue.HasValue)
            {
                switch (value)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                        var (operandTrue, operandFalse) = Split(not.Operand, state);
                        return (operandFalse, operandTrue);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd, OperatorMethod: null } and:
                        var (leftTrue, leftFalse) = Split(and.LeftOperand, state);
                        if (leftTrue is null)
                        {
                            return (null, leftFalse);
                        }

                        var (rightTrue, rightFalse) = Split(and.RightOperand, leftTrue);
                        return (rightTrue, Join(leftFalse, rightFalse));
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr, OperatorMethod: null } or:
                        var (orLeftTrue, orLeftFalse) = Split(or.LeftOperand, state);
                        if (orLeftFalse is null)
                        {
                            return (orLeftTrue, null);
                        }

                        var (orRightTrue, orRightFalse) = Split(or.RightOperand, orLeftFalse);
                        return (Join(orLeftTrue, orRightTrue), orRightFalse);
                }
            }

            var evaluated = Eval(condition, state, conditionLeaf: condition);
            return evaluated is null ? (null, null) : transfer.SplitOnCondition(condition, evaluated);
        }

        private LockState? Loop(ILoopOperation loop, LockState state)
        {
            LockState? entry = state;
            IForEachLoopOperation? forEach = loop as IForEachLoopOperation;
            switch (loop)
            {
                case IForLoopOperation forLoop:
                    entry = Block(forLoop.Before, state, allowUsingDeclarations: false);
                    break;
                case IForEachLoopOperation { IsAsynchronous: false } each:
                    entry = Eval(each.Collection, state);
                    break;
                case IWhileLoopOperation { ConditionIsUntil: false }:
                    break;
                default:
                    return Unsupported();
            }

            if (entry is null)
            {
                return null;
            }

            var exit = new Exit(ExitKind.Loop) { ExitLabel = loop.ExitLabel, ContinueLabel = loop.ContinueLabel };
            var head = entry;
            for (int pass = 0; pass < MaxLoopPasses; pass++)
            {
                exit.ClearJumps();
                if (forEach is not null && !EnumerationIsInert(forEach, head))
                {
                    return Unsupported();
                }

                exits.Add(exit);
                var (back, leave) = Iterate(loop, head, exit);
                exits.RemoveAt(exits.Count - 1);
                if (unsupported)
                {
                    return null;
                }

                var nextHead = Join(head, back) ?? head;
                if (unsupported)
                {
                    return null;
                }

                if (nextHead.Equals(head))
                {
                    var after = leave;
                    foreach (var broken in exit.BreakStates)
                    {
                        after = Join(after, broken);
                    }

                    return unsupported ? null : after;
                }

                head = nextHead;
            }

            return Unsupported();
        }

        /// <summary>One pass over the loop from <paramref name="head"/>: the state on the back edge and the state leaving through the condition.</summary>
        private (LockState? Back, LockState? Leave) Iterate(ILoopOperation loop, LockState head, Exit exit)
        {
            switch (loop)
            {
                case IWhileLoopOperation { ConditionIsTop: false } doWhile:
                {
                    var end = ContinueState(Statement(doWhile.Body, head), exit);
                    if (end is null)
                    {
                        return (Skip(doWhile.Condition), null);
                    }

                    return doWhile.Condition is null ? (end, null) : Split(doWhile.Condition, end);
                }

                case IWhileLoopOperation whileLoop:
                {
                    var (whenTrue, whenFalse) = whileLoop.Condition is null ? (head, null) : Split(whileLoop.Condition, head);
                    return (whenTrue is null ? Skip(whileLoop.Body) : ContinueState(Statement(whileLoop.Body, whenTrue), exit), whenFalse);
                }

                case IForLoopOperation forLoop:
                {
                    var (whenTrue, whenFalse) = forLoop.Condition is null ? (head, null) : Split(forLoop.Condition, head);
                    var end = whenTrue is null ? Skip(forLoop.Body) : ContinueState(Statement(forLoop.Body, whenTrue), exit);
                    if (end is null)
                    {
                        foreach (var increment in forLoop.AtLoopBottom)
                        {
                            Skip(increment);
                        }

                        return (null, whenFalse);
                    }

                    return (Block(forLoop.AtLoopBottom, end, allowUsingDeclarations: false), whenFalse);
                }

                default:
                {
                    var forEach = (IForEachLoopOperation)loop;
                    var iteration = head;
                    if (forEach.LoopControlVariable is IVariableDeclaratorOperation variable)
                    {
                        // The loop variable is assigned the enumerator's Current: whatever it stood for before is gone.
                        iteration = iteration.Forget(ValueKey.Of(variable.Symbol));
                    }

                    return (ContinueState(Statement(forEach.Body, iteration), exit), head);
                }
            }
        }

        private LockState? ContinueState(LockState? endOfBody, Exit loop)
        {
            var state = endOfBody;
            foreach (var continued in loop.ContinueStates)
            {
                state = Join(state, continued);
            }

            return state;
        }

        /// <summary>
        /// Whether the calls a <c>foreach</c> makes (GetEnumerator, MoveNext, Current, Dispose) can do nothing to the
        /// held set here: none has a lock contract, and none has a body of its own to summarize while a lock is held.
        /// </summary>
        private bool EnumerationIsInert(IForEachLoopOperation forEach, LockState head)
        {
            if (forEach.SemanticModel is not { } semanticModel || forEach.Syntax is not CommonForEachStatementSyntax syntax)
            {
                return false;
            }

            var info = semanticModel.GetForEachStatementInfo(syntax);
            bool held = head.HasDefinitelyHeld;
            return IsInert(info.GetEnumeratorMethod, held) && IsInert(info.MoveNextMethod, held)
                && IsInert(info.CurrentProperty?.GetMethod, held) && IsInert(info.DisposeMethod, held);
        }

        private bool IsInert(IMethodSymbol? method, bool held)
        {
            if (method is null)
            {
                return true;
            }

            var normalized = SummaryProvider.Normalize(method);
            return transfer.Context.Model.Annotations.Get(normalized).IsEmpty && !(held && normalized.DeclaringSyntaxReferences.Length > 0);
        }

        private LockState? Switch(ISwitchOperation switchStatement, LockState state)
        {
            var value = Eval(switchStatement.Value, state);
            if (value is null)
            {
                return null;
            }

            var exit = new Exit(ExitKind.Loop) { ExitLabel = switchStatement.ExitLabel };
            exits.Add(exit);
            bool hasDefault = false;
            foreach (var section in switchStatement.Cases)
            {
                foreach (var clause in section.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation:
                            hasDefault = true;
                            break;
                        case ISingleValueCaseClauseOperation single:
                            EvalNeutral(single.Value, value);
                            break;
                        case IPatternCaseClauseOperation pattern:
                            EvalNeutral(pattern.Pattern, value);
                            if (pattern.Guard is not null)
                            {
                                EvalNeutral(pattern.Guard, value);
                            }

                            break;
                        default:
                            Unsupported();
                            break;
                    }
                }

                if (Block(section.Body, value, allowUsingDeclarations: false) is not null)
                {
                    // Falling out of a section is an error in C#; leave such code to the graph.
                    Unsupported();
                }

                if (unsupported)
                {
                    break;
                }
            }

            exits.RemoveAt(exits.Count - 1);
            LockState? after = hasDefault ? null : value;
            foreach (var broken in exit.BreakStates)
            {
                after = Join(after, broken);
            }

            return unsupported ? null : after;
        }

        private LockState? Try(ITryOperation tryStatement, LockState state)
        {
            Exit? finallyExit = null;
            if (tryStatement.Finally is not null)
            {
                finallyExit = new Exit(ExitKind.Finally) { Finally = tryStatement.Finally };
                exits.Add(finallyExit);
            }

            var end = Statement(tryStatement.Body, state);
            foreach (var catchClause in tryStatement.Catches)
            {
                // An exception can leave the try block from its very start: each handler starts from the try's entry state.
                LockState? handlerState = state;
                if (catchClause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation exceptionVariable)
                {
                    handlerState = handlerState.Forget(ValueKey.Of(exceptionVariable.Symbol));
                }
                else if (catchClause.ExceptionDeclarationOrExpression is not null)
                {
                    Unsupported();
                    break;
                }

                if (catchClause.Filter is not null)
                {
                    handlerState = Split(catchClause.Filter, handlerState).WhenTrue;
                }

                var handled = handlerState is null ? Skip(catchClause.Handler) : Statement(catchClause.Handler, handlerState);
                end = Join(end, handled);
            }

            if (finallyExit is not null)
            {
                exits.RemoveAt(exits.Count - 1);
                if (end is not null && !unsupported)
                {
                    end = Leave(finallyExit, end);
                }

                if (!finallyExit.Ran)
                {
                    // A finally block that no path reached (the try always throws) still holds bodies of its own.
                    Skip(tryStatement.Finally);
                }
            }

            return unsupported ? null : end;
        }

        private LockState? Using(IUsingOperation usingStatement, LockState state)
        {
            if (usingStatement.IsAsynchronous)
            {
                return Unsupported();
            }

            var exit = new Exit(ExitKind.Dispose);
            LockState? current = state;
            switch (usingStatement.Resources)
            {
                case IVariableDeclarationGroupOperation declarations:
                    current = Declare(declarations, state);
                    if (current is null || !AddDisposedLocals(exit, declarations, current))
                    {
                        return Unsupported();
                    }

                    break;
                case { } resource:
                    current = Eval(resource, state);
                    if (current is null)
                    {
                        return null;
                    }

                    exit.ExpressionScope = transfer.ValueOf(resource, current).Scope;
                    if (!IsDisposalModeled(resource.Type, exit.ExpressionScope is not null))
                    {
                        return Unsupported();
                    }

                    break;
            }

            exits.Add(exit);
            var end = Statement(usingStatement.Body, current);
            exits.RemoveAt(exits.Count - 1);
            return end is null || unsupported ? null : Leave(exit, end);
        }

        private bool AddDisposedLocals(Exit exit, IVariableDeclarationGroupOperation declarations, LockState state)
        {
            foreach (var declaration in declarations.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    var key = ValueKey.Of(declarator.Symbol);
                    if (!IsDisposalModeled(declarator.Symbol.Type, state.Scopes.ContainsKey(key)))
                    {
                        return false;
                    }

                    exit.AddDisposedLocal(key);
                }
            }

            return true;
        }

        /// <summary>
        /// Whether disposing a resource of <paramref name="type"/> at the end of a <c>using</c> is only what this path
        /// models: a scope of a value type is released unconditionally; a framework type's Dispose touches no lock the
        /// analysis tracks (a registration's, which waits for a running callback, excepted). A scope of a reference type
        /// is disposed behind a null check, a ref struct's Dispose is a method of its own, and a Dispose the compilation
        /// declares may lock or wait under the held locks: all are left to the graph.
        /// </summary>
        private static bool IsDisposalModeled(ITypeSymbol? type, bool isScope) =>
            type is not null && !type.IsRefLikeType && (!isScope || type.IsValueType) && (isScope || !DisposeMayAct(type));

        private static bool DisposeMayAct(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "CancellationTokenRegistration", ContainingNamespace.Name: "Threading" })
                {
                    return true;
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { Parameters.IsEmpty: true } method && method.Name.EndsWith("Dispose", System.StringComparison.Ordinal)
                        && method.Locations.Length > 0 && method.Locations[0].IsInSource)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void Jump(IBranchOperation branch, LockState state)
        {
            if (branch.BranchKind is not (BranchKind.Break or BranchKind.Continue))
            {
                Unsupported();
                return;
            }

            LockState? current = state;
            for (int i = exits.Count - 1; i >= 0 && current is not null; i--)
            {
                var exit = exits[i];
                if (exit.Kind == ExitKind.Loop)
                {
                    var target = branch.BranchKind == BranchKind.Break ? exit.ExitLabel : exit.ContinueLabel;
                    if (target is not null && SymbolEqualityComparer.Default.Equals(target, branch.Target))
                    {
                        (branch.BranchKind == BranchKind.Break ? exit.Breaks : exit.Continues).Add(current);
                        return;
                    }
                }

                current = LeaveAt(i, current);
            }

            if (current is not null)
            {
                Unsupported();
            }
        }

        private void Return(IReturnOperation returned, LockState state)
        {
            LockState? current = returned.ReturnedValue is null ? state : Eval(returned.ReturnedValue, state);
            for (int i = exits.Count - 1; i >= 0 && current is not null; i--)
            {
                current = LeaveAt(i, current);
            }

            if (current is not null && !unsupported)
            {
                transfer.CheckReturn(current, returned.ReturnedValue);
            }
        }

        /// <summary>Leaves the construct at <paramref name="index"/> of <see cref="exits"/> on the way out of a jump.</summary>
        private LockState? LeaveAt(int index, LockState state)
        {
            var exit = exits[index];
            if (exit.Kind != ExitKind.Finally)
            {
                return Leave(exit, state);
            }

            // A finally block runs where its try statement is: jumps inside it see only the constructs around the try.
            var inner = exits.GetRange(index, exits.Count - index);
            exits.RemoveRange(index, inner.Count);
            var after = Leave(exit, state);
            exits.AddRange(inner);
            return after;
        }

        private LockState? Leave(Exit exit, LockState state)
        {
            switch (exit.Kind)
            {
                case ExitKind.Finally:
                    exit.Ran = true;
                    return Statement(exit.Finally!, state);
                case ExitKind.Dispose:
                    if (exit.ExpressionScope is not null)
                    {
                        state = LockTransfer.ReleaseScope(exit.ExpressionScope, state);
                    }

                    // The locals a using disposes, in reverse declaration order.
                    var disposed = exit.DisposedLocalKeys;
                    for (int i = disposed.Count - 1; i >= 0; i--)
                    {
                        var key = disposed[i];
                        if (state.Scopes.TryGetValue(key, out var scope))
                        {
                            state = LockTransfer.ReleaseScope(scope, state.WithScope(key, null));
                        }
                    }

                    return state;
                default:
                    return state;
            }
        }

        /// <summary>Paths meeting: the fast path follows them only when they agree about every held lock.</summary>
        private LockState? Join(LockState? left, LockState? right)
        {
            if (left is null)
            {
                return right;
            }

            if (right is null || ReferenceEquals(left, right) || left.Equals(right))
            {
                return left;
            }

            if (left.Held.Length != right.Held.Length)
            {
                return Unsupported();
            }

            for (int i = 0; i < left.Held.Length; i++)
            {
                if (!left.Held[i].Equals(right.Held[i]))
                {
                    // The graph reports this join (LOCK005) at a location only it knows.
                    return Unsupported();
                }
            }

            return LockState.Join(left, right);
        }

        private void EvalNeutral(IOperation operation, LockState state)
        {
            var after = EvalCore(operation, state, conditionLeaf: null, neutral: true);
            if (!ReferenceEquals(after, state))
            {
                Unsupported();
            }
        }

        private LockState? Eval(IOperation operation, LockState state, IOperation? conditionLeaf = null) =>
            EvalCore(operation, state, conditionLeaf, neutral: false);

        /// <summary>
        /// Applies one expression, children before parents (evaluation order), without recursion. Parts evaluated on
        /// some paths only (<see cref="IsConditionalPart"/>) must leave the held set as it is.
        /// </summary>
        private LockState? EvalCore(IOperation root, LockState state, IOperation? conditionLeaf, bool neutral)
        {
            if (unsupported)
            {
                return null;
            }

            pending.Clear();
            pending.Push((root, false, neutral));
            while (pending.Count > 0)
            {
                var (operation, childrenDone, isNeutral) = pending.Pop();
                if (!childrenDone)
                {
                    if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        nestedBodies.Add(operation);
                        continue;
                    }

                    pending.Push((operation, true, isNeutral));
                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        pending.Push((child, false, isNeutral || IsConditionalPart(operation, child)));
                    }

                    continue;
                }

                if (!IsModeledConsumer(operation, conditionLeaf))
                {
                    pending.Clear();
                    return Unsupported();
                }

                var next = transfer.Apply(operation, state, report: true);
                if (isNeutral && !ReferenceEquals(next, state))
                {
                    pending.Clear();
                    return Unsupported();
                }

                state = next;
            }

            return state;
        }

        /// <summary>Whether <paramref name="child"/> is evaluated only on some paths through <paramref name="parent"/> (or, for initializers, in another order than the tree's).</summary>
        private static bool IsConditionalPart(IOperation parent, IOperation child) => parent switch
        {
            IConditionalOperation conditional => child != conditional.Condition,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical => child == logical.RightOperand,
            ICoalesceOperation coalesce => child == coalesce.WhenNull,
            ICoalesceAssignmentOperation coalesceAssignment => child == coalesceAssignment.Value,
            IConditionalAccessOperation conditionalAccess => child == conditionalAccess.WhenNotNull,
            ISwitchExpressionOperation switchExpression => child != switchExpression.Value,
            IIsPatternOperation isPattern => child == isPattern.Pattern,
            IObjectCreationOperation creation => child == creation.Initializer,
            IWithOperation with => child == with.Initializer,
            IInterpolatedStringHandlerCreationOperation handler => child == handler.Content,
            _ => false,
        };

        /// <summary>
        /// Whether the graph would treat what consumes <paramref name="operation"/> as this path does. Only a
        /// try-acquisition cares: its result taken as a condition leaf, stored, passed, returned or ignored is followed
        /// alike; anywhere else (an operand of <c>&amp;&amp;</c> as a value, <c>?:</c>, a pattern) the graph branches on it.
        /// </summary>
        private bool IsModeledConsumer(IOperation operation, IOperation? conditionLeaf)
        {
            if (operation is not IInvocationOperation invocation || !transfer.IsTryAcquisition(invocation))
            {
                return true;
            }

            IOperation consumer = invocation;
            while (consumer.Parent is IConversionOperation or IParenthesizedOperation)
            {
                consumer = consumer.Parent;
            }

            if (ReferenceEquals(consumer, conditionLeaf))
            {
                return true;
            }

            return consumer.Parent is IExpressionStatementOperation or ISimpleAssignmentOperation or IVariableInitializerOperation
                or IReturnOperation or IArgumentOperation;
        }

        /// <summary>Code no path reaches is not analyzed, but its lambdas and local functions are bodies of their own (the graph analyzes them too).</summary>
        private LockState? Skip(IOperation? unreachable)
        {
            CollectNestedBodies(unreachable);
            return null;
        }

        /// <summary>Finds the lambdas and local functions in code the fast path does not run (unreachable statements, bodies it skips).</summary>
        private void CollectNestedBodies(IOperation? root)
        {
            if (root is null)
            {
                return;
            }

            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    nestedBodies.Add(operation);
                    continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>The lambdas and local functions met while walking one member's bodies, each once (loops and finally blocks are walked more than once).</summary>
        private sealed class NestedBodies
        {
            private HashSet<IOperation>? seen;
            private List<IOperation>? found;

            /// <summary>The lambdas and local functions found, in order; most bodies have none, and allocate nothing for them.</summary>
            internal IReadOnlyList<IOperation> Found => (IReadOnlyList<IOperation>?)found ?? Array.Empty<IOperation>();

            internal void Add(IOperation body)
            {
                if ((seen ??= new HashSet<IOperation>()).Add(body))
                {
                    (found ??= new List<IOperation>()).Add(body);
                }
            }
        }

        private enum ExitKind
        {
            /// <summary>A loop or a switch: the target of break and continue.</summary>
            Loop,

            /// <summary>A try statement's finally block, run by every jump out of the try.</summary>
            Finally,

            /// <summary>A using statement, or a block's using declarations: leaving disposes the resources.</summary>
            Dispose,
        }

        /// <summary>A construct that a jump (break, continue, return) leaves on its way out, and what leaving it does.</summary>
        private sealed class Exit
        {
            internal Exit(ExitKind kind) => Kind = kind;

            internal ExitKind Kind { get; }

            internal ILabelSymbol? ExitLabel { get; set; }

            internal ILabelSymbol? ContinueLabel { get; set; }

            // Created on first use: every using, try and loop has an exit, few of them see a jump.
            private List<LockState>? breaks;
            private List<LockState>? continues;
            private List<ValueKey>? disposedLocals;

            internal List<LockState> Breaks => breaks ??= new List<LockState>();

            internal List<LockState> Continues => continues ??= new List<LockState>();

            internal IReadOnlyList<LockState> BreakStates => (IReadOnlyList<LockState>?)breaks ?? System.Array.Empty<LockState>();

            internal IReadOnlyList<LockState> ContinueStates => (IReadOnlyList<LockState>?)continues ?? System.Array.Empty<LockState>();

            internal IReadOnlyList<ValueKey> DisposedLocalKeys => (IReadOnlyList<ValueKey>?)disposedLocals ?? System.Array.Empty<ValueKey>();

            internal void AddDisposedLocal(ValueKey key) => (disposedLocals ??= new List<ValueKey>()).Add(key);

            internal void ClearJumps()
            {
                breaks?.Clear();
                continues?.Clear();
            }

            internal IBlockOperation? Finally { get; set; }

            /// <summary>Some path ran the finally block (its lambdas and local functions were met on the way).</summary>
            internal bool Ran { get; set; }

            /// <summary>The lock whose scope a <c>using (expression)</c> disposes.</summary>
            internal HeldLock? ExpressionScope { get; set; }

        }
    }
}
