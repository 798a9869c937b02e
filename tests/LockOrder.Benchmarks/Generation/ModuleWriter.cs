using System;
using System.Collections.Generic;
using System.Linq;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Turns a <see cref="ModulePlan"/> into C# source: one file per class plus the module's helper class.</summary>
    internal sealed class ModuleWriter
    {
        private readonly CodeShape _shape;
        private readonly GenerationStatistics _statistics;

        internal ModuleWriter(CodeShape shape, GenerationStatistics statistics)
        {
            _shape = shape;
            _statistics = statistics;
        }

        private string Namespace => _shape == CodeShape.LockHeavy ? "Generated.Drivers" : "Generated.Services";

        private string ClassPrefix => _shape == CodeShape.LockHeavy ? "Device" : "Service";

        internal IEnumerable<(SourceFile File, int Lines)> Write(ModulePlan module)
        {
            for (int c = 0; c < module.Classes.Count; c++)
            {
                var writer = new IndentedWriter();
                WriteClass(writer, module, c);
                yield return (new SourceFile($"{Namespace}/{ClassName(module, c)}.cs", writer.ToString()), writer.Lines);
            }

            var helpers = new IndentedWriter();
            WriteHelpers(helpers, module);
            _statistics.Methods += 2;
            yield return (new SourceFile($"{Namespace}/Helpers{module.Index}.cs", helpers.ToString()), helpers.Lines);
        }

        private string ClassName(ModulePlan module, int c) => ClassPrefix + (module.Index * ModulePlanner.ClassesPerModule + c);

        private void WriteHeader(IndentedWriter w)
        {
            w.Line("using System;");
            w.Line("using System.Collections.Generic;");
            w.Line("using LockOrder;");
            w.Blank();
            w.Line("namespace " + Namespace);
            w.Open();
        }

        private void WriteHelpers(IndentedWriter w, ModulePlan module)
        {
            WriteHeader(w);
            w.Line($"internal static class Helpers{module.Index}");
            w.Open();
            w.Line("public static int Mix(int a, int b)");
            w.Open();
            w.Line("int x = unchecked(a * 16777619) ^ b;");
            w.Line("return x ^ (x >> 15);");
            w.Close();
            w.Blank();
            w.Line("public static int Fold(byte[] data, int seed)");
            w.Open();
            w.Line("int acc = seed;");
            w.Line("foreach (byte b in data)");
            w.Open();
            w.Line("acc = unchecked(acc * 31 + b);");
            w.Close();
            w.Blank();
            w.Line("return acc;");
            w.Close();
            w.Close();
            w.Close();
        }

        private void WriteClass(IndentedWriter w, ModulePlan module, int c)
        {
            var methods = module.Classes[c];
            bool hasLocks = methods.Any(m => m.Locks.Count > 0);
            bool hasUser = methods.Any(m => m.TouchesUserMemory);
            bool hasNext = c + 1 < module.Classes.Count;
            string name = ClassName(module, c);
            string next = hasNext ? ClassName(module, c + 1) : string.Empty;

            WriteHeader(w);
            w.Line($"public sealed class {name}");
            w.Open();
            if (hasLocks)
            {
                w.Line("private readonly MmapLock _mmap = new MmapLock();");
                w.Line("private readonly VmaLock _vma = new VmaLock();");
                w.Line("private readonly MemoryLock _memory = new MemoryLock();");
            }

            if (hasUser)
            {
                w.Line("private readonly UserBuffer _user;");
            }

            if (hasNext)
            {
                w.Line($"private readonly {next} _next;");
            }

            w.Line("private readonly List<int> _history = new List<int>();");
            if (hasLocks)
            {
                w.Line("private int _mappings;");
                w.Line("private int _presentVmas;");
                w.Line("private bool _memoryEnabled;");
            }

            w.Blank();
            var parameters = new List<string>();
            if (hasUser)
            {
                parameters.Add("UserBuffer user");
            }

            if (hasNext)
            {
                parameters.Add($"{next} next");
            }

            w.Line($"public {name}({string.Join(", ", parameters)})");
            w.Open();
            if (hasUser)
            {
                w.Line("_user = user;");
            }

            if (hasNext)
            {
                w.Line("_next = next;");
            }

            w.Close();
            w.Blank();
            w.Line("public int Recorded => _history.Count;");
            if (hasLocks)
            {
                // Every state field is both written and read somewhere, so the generated code compiles without warnings.
                w.Line("public int State => _mappings + _presentVmas + (_memoryEnabled ? 1 : 0);");
                w.Blank();
                w.Line("public void Clear()");
                w.Open();
                w.Line("_mappings = 0;");
                w.Line("_presentVmas = 0;");
                w.Line("_memoryEnabled = false;");
                w.Close();
            }
            foreach (var method in methods)
            {
                w.Blank();
                WriteMethod(w, module, method);
            }

            w.Close();
            w.Close();
        }

        private void WriteMethod(IndentedWriter w, ModulePlan module, MethodPlan method)
        {
            _statistics.Methods++;
            _statistics.Calls += method.CallsHelpers ? 2 : method.Calls.Count;
            _statistics.CallsUnderLock += method.Calls.Count(call => call.Placement == CallPlacement.UnderLock);
            _statistics.CallsMovedOutOfLock += method.MovedCalls;
            _statistics.Acquisitions += method.Locks.Count;
            if (method.Locks.Count > 0)
            {
                _statistics.LockingMethods++;
            }

            if (method.TouchesUserMemory)
            {
                _statistics.FaultingMethods++;
            }

            var random = new Random(method.Seed);
            var body = new MethodBodyWriter(w, random, module.Index, method, _shape);
            w.Line($"public int Op{method.Index}(int seed, byte[] scratch)");
            w.Open();
            body.Write();
            w.Close();
        }
    }
}
