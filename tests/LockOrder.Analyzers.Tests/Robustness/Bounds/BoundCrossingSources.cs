using System.Text;

namespace LockOrder.Analyzers.Tests.Robustness.Bounds
{
    /// <summary>
    /// Inputs built to cross one of the analysis bounds documented in <c>docs/bounds.md</c>, each with a
    /// correct twin or a real violation beyond the bound, and <c>/*LOCKnnn*/</c> markers where a complete analysis
    /// reports.
    /// </summary>
    internal static class BoundCrossingSources
    {
        private const string Header = """
            using System;
            using LockOrder;

            """;

        /// <summary>
        /// A callee of <paramref name="statements"/> statements — more operations than one body's summary visits —
        /// called under the memory write lock; with <paramref name="faultInTheMiddle"/> it touches user memory in
        /// its middle, out of reach of a bounded walk from either end.
        /// </summary>
        internal static string CalleeTooLargeToSummarize(int statements, bool faultInTheMiddle)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Large");
            text.AppendLine("{");
            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    private UserBuffer buffer = null!;");
            text.AppendLine("    private int counter;");
            text.AppendLine("    public void Entry()");
            text.AppendLine("    {");
            text.AppendLine("        memoryLock.EnterWrite();");
            text.AppendLine(faultInTheMiddle ? "/*LOCK002*/ Body();" : "        Body();");
            text.AppendLine("        memoryLock.ExitWrite();");
            text.AppendLine("    }");
            text.AppendLine("    private void Body()");
            text.AppendLine("    {");
            for (var statement = 0; statement < statements; statement++)
            {
                text.AppendLine(faultInTheMiddle && statement == statements / 2 ? "        buffer.CopyFromUser(default);" : "        counter++;");
            }

            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// A chain of <paramref name="methods"/> calls — more methods than one summary request explores — entered
        /// under the memory write lock, whose last method touches user memory.
        /// </summary>
        internal static string CallChainLongerThanTheExplorationBound(int methods)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public sealed class Chain");
            text.AppendLine("{");
            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    private UserBuffer buffer = null!;");
            text.AppendLine("    public void Entry()");
            text.AppendLine("    {");
            text.AppendLine("        memoryLock.EnterWrite();");
            text.AppendLine("/*LOCK002*/ Link0();");
            text.AppendLine("        memoryLock.ExitWrite();");
            text.AppendLine("    }");
            for (var method = 0; method < methods - 1; method++)
            {
                text.AppendLine($"    private void Link{method}() => Link{method + 1}();");
            }

            text.AppendLine($"    private void Link{methods - 1}() => buffer.CopyFromUser(default);");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// An abstract member with <paramref name="overrides"/> overrides called under the memory write lock; only the
        /// last override touches user memory (marked LOCK002 with <paramref name="followed"/>).
        /// </summary>
        internal static string DispatchWiderThanTheFanOutBound(int overrides, bool followed)
        {
            var text = new StringBuilder(Header);
            text.AppendLine("public abstract class Converter");
            text.AppendLine("{");
            text.AppendLine("    public abstract void Write(UserBuffer buffer);");
            text.AppendLine("}");
            for (var index = 0; index < overrides; index++)
            {
                string body = index == overrides - 1 ? "buffer.CopyFromUser(default);" : "{ }";
                text.AppendLine($"public sealed class Converter{index} : Converter {{ public override void Write(UserBuffer buffer) {(index == overrides - 1 ? "=> " : string.Empty)}{body} }}");
            }

            text.AppendLine("public sealed class Writer");
            text.AppendLine("{");
            text.AppendLine("    private readonly MemoryLock memoryLock = new MemoryLock();");
            text.AppendLine("    public void Entry(Converter converter, UserBuffer buffer)");
            text.AppendLine("    {");
            text.AppendLine("        memoryLock.EnterWrite();");
            text.AppendLine(followed ? "/*LOCK002*/ converter.Write(buffer);" : "        converter.Write(buffer);");
            text.AppendLine("        memoryLock.ExitWrite();");
            text.AppendLine("    }");
            text.AppendLine("}");
            return text.ToString();
        }

        /// <summary>
        /// <paramref name="classes"/> lock classes with no declared order, and for every ordered pair a method that takes
        /// one then the other: every pair is an inversion, and the cycles among them are far more than the inversion
        /// search enumerates.
        /// </summary>
        /// <summary>
        /// <paramref name="pairs"/> separate pairs of undeclared lock classes, each taken in both orders: as many groups
        /// that can deadlock, each a real inversion (LOCK008).
        /// </summary>
        internal static string InversionsBeyondTheSearchBound(int pairs)
        {
            var text = new StringBuilder(Header);
            for (var pair = 0; pair < pairs; pair++)
            {
                text.AppendLine($"public sealed class First{pair} : MutexLock {{ }}");
                text.AppendLine($"public sealed class Second{pair} : MutexLock {{ }}");
            }

            text.AppendLine("public sealed class Tangle");
            text.AppendLine("{");
            for (var pair = 0; pair < pairs; pair++)
            {
                text.AppendLine($"    private readonly First{pair} first{pair} = new First{pair}();");
                text.AppendLine($"    private readonly Second{pair} second{pair} = new Second{pair}();");
                text.AppendLine($"    public void Forward{pair}() {{ using (first{pair}.Lock()) {{ using (second{pair}.Lock()) {{ }} }} }}");
                text.AppendLine($"    public void Backward{pair}() {{ using (second{pair}.Lock()) {{ using (first{pair}.Lock()) {{ }} }} }}");
            }

            text.AppendLine("}");
            return text.ToString();
        }
    }
}
