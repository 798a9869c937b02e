using System;

namespace LockOrder
{
    /// <summary>
    /// The analyzer does not analyze the body of the annotated method (its annotations still apply at call sites).
    /// Use it for code whose locking is deliberately outside the model, such as test code that builds a deadlock.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class NoLockAnalysisAttribute : Attribute
    {
    }
}
