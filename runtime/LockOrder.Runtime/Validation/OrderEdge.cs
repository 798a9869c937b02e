using System;

namespace LockOrder
{
    /// <summary>
    /// "<see cref="From"/> was held while <see cref="To"/> was taken": one step of a lock order, either observed at
    /// run time (with where it was first seen, so a cycle report can show both ends of every step) or declared by
    /// an attribute (<see cref="Declared"/>).
    /// </summary>
    internal sealed class OrderEdge
    {
        private OrderEdge(Type from, Type to, bool declared, int thread, string fromTakenAt, string toTakenAt, string how)
        {
            From = from;
            To = to;
            Declared = declared;
            Thread = thread;
            FromTakenAt = fromTakenAt;
            ToTakenAt = toTakenAt;
            How = how;
        }

        internal Type From { get; }

        internal Type To { get; }

        internal bool Declared { get; }

        internal int Thread { get; }

        internal string FromTakenAt { get; }

        internal string ToTakenAt { get; }

        /// <summary>How <see cref="To"/> came in: "acquired", "touched user memory (may fault and take MmapLock)".</summary>
        internal string How { get; }

        internal static OrderEdge Observed(Type from, Type to, int thread, string fromTakenAt, string toTakenAt, string how) =>
            new OrderEdge(from, to, declared: false, thread, fromTakenAt, toTakenAt, how);

        internal static OrderEdge FromDeclaration(Type from, Type to) =>
            new OrderEdge(from, to, declared: true, thread: 0, string.Empty, string.Empty, "declared");
    }
}
