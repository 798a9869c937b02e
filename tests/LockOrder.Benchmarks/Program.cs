using System;

namespace LockOrder.Benchmarks
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            Console.Error.WriteLine("usage: LockOrder.Benchmarks analyzer|locks");
            return args.Length == 0 ? 2 : 0;
        }
    }
}
