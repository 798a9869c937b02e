using Microsoft.CodeAnalysis;

namespace LockOrder.Analyzers.Model
{
    /// <summary>
    /// The table of DESIGN §11: which BCL methods take, try to take or release a lock, in which mode, and where the lock,
    /// the <c>ref bool</c> success flag and the timeout are among the arguments. Read from the method's name and
    /// parameter types, so that every overload is classified by what it does, whichever framework version declares it.
    /// </summary>
    internal static class BclLockCalls
    {
        private static readonly BclLockCall NotALockCall = default;

        /// <summary>
        /// What calling <paramref name="method"/> does to a lock. <paramref name="receiverType"/> is the static type of
        /// the receiver: <c>WaitOne</c> is a mutex's acquisition only on a <c>Mutex</c>.
        /// </summary>
        internal static BclLockCall Classify(IMethodSymbol method, ITypeSymbol? receiverType)
        {
            var type = method.ContainingType;
            if (type is null || type.ContainingNamespace is not { Name: "Threading" })
            {
                return NotALockCall;
            }

            switch (type.Name)
            {
                case "Monitor" when BclLockTypes.Is(type, "Monitor"):
                    return Monitor(method);
                case "Lock" when BclLockTypes.Is(type, "Lock"):
                    return Lock(method);
                case "SemaphoreSlim" when BclLockTypes.Is(type, "SemaphoreSlim"):
                    return SemaphoreSlim(method);
                case "ReaderWriterLockSlim" when BclLockTypes.Is(type, "ReaderWriterLockSlim"):
                    return ReaderWriterLockSlim(method);
                case "ReaderWriterLock" when BclLockTypes.Is(type, "ReaderWriterLock"):
                    return ReaderWriterLock(method);
                case "WaitHandle" when BclLockTypes.Is(type, "WaitHandle") && method.Name == "WaitOne" && BclLockTypes.IsMutex(receiverType):
                    return Timed(method, LockPrimitive.Mutex, LockMode.Exclusive, timeout: 0);
                case "Mutex" when BclLockTypes.Is(type, "Mutex") && method.Name == "ReleaseMutex":
                    return Release(LockPrimitive.Mutex, LockMode.Exclusive);
                case "SpinLock" when BclLockTypes.Is(type, "SpinLock"):
                    return SpinLock(method);
                default:
                    return NotALockCall;
            }
        }

        /// <summary>Whether a call of <paramref name="method"/> may wait for a BCL lock (an acquisition, blocking or timed), whatever the receiver.</summary>
        internal static bool MayWait(IMethodSymbol method) =>
            Classify(method, method.ContainingType).Kind is BclLockCallKind.Acquire or BclLockCallKind.TryAcquire
            || (method.Name == "WaitOne" && BclLockTypes.Is(method.ContainingType, "WaitHandle"));

        /// <summary>The BCL types whose methods <see cref="Classify"/> reads, as <c>System.Threading</c> names.</summary>
        internal static readonly string[] LockTypeNames = { "Monitor", "Lock", "SemaphoreSlim", "ReaderWriterLockSlim", "ReaderWriterLock", "WaitHandle", "Mutex", "SpinLock" };

        /// <summary>Whether <paramref name="method"/> is one of the methods <see cref="Classify"/> may find a lock operation in, whatever the receiver.</summary>
        internal static bool MayBeLockMethod(IMethodSymbol method) =>
            Classify(method, method.ContainingType).IsLockOperation
            || (method.Name == "WaitOne" && BclLockTypes.Is(method.ContainingType, "WaitHandle"));

