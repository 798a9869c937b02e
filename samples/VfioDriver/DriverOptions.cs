using System;
using System.Globalization;

namespace VfioDriver
{
    /// <summary>Command-line options: <c>--seconds N</c>, <c>--validate</c>, <c>--threads N</c>, <c>--stuck-seconds N</c>.</summary>
    internal sealed class DriverOptions
    {
        private DriverOptions()
        {
        }

        internal double Seconds { get; private set; } = 10;

        internal bool Validate { get; private set; }

        internal int Threads { get; private set; } = 8;

        /// <summary>An operation running longer than this is reported as a deadlock.</summary>
        internal double StuckSeconds { get; private set; } = 5;

        internal static DriverOptions Parse(string[] args)
        {
            var options = new DriverOptions();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--seconds":
                        options.Seconds = Number(args, ref i);
                        break;
                    case "--validate":
                        options.Validate = true;
                        break;
                    case "--threads":
                        options.Threads = Math.Max(1, (int)Number(args, ref i));
                        break;
                    case "--stuck-seconds":
                        options.StuckSeconds = Number(args, ref i);
                        break;
                    default:
                        throw new ArgumentException(
                            $"unknown option '{args[i]}'; usage: VfioDriver [--seconds N] [--validate] [--threads N] [--stuck-seconds N]");
                }
            }

            return options;
        }

        private static double Number(string[] args, ref int i)
        {
            if (i + 1 >= args.Length || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0)
            {
                throw new ArgumentException($"option '{args[i]}' needs a positive number");
            }

            i++;
            return value;
        }
    }
}
