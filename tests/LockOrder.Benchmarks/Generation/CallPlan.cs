namespace LockOrder.Benchmarks.Generation
{
    /// <summary>A call from one generated method to another, on <c>this</c> or on the next device of the module.</summary>
    internal sealed class CallPlan
    {
        internal CallPlan(MethodPlan target, bool onNextDevice, CallPlacement placement)
        {
            Target = target;
            OnNextDevice = onNextDevice;
            Placement = placement;
        }

        internal MethodPlan Target { get; }

        internal bool OnNextDevice { get; }

        internal CallPlacement Placement { get; set; }
    }
}
