using LockOrder.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>
    /// What a delegate value runs when it is invoked: a lambda or local function (whose <c>this</c> is the creating
    /// body's), or a method group on a receiver.
    /// </summary>
    internal readonly struct DelegateTarget
    {
        internal DelegateTarget(IMethodSymbol method, LockInstance receiver)
        {
            Method = method;
            Receiver = receiver;
        }

        internal IMethodSymbol Method { get; }

        /// <summary>The object the target runs on, as a path in the body that names the delegate.</summary>
        internal LockInstance Receiver { get; }

        /// <summary>"callback Device.ReportSlot", "callback Device.Reset.lambda": how a message names what the delegate ran.</summary>
        internal string Describe() => "callback " + MethodDisplayName.Of(Method);
    }
}
