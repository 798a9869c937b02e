using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The calls that block their thread until something else happens, with no timeout (DESIGN §15, LOCK014):
    /// <c>Task.Wait()</c>, <c>.Result</c>, <c>.GetAwaiter().GetResult()</c>, <c>Thread.Join()</c>, <c>WaitOne()</c> on an
    /// event or semaphore (a mutex's is an acquisition), <c>ManualResetEventSlim.Wait()</c>, <c>CountdownEvent.Wait()</c>,
    /// <c>Barrier.SignalAndWait()</c>, <c>Task.WaitAll/WaitAny</c>, and <c>CancellationTokenRegistration.Dispose()</c>
    /// (which waits for a callback that is running). A wait given a timeout returns: it is not here.
    /// </summary>
    internal static class BlockingWaits
    {
        /// <summary>
        /// How a message names the wait <paramref name="method"/> makes on a receiver of <paramref name="receiverType"/>
        /// ("Task.Wait", "Task&lt;T&gt;.Result"), or null when it does not block without end.
        /// <paramref name="throughCalls"/> leaves out the waits only the flow at their own call reads (a registration's
        /// disposal, whose name is too common to look for in syntax).
        /// </summary>
        internal static string? Describe(IMethodSymbol method, ITypeSymbol? receiverType, bool throughCalls = false)
        {
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null
                || type.Name is not ("Task" or "ValueTask" or "TaskAwaiter" or "ValueTaskAwaiter" or "ConfiguredTaskAwaiter" or "ConfiguredValueTaskAwaiter" or "Thread" or "WaitHandle" or "ManualResetEventSlim" or "CountdownEvent" or "Barrier" or "CancellationTokenRegistration")
                || !HasTimeoutFreeShape(method))
            {
                return null;
            }

            string? ns = Namespace(type);
            switch (type.Name)
            {
                case "Task" when ns == "System.Threading.Tasks" && method.Name is "Wait" or "WaitAll" or "WaitAny":
                    return "Task." + method.Name;
                case "Task" or "ValueTask" when ns == "System.Threading.Tasks" && type.Arity == 1 && method is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol.Name: "Result" }:
                    return type.Name + "<T>.Result";
                case "TaskAwaiter" or "ValueTaskAwaiter" or "ConfiguredTaskAwaiter" or "ConfiguredValueTaskAwaiter" when method.Name == "GetResult" && (ns == "System.Runtime.CompilerServices"):
                    return "GetAwaiter().GetResult";
                case "Thread" when ns == "System.Threading" && method.Name == "Join":
                    return "Thread.Join";
                case "WaitHandle" when ns == "System.Threading" && method.Name is "WaitOne" && !BclLockTypes.IsMutex(receiverType):
                    return (receiverType?.Name ?? "WaitHandle") + ".WaitOne";
                case "WaitHandle" when ns == "System.Threading" && method.Name is "WaitAll" or "WaitAny":
                    return "WaitHandle." + method.Name;
                case "ManualResetEventSlim" or "CountdownEvent" when ns == "System.Threading" && method.Name == "Wait":
                    return type.Name + ".Wait";
                case "Barrier" when ns == "System.Threading" && method.Name == "SignalAndWait":
                    return "Barrier.SignalAndWait";
                case "CancellationTokenRegistration" when ns == "System.Threading" && method.Name == "Dispose" && !throughCalls:
                    return "CancellationTokenRegistration.Dispose";
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether the task waited for comes from a call told to run synchronously — <c>Flush(async: false)</c>, the
        /// sync-over-async idiom of libraries that write each I/O path once (Npgsql, SqlClient): such a task has completed
        /// when the call returns, and <c>.GetAwaiter().GetResult()</c> on it only unwraps the result or the exception.
        /// </summary>
        internal static bool IsSynchronousCompletion(IOperation? waited)
        {
            for (int depth = 0; depth < 8 && waited is not null; depth++)
            {
                while (waited is IConversionOperation or IParenthesizedOperation)
                {
                    waited = waited is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)waited).Operand;
                }

                if (waited is not IInvocationOperation invocation)
                {
                    return false;
                }

                if (invocation.TargetMethod.Name is "GetAwaiter" or "ConfigureAwait" or "AsTask" && invocation.Instance is { } inner)
                {
                    waited = inner;
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter
                        && IsAsyncFlag(parameter.Name)
                        && argument.Value.ConstantValue is { HasValue: true, Value: false })
                    {
                        return true;
                    }
                }

                return false;
            }

            return false;
        }

        private static bool IsAsyncFlag(string name) =>
            string.Equals(name, "async", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "isAsync", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "useAsync", System.StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "runAsync", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>The names <see cref="Describe"/> may name, for reading calls from syntax.</summary>
        internal static readonly string[] WaitingTypeNames = { "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask`1", "System.Runtime.CompilerServices.TaskAwaiter", "System.Runtime.CompilerServices.TaskAwaiter`1", "System.Threading.Thread", "System.Threading.WaitHandle", "System.Threading.ManualResetEventSlim", "System.Threading.CountdownEvent", "System.Threading.Barrier" };

        /// <summary>The member names <see cref="Describe"/> may name when reading through calls (a property's for <c>Result</c>).</summary>
        internal static readonly string[] WaitingMemberNames = { "Wait", "WaitAll", "WaitAny", "Result", "GetResult", "Join", "WaitOne", "SignalAndWait" };

        /// <summary>No timeout among the parameters (a wait given one returns).</summary>
        private static bool HasTimeoutFreeShape(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                    || parameter.Type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return false;
                }
            }

            return true;
        }

        private static string? Namespace(INamedTypeSymbol type)
        {
            var ns = type.ContainingType is { } outer ? outer.ContainingNamespace : type.ContainingNamespace;
            return ns?.ToDisplayString();
        }
    }
}
