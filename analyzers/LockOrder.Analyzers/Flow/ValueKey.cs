using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace LockOrder.Analyzers.Flow
{
    /// <summary>
    /// A place a value lives during the flow: a local variable, a control-flow-graph capture, or a <c>bool</c> parameter
    /// the body never writes. Scopes (whose disposal releases a lock) and try-acquisition results (whose truth means the
    /// lock is held) are tracked by it, and the values of flags once tested.
    /// </summary>
    internal readonly struct ValueKey : IEquatable<ValueKey>
    {
        private readonly ISymbol? variable;
        private readonly CaptureId capture;
        private readonly bool isCapture;

        private ValueKey(ISymbol? variable, CaptureId capture, bool isCapture)
        {
            this.variable = variable;
            this.capture = capture;
            this.isCapture = isCapture;
        }

        internal static ValueKey Of(ILocalSymbol local) => new ValueKey(local, default, isCapture: false);

        internal static ValueKey Of(IParameterSymbol parameter) => new ValueKey(parameter, default, isCapture: false);

        internal static ValueKey Of(CaptureId capture) => new ValueKey(null, capture, isCapture: true);

        /// <summary>A parameter's key: a flag the caller passed, which says nothing about a lock this body took.</summary>
        internal bool IsParameter => !isCapture && variable is IParameterSymbol;

        /// <summary>The local variable this key names; null for a capture or a parameter.</summary>
        internal ILocalSymbol? Local => isCapture ? null : variable as ILocalSymbol;

        public bool Equals(ValueKey other) =>
            isCapture == other.isCapture
            && (isCapture ? capture.Equals(other.capture) : SymbolEqualityComparer.Default.Equals(variable, other.variable));

        public override bool Equals(object? obj) => obj is ValueKey other && Equals(other);

        public override int GetHashCode() => isCapture ? capture.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(variable);
    }
}
