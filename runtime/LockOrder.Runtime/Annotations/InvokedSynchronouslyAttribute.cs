using System;

namespace LockOrder
{
    /// <summary>
    /// The method runs the delegate passed for this parameter before it returns (as <c>List&lt;T&gt;.ForEach</c> does), so
    /// the delegate runs under the locks its caller holds. The analyzer follows delegates into methods of the same
    /// compilation by itself; this says so for a library the analyzer cannot see into.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class InvokedSynchronouslyAttribute : Attribute
    {
    }
}
