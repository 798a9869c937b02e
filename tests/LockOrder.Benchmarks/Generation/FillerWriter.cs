using System;

namespace LockOrder.Benchmarks.Generation
{
    /// <summary>Writes the ordinary statements generated bodies are filled with, the same for every code shape.</summary>
    internal sealed class FillerWriter
    {
        private readonly IndentedWriter _w;
        private readonly Random _random;
        private readonly int _methodIndex;
        private readonly bool _lockHeavy;
        private int _unique;

        /// <param name="lockHeavy">Lock-heavy bodies draw from every kind of statement but the last, a lambda.</param>
        internal FillerWriter(IndentedWriter writer, Random random, int methodIndex, bool lockHeavy)
        {
            _w = writer;
            _random = random;
            _methodIndex = methodIndex;
            _lockHeavy = lockHeavy;
        }

        internal void Write(int count)
        {
            for (int n = 0; n < count; n++)
            {
                WriteFiller();
            }
        }

        /// <summary>Ordinary statements of the kinds real methods are made of, so the compiler has realistic work per line.</summary>
        private void WriteFiller()
        {
            int u = _unique++;
            int c = _random.Next(2, 1000);
            switch (_random.Next(_lockHeavy ? 7 : 8))
            {
                case 0:
                    _w.Line($"for (int k{u} = 0; k{u} < scratch.Length; k{u}++)");
                    _w.Open();
                    _w.Line($"total += scratch[k{u}] * {c};");
                    _w.Close();
                    break;
                case 1:
                    _w.Line($"if ((total & {c}) == 0)");
                    _w.Open();
                    _w.Line($"total = unchecked(total * 31 + {c});");
                    _w.Close();
                    _w.Line("else");
                    _w.Open();
                    _w.Line($"total -= {c};");
                    _w.Close();
                    break;
                case 2:
                    _w.Line("switch (total & 3)");
                    _w.Open();
                    _w.Line("case 0:");
                    _w.Line($"    total += {c};");
                    _w.Line("    break;");
                    _w.Line("case 1:");
                    _w.Line($"    total ^= {c};");
                    _w.Line("    break;");
                    _w.Line("default:");
                    _w.Line("    total >>= 1;");
                    _w.Line("    break;");
                    _w.Close();
                    break;
                case 3:
                    _w.Line($"string text{u} = $\"op{_methodIndex}:{{total}}\";");
                    _w.Line($"total += text{u}.Length;");
                    break;
                case 4:
                    _w.Line($"var items{u} = new List<int> {{ total, {c}, scratch.Length }};");
                    _w.Line($"foreach (int item{u} in items{u})");
                    _w.Open();
                    _w.Line($"total ^= item{u};");
                    _w.Close();
                    break;
                case 5:
                    _w.Line($"total += Math.Max(total, {c}) >> 2;");
                    _w.Line("_history.Add(total);");
                    break;
                case 6:
                    _w.Line($"int rest{u} = total & 15;");
                    _w.Line($"while (rest{u} > 0)");
                    _w.Open();
                    _w.Line($"total += rest{u}--;");
                    _w.Close();
                    break;
                default:
                    _w.Line($"Func<int, int> step{u} = value => value * {c} + 1;");
                    _w.Line($"total += step{u}(total);");
                    break;
            }
        }
    }
}
