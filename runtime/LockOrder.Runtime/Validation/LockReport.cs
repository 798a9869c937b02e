using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace LockOrder
{
    /// <summary>
    /// Captures where locks are taken and writes violation reports in the spirit of the kernel's lockdep splats:
    /// what the thread is trying to take, what it holds and where each was taken, and for a cycle every step with
    /// where it was first seen.
    /// </summary>
    internal static class LockReport
    {
        private const int MaxFrames = 14;
        private const string Rule = "======================================================";

        /// <summary>The calling code's stack, without the lock and validator frames.</summary>
        internal static StackTrace Capture() => new StackTrace(1, fNeedFileInfo: false);

        internal static string Name(object lockObject)
        {
            string name = lockObject switch
            {
                MutexLock mutex => mutex.Name,
                RwSemaphore semaphore => semaphore.Name,
                _ => lockObject.GetType().Name,
            };
            string className = lockObject.GetType().Name;
            string instance = "#" + RuntimeHelpers.GetHashCode(lockObject).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            return name == className ? className + instance : $"{className} '{name}'{instance}";
        }

        internal static string ClassName(Type lockClass) => lockClass.Name;

        internal static string Render(StackTrace trace, string indent)
        {
            var text = new StringBuilder();
            int shown = 0;
            foreach (var frame in trace.GetFrames() ?? Array.Empty<StackFrame>())
            {
                var method = frame?.GetMethod();
                if (method is null || IsInfrastructure(method))
                {
                    continue;
                }

                if (shown == MaxFrames)
                {
                    text.Append(indent).AppendLine("...");
                    break;
                }

                text.Append(indent).Append("at ").Append(method.DeclaringType?.FullName ?? "?").Append('.').Append(method.Name).AppendLine("()");
                shown++;
            }

            return text.Length == 0 ? indent + "(no managed frames)" + Environment.NewLine : text.ToString();
        }

        internal static string Recursive(object acquiring, LockMode mode, StackTrace where, HeldLock held)
        {
            var text = Header("possible recursive locking detected", LockViolationKind.Recursive);
            Trying(text, acquiring, mode, where);
            text.AppendLine(ReferenceEquals(held.Lock, acquiring)
                ? "but the thread already holds this same lock:"
                : $"but the thread already holds another lock of class {ClassName(held.Class)}:");
            Held(text, held);
            if (!ReferenceEquals(held.Lock, acquiring))
            {
                text.AppendLine()
                    .AppendLine("Two locks of one class have no order between them, so another thread may take them the other way round.")
                    .AppendLine("Use a try-acquisition and back off on contention instead.");
            }
            else if (acquiring is RwSemaphore)
            {
                text.AppendLine()
                    .AppendLine("A reader-writer semaphore is not recursive, not even read after read: it is fair, so once a writer queues")
                    .AppendLine("between the two acquisitions the second waits for the writer, which waits for the first.");
            }
            else
            {
                text.AppendLine().AppendLine("The lock is not recursive: the thread would wait for itself.");
            }

            return Finish(text);
        }

        internal static string DeclaredOrder(object acquiring, LockMode mode, StackTrace where, IReadOnlyList<HeldLock> involved, DeclaredLockOrder declared)
        {
            var text = Header("lock taken against the declared order", LockViolationKind.DeclaredOrder);
            Trying(text, acquiring, mode, where);
            text.AppendLine(involved.Count == 1 ? "but the thread already holds:" : "but the thread already holds these locks declared to come after it:");
            foreach (var held in involved)
            {
                Held(text, held);
            }

            text.AppendLine().AppendLine("the declared order is:");
            foreach (var held in involved)
            {
                text.Append("  ").AppendLine(string.Join(" -> ", Map(declared.Chain(acquiring.GetType(), held.Class), ClassName)));
            }

            text.AppendLine().AppendLine("Take the locks in the declared order, or drop the later lock before taking the earlier one.");
            return Finish(text);
        }

        internal static string Inversion(object acquiring, LockMode mode, StackTrace where, HeldLock held, IReadOnlyList<OrderEdge> existing, IReadOnlyList<HeldLock> allHeld)
        {
            var text = Header("possible circular locking dependency detected", LockViolationKind.Inversion);
            Trying(text, acquiring, mode, where);
            text.AppendLine("but the thread already holds:");
            Held(text, held);
            text.AppendLine().AppendLine($"which lock already depends on the new lock: the existing dependency chain is");
            int step = 0;
            foreach (var edge in existing)
            {
                Edge(text, ++step, edge);
            }

            var cycle = new List<string> { ClassName(held.Class) };
            foreach (var edge in existing)
            {
                cycle.Add(ClassName(edge.From));
            }

            cycle.Add(ClassName(held.Class));
            text.AppendLine()
                .Append("taking ").Append(ClassName(acquiring.GetType())).Append(" now would close the cycle: ")
                .AppendLine(string.Join(" -> ", cycle));
            if (existing.Count == 1)
            {
                Scenario(text, held.Class, acquiring.GetType());
            }

            AllHeld(text, allHeld);
            return Finish(text);
        }

        internal static string UserMemoryAccess(StackTrace where, IReadOnlyList<(HeldLock Held, List<OrderEdge> Chain)> involved, IReadOnlyList<HeldLock> allHeld)
        {
            var text = Header("user memory touched under a lock that a page fault may need", LockViolationKind.UserMemoryAccess);
            text.AppendLine($"thread {Environment.CurrentManagedThreadId} touches user memory, which may page-fault and take {ClassName(typeof(MmapLock))} (shared), at:");
            text.Append(Render(where, "    "));
            text.AppendLine("while it holds:");
            foreach (var (held, chain) in involved)
            {
                Held(text, held);
                if (chain.Count == 0)
                {
                    text.AppendLine("  which is the address space's own lock held for write: the fault would wait for this thread.");
                    continue;
                }

                var order = new List<string> { ClassName(typeof(MmapLock)) };
                foreach (var edge in chain)
                {
                    order.Add(ClassName(edge.To));
                }

                text.Append("  which is ordered after ").Append(ClassName(typeof(MmapLock))).Append(": ").AppendLine(string.Join(" -> ", order));
                int step = 0;
                foreach (var edge in chain)
                {
                    if (!edge.Declared)
                    {
                        Edge(text, ++step, edge);
                    }
                }
            }

            text.AppendLine()
                .AppendLine("The fault handler would take the locks above after MmapLock; with a writer queued on a held reader-writer lock")
                .AppendLine("this deadlocks. Copy from user memory before taking the lock, copy to user memory after releasing it.");
            AllHeld(text, allHeld);
            return Finish(text);
        }

        private static StringBuilder Header(string title, LockViolationKind kind)
        {
            var text = new StringBuilder();
            text.AppendLine().AppendLine(Rule)
                .Append("WARNING: ").Append(title).Append(" (").Append(kind).AppendLine(")")
                .AppendLine(Rule);
            return text;
        }

        private static void Trying(StringBuilder text, object acquiring, LockMode mode, StackTrace where)
        {
            text.Append("thread ").Append(Environment.CurrentManagedThreadId).Append(" is trying to acquire ")
                .Append(Name(acquiring)).Append(" (").Append(LockMisuse.ModeName(mode)).AppendLine(") at:");
            text.Append(Render(where, "    "));
            text.AppendLine();
        }

        private static void Held(StringBuilder text, HeldLock held)
        {
            text.Append("  ").Append(held.Describe()).AppendLine(", taken at:");
            text.Append(Render(held.Where, "    "));
        }

        private static void Edge(StringBuilder text, int step, OrderEdge edge)
        {
            text.Append("-> #").Append(step).Append(' ').Append(ClassName(edge.From)).Append(" -> ").Append(ClassName(edge.To));
            if (edge.Declared)
            {
                text.AppendLine(": declared ([AcquiredBefore]/[AcquiredAfter])");
                return;
            }

            text.Append(": first seen on thread ").Append(edge.Thread).AppendLine(", where")
                .Append("     ").Append(ClassName(edge.From)).AppendLine(" was held, taken at:")
                .Append(edge.FromTakenAt)
                .Append("     and ").Append(ClassName(edge.To)).Append(" was ").Append(edge.How).AppendLine(" at:")
                .Append(edge.ToTakenAt);
        }

        private static void Scenario(StringBuilder text, Type held, Type acquiring)
        {
            string first = ClassName(held);
            string second = ClassName(acquiring);
            text.AppendLine()
                .AppendLine(" Possible unsafe locking scenario:")
                .AppendLine()
                .AppendLine("       thread 1                thread 2")
                .AppendLine("       --------                --------")
                .AppendLine($"  lock({first});")
                .AppendLine($"                               lock({second});")
                .AppendLine($"                               lock({first});")
                .AppendLine($"  lock({second});")
                .AppendLine()
                .AppendLine(" *** DEADLOCK ***");
        }

        private static void AllHeld(StringBuilder text, IReadOnlyList<HeldLock> allHeld)
        {
            text.AppendLine().Append(allHeld.Count).Append(allHeld.Count == 1 ? " lock" : " locks").Append(" held by thread ")
                .Append(Environment.CurrentManagedThreadId).AppendLine(":");
            for (int i = 0; i < allHeld.Count; i++)
            {
                text.Append("  #").Append(i).Append(": ").AppendLine(allHeld[i].Describe());
            }
        }

        private static string Finish(StringBuilder text) => text.ToString();

        private static IEnumerable<string> Map(IEnumerable<Type> types, Func<Type, string> name)
        {
            foreach (var type in types)
            {
                yield return name(type);
            }
        }

        private static bool IsInfrastructure(MethodBase method)
        {
            var type = method.DeclaringType;
            while (type?.DeclaringType != null)
            {
                type = type.DeclaringType;
            }

            return type == typeof(MutexLock)
                || type == typeof(RwSemaphore)
                || type == typeof(LockValidator)
                || type == typeof(LockReport)
                || type == typeof(HeldLockStack);
        }
    }
}
