using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// Where the values one body names come from: the value a control-flow-graph capture stands for, and the one value a
    /// local is ever given in the body (<c>var s = _sync; lock (s)</c> locks <c>_sync</c>), so a lock read into a local is
    /// still named by the member it was read from (DESIGN §12). A local given more than one value, or passed by
    /// reference, stands for nothing: no lock is better than a wrong one.
    /// </summary>
    internal sealed class ValueOrigins
    {
        private const int Ambiguous = 2;

        private readonly Func<IFlowCaptureReferenceOperation, IOperation?>? captures;
        private readonly IOperation? body;
        private Dictionary<ILocalSymbol, (int Count, IOperation? Value, bool ForEach)>? locals;
        private HashSet<IParameterSymbol>? writtenParameters;

        internal ValueOrigins(IOperation? body, Func<IFlowCaptureReferenceOperation, IOperation?>? captures, TrivialGetters? getters = null)
        {
            this.body = body;
            this.captures = captures;
            Getters = getters;
        }

        /// <summary>The compilation's properties that only return a field or their object, where the reader knows them.</summary>
        internal TrivialGetters? Getters { get; }

        /// <summary>The body whose locals these are.</summary>
        internal IOperation? Body => body;

        /// <summary>The value <paramref name="reference"/> reads, where the graph captured one.</summary>
        internal IOperation? Capture(IFlowCaptureReferenceOperation reference) => captures?.Invoke(reference);

        /// <summary>
        /// The value <paramref name="value"/> passes on unchanged — behind a conversion, parentheses, a capture of the
        /// graph, or a local given one value — or null where it is none of these (or the value behind is not known).
        /// The step every walk back from a value to where it comes from takes.
        /// </summary>
        internal static IOperation? Behind(IOperation value, ValueOrigins? origins) => value switch
        {
            IConversionOperation conversion => conversion.Operand,
            IParenthesizedOperation parenthesized => parenthesized.Operand,
            IFlowCaptureReferenceOperation capture => origins?.Capture(capture),
            ILocalReferenceOperation local => origins?.Local(local.Local),
            _ => null,
        };

        /// <summary>The only value <paramref name="local"/> is given in the body, or null.</summary>
        internal IOperation? Local(ILocalSymbol local) =>
            Locals().TryGetValue(local, out var known) && known.Count == 1 && !known.ForEach ? known.Value : null;

        /// <summary>The collection a <c>foreach</c> variable walks, where it is given no other value.</summary>
        /// <summary>
        /// Whether the body may write <paramref name="parameter"/>: an assignment, an increment, a deconstruction, a
        /// <c>ref</c>/<c>out</c>/<c>in</c> argument or a <c>ref</c> local made from it, lambdas included. Without a body, it may.
        /// </summary>
        internal bool MayWrite(IParameterSymbol parameter)
        {
            Locals();
            return body is null || writtenParameters!.Contains(parameter);
        }

        internal IOperation? ForEachCollection(ILocalSymbol local) =>
            Locals().TryGetValue(local, out var known) && known.Count == 1 && known.ForEach ? known.Value : null;

        private Dictionary<ILocalSymbol, (int Count, IOperation? Value, bool ForEach)> Locals()
        {
            if (locals is not null)
            {
                return locals;
            }

            // Built on first use: most bodies never lock through a local. The same walk finds the parameters written.
            var found = new Dictionary<ILocalSymbol, (int Count, IOperation? Value, bool ForEach)>(SymbolEqualityComparer.Default);
            var written = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
            if (body is null)
            {
                writtenParameters = written;
                return locals = found;
            }

            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                NoteWrittenParameters(written, operation);
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer is not null)
                        {
                            Note(found, declarator.Symbol, initializer.Value, forEach: false);
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Note(found, target.Local, assignment.IsRef ? null : assignment.Value, forEach: false);
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                        Note(found, target.Local, null, forEach: false);
                        break;
                    case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target }:
                        Note(found, target.Local, null, forEach: false);
                        break;
                    case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                        Note(found, target.Local, null, forEach: false);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var local in deconstruction.Target.Descendants())
                        {
                            if (local is ILocalReferenceOperation reference)
                            {
                                Note(found, reference.Local, null, forEach: false);
                            }
                        }

                        break;
                    case IArgumentOperation { Value: ILocalReferenceOperation passed } argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                        Note(found, passed.Local, null, forEach: false);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                        Note(found, variable.Symbol, loop.Collection, forEach: true);
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }

            writtenParameters = written;
            return locals = found;
        }

        /// <summary>Every parameter named in what <paramref name="operation"/> writes (anywhere in it, to be safe).</summary>
        private static void NoteWrittenParameters(HashSet<IParameterSymbol> written, IOperation operation)
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                IVariableDeclaratorOperation { Symbol.IsRef: true } declarator => (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value,
                _ => null,
            };

            if (target is null)
            {
                return;
            }

            foreach (var reference in target.DescendantsAndSelf())
            {
                if (reference is IParameterReferenceOperation { Parameter: var parameter })
                {
                    written.Add(parameter);
                }
            }
        }

        private static void Note(Dictionary<ILocalSymbol, (int Count, IOperation? Value, bool ForEach)> found, ILocalSymbol local, IOperation? value, bool forEach)
        {
            // A value that is unknown (a ref or compound assignment) counts as a second one: the local is ambiguous.
            found[local] = found.TryGetValue(local, out var known)
                ? (Ambiguous, null, false)
                : (value is null ? Ambiguous : 1, value, forEach);
        }
    }
}
