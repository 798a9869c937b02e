using System.Collections.Immutable;
using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// A call a body makes, as its summary needs it: the callee, the receiver its <c>this</c> becomes, the guard the call
    /// itself is under (<see cref="ParameterGuard"/>), and what the body passes for the callee's <c>bool</c> parameters —
    /// so that a callee's guarded effect is dropped where the call passes the other value, or guarded by the caller's
    /// own parameter where the caller passes that on.
    /// </summary>
    internal sealed class CallSite
    {
        internal CallSite(IMethodSymbol callee, LockInstance receiver, ParameterGuard? guard = null, ImmutableArray<BoolArgument> boolArguments = default)
        {
            Callee = callee;
            Receiver = receiver;
            Guard = guard;
            BoolArguments = boolArguments.IsDefault ? ImmutableArray<BoolArgument>.Empty : boolArguments;
        }

        internal IMethodSymbol Callee { get; }

        internal LockInstance Receiver { get; }

        /// <summary>The value of one of the calling body's parameters the call is made under; null: any.</summary>
        internal ParameterGuard? Guard { get; }

        /// <summary>The <c>bool</c> arguments the body passes that it knows: constants, and its own parameters passed on.</summary>
        internal ImmutableArray<BoolArgument> BoolArguments { get; }

        /// <summary>
        /// The guard a callee's effect has in the caller: none if the call passes the value the effect needs, the
        /// caller's own parameter if it passes that on, the call's own guard otherwise. False when the call passes the
        /// other value, so the effect cannot happen through it.
        /// </summary>
        internal bool TryGuardInCaller(ParameterGuard? calleeGuard, out ParameterGuard? guard)
        {
            guard = Guard;
            if (calleeGuard is null)
            {
                return true;
            }

            foreach (var argument in BoolArguments)
            {
                if (argument.CalleeOrdinal != calleeGuard.Ordinal)
                {
                    continue;
                }

                if (argument.Constant is { } constant)
                {
                    return constant == calleeGuard.RunsWhen;
                }

                if (argument.CallerOrdinal is { } passedOn && Guard is null)
                {
                    guard = new ParameterGuard(passedOn, calleeGuard.RunsWhen);
                }
            }

            return true;
        }

        /// <summary>The same call seen twice: guarded and with arguments known only where both sightings agree.</summary>
        internal CallSite Merge(CallSite other)
        {
            var arguments = ImmutableArray.CreateBuilder<BoolArgument>();
            foreach (var argument in BoolArguments)
            {
                if (other.BoolArguments.Contains(argument))
                {
                    arguments.Add(argument);
                }
            }

            return new CallSite(Callee, Receiver, ParameterGuard.Either(Guard, other.Guard), arguments.ToImmutable());
        }
    }
}