        private static BclLockCall Monitor(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            if (parameters.Length == 0 || parameters[0].Type.SpecialType != SpecialType.System_Object)
            {
                return NotALockCall;
            }

            switch (method.Name)
            {
                case "Enter" when parameters.Length == 1:
                    return new BclLockCall(BclLockCallKind.Acquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0);
                case "Enter" when parameters.Length == 2 && IsRefBool(parameters[1]):
                    return new BclLockCall(BclLockCallKind.Acquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0, takenFlag: 1);
                case "TryEnter" when parameters.Length == 1:
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0);
                case "TryEnter" when parameters.Length == 2 && IsRefBool(parameters[1]):
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0, takenFlag: 1);
                case "TryEnter" when parameters.Length == 2 && IsTimeout(parameters[1]):
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0, timeout: 1);
                case "TryEnter" when parameters.Length == 3 && IsTimeout(parameters[1]) && IsRefBool(parameters[2]):
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0, takenFlag: 2, timeout: 1);
                case "Exit" when parameters.Length == 1:
                    return new BclLockCall(BclLockCallKind.Release, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0);
                case "Wait":
                    return new BclLockCall(BclLockCallKind.MonitorWait, LockPrimitive.Monitor, LockMode.Exclusive, lockObject: 0);
                default:
                    return NotALockCall;
            }
        }

        private static BclLockCall Lock(IMethodSymbol method) => method.Name switch
        {
            "Enter" when method.Parameters.IsEmpty => Acquire(LockPrimitive.Lock, LockMode.Exclusive),
            "EnterScope" when method.Parameters.IsEmpty => new BclLockCall(BclLockCallKind.Acquire, LockPrimitive.Lock, LockMode.Exclusive, returnsScope: true),
            "TryEnter" => Timed(method, LockPrimitive.Lock, LockMode.Exclusive, timeout: 0),
            "Exit" when method.Parameters.IsEmpty => Release(LockPrimitive.Lock, LockMode.Exclusive),
            _ => NotALockCall,
        };

        private static BclLockCall SemaphoreSlim(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "Wait":
                case "WaitAsync":
                    // Wait() and Wait(CancellationToken) block until they hold it (or throw); a timeout makes a try.
                    return method.Parameters.Length > 0 && IsTimeout(method.Parameters[0])
                        ? new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.SemaphoreSlim, LockMode.Exclusive, timeout: 0)
                        : Acquire(LockPrimitive.SemaphoreSlim, LockMode.Exclusive);
                case "Release":
                    return Release(LockPrimitive.SemaphoreSlim, LockMode.Exclusive);
                default:
                    return NotALockCall;
            }
        }

        private static BclLockCall ReaderWriterLockSlim(IMethodSymbol method) => method.Name switch
        {
            "EnterReadLock" => Acquire(LockPrimitive.ReaderWriterLockSlim, LockMode.Shared),
            "EnterUpgradeableReadLock" => Acquire(LockPrimitive.ReaderWriterLockSlim, LockMode.Upgradeable),
            "EnterWriteLock" => Acquire(LockPrimitive.ReaderWriterLockSlim, LockMode.Exclusive),
            "TryEnterReadLock" => Timed(method, LockPrimitive.ReaderWriterLockSlim, LockMode.Shared, timeout: 0),
            "TryEnterUpgradeableReadLock" => Timed(method, LockPrimitive.ReaderWriterLockSlim, LockMode.Upgradeable, timeout: 0),
            "TryEnterWriteLock" => Timed(method, LockPrimitive.ReaderWriterLockSlim, LockMode.Exclusive, timeout: 0),
            "ExitReadLock" => Release(LockPrimitive.ReaderWriterLockSlim, LockMode.Shared),
            "ExitUpgradeableReadLock" => Release(LockPrimitive.ReaderWriterLockSlim, LockMode.Upgradeable),
            "ExitWriteLock" => Release(LockPrimitive.ReaderWriterLockSlim, LockMode.Exclusive),
            _ => NotALockCall,
        };

        private static BclLockCall ReaderWriterLock(IMethodSymbol method) => method.Name switch
        {
            // A timeout that expires throws instead of returning false: every acquisition blocks.
            "AcquireReaderLock" => Acquire(LockPrimitive.ReaderWriterLock, LockMode.Shared),
            "AcquireWriterLock" => Acquire(LockPrimitive.ReaderWriterLock, LockMode.Exclusive),
            "ReleaseReaderLock" => Release(LockPrimitive.ReaderWriterLock, LockMode.Shared),
            "ReleaseWriterLock" => Release(LockPrimitive.ReaderWriterLock, LockMode.Exclusive),
            _ => NotALockCall,
        };

        private static BclLockCall SpinLock(IMethodSymbol method)
        {
            var parameters = method.Parameters;
            switch (method.Name)
            {
                case "Enter" when parameters.Length == 1 && IsRefBool(parameters[0]):
                    return new BclLockCall(BclLockCallKind.Acquire, LockPrimitive.SpinLock, LockMode.Exclusive, takenFlag: 0);
                case "TryEnter" when parameters.Length == 1 && IsRefBool(parameters[0]):
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.SpinLock, LockMode.Exclusive, takenFlag: 0);
                case "TryEnter" when parameters.Length == 2 && IsTimeout(parameters[0]) && IsRefBool(parameters[1]):
                    return new BclLockCall(BclLockCallKind.TryAcquire, LockPrimitive.SpinLock, LockMode.Exclusive, takenFlag: 1, timeout: 0);
                case "Exit":
                    return Release(LockPrimitive.SpinLock, LockMode.Exclusive);
                default:
                    return NotALockCall;
            }
        }

        private static BclLockCall Acquire(LockPrimitive primitive, LockMode mode) => new BclLockCall(BclLockCallKind.Acquire, primitive, mode);

        private static BclLockCall Release(LockPrimitive primitive, LockMode mode) => new BclLockCall(BclLockCallKind.Release, primitive, mode);

        /// <summary>An acquisition that blocks without a timeout argument and tries with one.</summary>
        private static BclLockCall Timed(IMethodSymbol method, LockPrimitive primitive, LockMode mode, int timeout) =>
            method.Parameters.Length > timeout && IsTimeout(method.Parameters[timeout])
                ? new BclLockCall(BclLockCallKind.TryAcquire, primitive, mode, timeout: timeout)
                : method.Name.StartsWith("Try", System.StringComparison.Ordinal)
                    ? new BclLockCall(BclLockCallKind.TryAcquire, primitive, mode)
                    : Acquire(primitive, mode);

        private static bool IsRefBool(IParameterSymbol parameter) =>
            parameter.RefKind == RefKind.Ref && parameter.Type.SpecialType == SpecialType.System_Boolean;

        private static bool IsTimeout(IParameterSymbol parameter) =>
            parameter.RefKind == RefKind.None
            && (parameter.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
                || parameter.Type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
    }
}
