using System.Text;
using System.Threading.Tasks;
using Xunit;
using static LockOrder.Analyzers.Tests.Verifiers.LockOrderVerifier;

namespace LockOrder.Analyzers.Tests.Rules
{
    /// <summary>LOCK011: a bound was reached; the analysis says so once per method instead of guessing.</summary>
    public sealed class Lock011IncompleteAnalysisTests
    {
        [Fact]
        public Task MoreLocksHeldAtOnceThanTheBoundIsReportedOnce()
        {
            var fields = new StringBuilder();
            var body = new StringBuilder();
            for (int i = 0; i < 40; i++)
            {
                fields.Append("    readonly Lock").Append(i).Append(" l").Append(i).Append(" = new Lock").Append(i).Append("();\n");
                body.Append("        l").Append(i).Append(".Enter();\n");
            }

            for (int i = 39; i >= 0; i--)
            {
                body.Append("        l").Append(i).Append(".Exit();\n");
            }

            var classes = new StringBuilder();
            for (int i = 0; i < 40; i++)
            {
                classes.Append("sealed class Lock").Append(i).Append(" : MutexLock { }\n");
            }

            return VerifyAsync(classes + "class Many\n{\n" + fields + "    void {|LOCK011:All|}()\n    {\n" + body + "    }\n}\n");
        }

        [Fact]
        public Task PastTheHeldSetBoundEvenWhatWasFoundBeforeItIsNotReported()
        {
            // The user copy under the write-held MemoryLock comes first; the bound is hit after it. A body that stops at
            // a bound reports only LOCK011 — no partial findings, which a straight-line body could otherwise have
            // reported on its single pass before reaching the bound.
            return VerifyAsync(UserCopyThenManyLocks(locks: 40, copy: "buffer.CopyFromUser(default);", method: "{|LOCK011:All|}"));
        }

        [Fact]
        public Task BelowTheHeldSetBoundTheSameBodyReportsItsFinding()
        {
            return VerifyAsync(UserCopyThenManyLocks(locks: 20, copy: "{|LOCK002:buffer.CopyFromUser(default)|};", method: "All"));
        }

        private static string UserCopyThenManyLocks(int locks, string copy, string method)
        {
            var text = new StringBuilder();
            for (int i = 0; i < locks; i++)
            {
                text.Append("sealed class Lock").Append(i).Append(" : MutexLock { }\n");
            }

            text.Append("class Many\n{\n    readonly MemoryLock memoryLock = new MemoryLock();\n");
            for (int i = 0; i < locks; i++)
            {
                text.Append("    readonly Lock").Append(i).Append(" l").Append(i).Append(" = new Lock").Append(i).Append("();\n");
            }

            text.Append("    void ").Append(method).Append("(UserBuffer buffer)\n    {\n");
            text.Append("        memoryLock.EnterWrite();\n        ").Append(copy).Append("\n        memoryLock.ExitWrite();\n");
            for (int i = 0; i < locks; i++)
            {
                text.Append("        l").Append(i).Append(".Enter();\n");
            }

            for (int i = locks - 1; i >= 0; i--)
            {
                text.Append("        l").Append(i).Append(".Exit();\n");
            }

            return text.Append("    }\n}\n").ToString();
        }
    }
}
