using System;

namespace LockOrder.Benchmarks.LockCost
{
    /// <summary>A named loop to time: runs the given number of enter/exit pairs and returns a checksum.</summary>
    internal sealed class LockCase
    {
        internal LockCase(string name, Func<long, long> loop)
        {
            Name = name;
            Loop = loop;
        }

        internal string Name { get; }

        internal Func<long, long> Loop { get; }
    }
}
