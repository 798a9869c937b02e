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
    }
}
