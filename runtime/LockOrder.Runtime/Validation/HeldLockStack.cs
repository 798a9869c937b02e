using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace LockOrder
{
    /// <summary>
    /// The locks the current thread holds, oldest first, as the validator saw them being taken. Releases may happen
    /// in any order. A stack from before the last <see cref="LockValidator.Reset"/> (or before validation was last
    /// turned on) is forgotten on first use, so a test that leaked a hold cannot poison the next one.
    /// </summary>
    internal sealed class HeldLockStack
    {
        [ThreadStatic]
        private static HeldLockStack? t_current;

        private readonly List<HeldLock> _held = new List<HeldLock>();
        private int _epoch;

        private HeldLockStack(int epoch) => _epoch = epoch;

        internal IReadOnlyList<HeldLock> Held => _held;

        // Where the blocking acquisition now being checked was called from: captured once by the check and
        // reused when the lock is pushed, because capturing a stack trace is the validator's main cost.
        internal object? PendingLock { get; private set; }

        internal StackTrace? PendingWhere { get; private set; }

        internal static HeldLockStack ForCurrentThread(int epoch)
        {
            var stack = t_current;
            if (stack is null)
            {
                stack = new HeldLockStack(epoch);
                t_current = stack;
            }
            else if (stack._epoch != epoch)
            {
                stack._held.Clear();
                stack.PendingLock = null;
                stack.PendingWhere = null;
                stack._epoch = epoch;
            }

            return stack;
        }

        internal void SetPending(object lockObject, StackTrace where)
        {
            PendingLock = lockObject;
            PendingWhere = where;
        }

        internal StackTrace TakePending(object lockObject)
        {
            var where = ReferenceEquals(PendingLock, lockObject) ? PendingWhere : null;
            PendingLock = null;
            PendingWhere = null;
            return where ?? LockReport.Capture();
        }

        internal void Push(HeldLock held) => _held.Add(held);

        /// <summary>Removes the latest hold of <paramref name="lockObject"/> in <paramref name="mode"/>; false when the validator never saw it taken.</summary>
        internal bool Remove(object lockObject, LockMode mode)
        {
            int index = IndexOf(lockObject, mode);
            if (index < 0)
            {
                return false;
            }

            _held.RemoveAt(index);
            return true;
        }

        internal HeldLock? Find(object lockObject, LockMode mode)
        {
            int index = IndexOf(lockObject, mode);
            return index < 0 ? null : _held[index];
        }

        private int IndexOf(object lockObject, LockMode mode)
        {
            for (int i = _held.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(_held[i].Lock, lockObject) && _held[i].Mode == mode)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
