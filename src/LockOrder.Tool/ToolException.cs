using System;

namespace LockOrder.Tool
{
    /// <summary>
    /// A failure the user can act on (a missing path, a project that does not load, no SDK). Its message is printed
    /// as one line, without a stack trace, and the tool exits with <see cref="ExitCodes.CouldNotRun"/>.
    /// </summary>
    internal sealed class ToolException : Exception
    {
        internal ToolException(string message)
            : base(message)
        {
        }

        internal ToolException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
