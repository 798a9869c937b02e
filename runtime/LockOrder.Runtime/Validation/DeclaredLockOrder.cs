using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace LockOrder
{
    /// <summary>
    /// The order declared with <see cref="AcquiredBeforeAttribute"/> and <see cref="AcquiredAfterAttribute"/>, read by
    /// reflection and closed transitively. An <see cref="AcquiredAfterAttribute"/> sits on the later class, so the
    /// earlier class alone does not reveal it: the first time a class is seen, every lock class of its assembly
    /// (and of every assembly an attribute points into) is read, so paths through classes that were never taken
    /// are known too. Not thread-safe: used under the validator's lock.
    /// </summary>
    internal sealed class DeclaredLockOrder
    {
        // earlier class -> classes declared to come after it (direct declarations only)
        private readonly Dictionary<Type, HashSet<Type>> _after = new Dictionary<Type, HashSet<Type>>();
        private readonly HashSet<Type> _read = new HashSet<Type>();
        private readonly HashSet<Assembly> _scanned = new HashSet<Assembly>();

        // class -> every class declared (transitively) to come after it; dropped whenever a declaration is learned
        private readonly Dictionary<Type, HashSet<Type>> _closure = new Dictionary<Type, HashSet<Type>>();

        /// <summary>Whether <paramref name="earlier"/> is declared, directly or transitively, to be taken before <paramref name="later"/>.</summary>
        internal bool IsBefore(Type earlier, Type later)
        {
            Learn(earlier);
            Learn(later);
            return Closure(earlier).Contains(later);
        }

        /// <summary>The classes directly declared to come after <paramref name="earlier"/>.</summary>
        internal IEnumerable<Type> DirectlyAfter(Type earlier)
        {
            Learn(earlier);
            return _after.TryGetValue(earlier, out var after) ? after : Enumerable.Empty<Type>();
        }

        /// <summary>The shortest chain of declarations from <paramref name="earlier"/> to <paramref name="later"/>, e.g. MmapLock → VmaLock → MemoryLock.</summary>
        internal IReadOnlyList<Type> Chain(Type earlier, Type later)
        {
            var previous = new Dictionary<Type, Type> { [earlier] = earlier };
            var queue = new Queue<Type>();
            queue.Enqueue(earlier);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (current == later)
                {
                    var chain = new List<Type> { later };
                    while (chain[chain.Count - 1] != earlier)
                    {
                        chain.Add(previous[chain[chain.Count - 1]]);
                    }

                    chain.Reverse();
                    return chain;
                }

                foreach (var next in DirectlyAfter(current))
                {
                    if (!previous.ContainsKey(next))
                    {
                        previous[next] = current;
                        queue.Enqueue(next);
                    }
                }
            }

            return Array.Empty<Type>();
        }

        private HashSet<Type> Closure(Type earlier)
        {
            if (_closure.TryGetValue(earlier, out var cached))
            {
                return cached;
            }

            var reached = new HashSet<Type>();
            var pending = new Stack<Type>();
            pending.Push(earlier);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (_after.TryGetValue(current, out var after))
                {
                    foreach (var next in after)
                    {
                        if (reached.Add(next))
                        {
                            pending.Push(next);
                        }
                    }
                }
            }

            _closure[earlier] = reached;
            return reached;
        }

        private void Learn(Type lockClass)
        {
            if (!_read.Add(lockClass))
            {
                return;
            }

            foreach (AcquiredBeforeAttribute before in lockClass.GetCustomAttributes(typeof(AcquiredBeforeAttribute), inherit: false))
            {
                foreach (var later in before.Locks)
                {
                    Declare(lockClass, later);
                }
            }

            foreach (AcquiredAfterAttribute after in lockClass.GetCustomAttributes(typeof(AcquiredAfterAttribute), inherit: false))
            {
                foreach (var earlier in after.Locks)
                {
                    Declare(earlier, lockClass);
                }
            }

            Scan(lockClass.Assembly);
        }

        private void Declare(Type earlier, Type later)
        {
            if (earlier is null || later is null)
            {
                return;
            }

            if (!_after.TryGetValue(earlier, out var after))
            {
                after = new HashSet<Type>();
                _after[earlier] = after;
            }

            if (after.Add(later))
            {
                _closure.Clear();
            }

            Learn(earlier);
            Learn(later);
        }

        private void Scan(Assembly assembly)
        {
            if (!_scanned.Add(assembly))
            {
                return;
            }

            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException partial)
            {
                types = partial.Types;
            }

            foreach (var type in types)
            {
                if (type != null
                    && (type.IsDefined(typeof(AcquiredBeforeAttribute), inherit: false) || type.IsDefined(typeof(AcquiredAfterAttribute), inherit: false)))
                {
                    Learn(type);
                }
            }
        }
    }
}
