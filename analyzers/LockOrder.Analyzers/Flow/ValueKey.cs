using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// A place a value lives during the flow: a local variable or a control-flow-graph capture. Scopes (whose
    /// disposal releases a lock) and try-acquisition results (whose truth means the lock is held) are tracked by it.
    /// </summary>
    internal readonly struct ValueKey : IEquatable<ValueKey>
    {
        private readonly ILocalSymbol? local;
        private readonly CaptureId capture;
        private readonly bool isCapture;

        private ValueKey(ILocalSymbol? local, CaptureId capture, bool isCapture)
        {
            this.local = local;
            this.capture = capture;
            this.isCapture = isCapture;
        }

        internal static ValueKey Of(ILocalSymbol local) => new ValueKey(local, default, isCapture: false);

        internal static ValueKey Of(CaptureId capture) => new ValueKey(null, capture, isCapture: true);

        /// <summary>The local variable this key names; null for a capture.</summary>
        internal ILocalSymbol? Local => isCapture ? null : local;

        public bool Equals(ValueKey other) =>
            isCapture == other.isCapture
            && (isCapture ? capture.Equals(other.capture) : SymbolEqualityComparer.Default.Equals(local, other.local));

        public override bool Equals(object? obj) => obj is ValueKey other && Equals(other);

        public override int GetHashCode() => isCapture ? capture.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(local);
    }
}
