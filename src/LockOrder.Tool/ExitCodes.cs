namespace LockOrder.Tool
{
    /// <summary>
    /// What <c>lockorder</c> exits with. A CI gate tells "the code has lock-order errors" (1) from "the tool could not
    /// look at the code" (2), so a broken checkout or a missing SDK never passes for a clean result or for findings.
    /// </summary>
    internal static class ExitCodes
    {
        /// <summary>The command ran; for <c>check</c>, no diagnostic of error severity remains.</summary>
        internal const int Success = 0;

        /// <summary><c>check</c> found at least one diagnostic of error severity.</summary>
        internal const int ErrorsFound = 1;

        /// <summary>Bad usage, a path that does not exist, no SDK, a project that does not load, an output that cannot be written.</summary>
        internal const int CouldNotRun = 2;
    }
}
