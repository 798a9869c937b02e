namespace LockOrder.Analyzers.Interprocedural
{
    /// <summary>What a call passes for one <c>bool</c> parameter of its callee: a constant, or a parameter of the caller passed on.</summary>
    internal readonly struct BoolArgument : System.IEquatable<BoolArgument>
    {
        internal BoolArgument(int calleeOrdinal, bool? constant, int? callerOrdinal)
        {
            CalleeOrdinal = calleeOrdinal;
            Constant = constant;
            CallerOrdinal = callerOrdinal;
        }

        internal int CalleeOrdinal { get; }

        internal bool? Constant { get; }

        internal int? CallerOrdinal { get; }

        public bool Equals(BoolArgument other) => CalleeOrdinal == other.CalleeOrdinal && Constant == other.Constant && CallerOrdinal == other.CallerOrdinal;

        public override bool Equals(object? obj) => obj is BoolArgument other && Equals(other);

        public override int GetHashCode() => (CalleeOrdinal * 31) + (Constant is { } value ? (value ? 1 : 2) : 3 + (CallerOrdinal ?? 0));
    }
}
