namespace LockOrder.Tool.Tests.Infrastructure
{
    /// <summary>What one run of the <c>lockorder</c> process left: its exit code and both streams.</summary>
    internal sealed class ToolRun
    {
        internal ToolRun(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        internal int ExitCode { get; }

        internal string Output { get; }

        internal string Error { get; }

        /// <summary>Both streams, for an assertion's message.</summary>
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}
