using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Tool.Check;
using LockOrder.Tool.Graph;

namespace LockOrder.Tool
{
    /// <summary>
    /// <c>lockorder check|graph &lt;sln|csproj&gt;</c>. Every failure the user can act on is one line on standard error
    /// and exit code 2; the report or graph alone goes to standard output.
    /// </summary>
    internal static class Program
    {
        internal static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

        internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            var status = new StatusWriter(error);
            var verbose = new Option<bool>("--verbose", "-v")
            {
                Description = "Show the workspace's warnings about the projects it loads, not only their number.",
                Recursive = true,
            };
            var root = new RootCommand("LockOrder: check a solution or project for lock-order violations, and draw its lock-order graph.")
            {
                CheckCommandLine(output, status),
                GraphCommandLine(output, status),
                verbose,
            };

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    status.Error(string.Join(" ", parseError.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                }

                status.Progress("Run 'lockorder --help' for the commands and their options.");
                return ExitCodes.CouldNotRun;
            }

            status.Verbose = parsed.GetValue(verbose);
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            try
            {
                return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (ToolException e)
            {
                status.Error(e.Message);
                return ExitCodes.CouldNotRun;
            }
            catch (OperationCanceledException)
            {
                status.Error("cancelled");
                return ExitCodes.CouldNotRun;
            }
            catch (Exception e)
            {
                // A bug in the tool, not the user's doing: one line unless the stack trace is asked for.
                status.Error($"unexpected {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("LOCKORDER_STACKTRACE") == "1")
                {
                    error.WriteLine(e);
                }
                else
                {
                    status.Progress("Set LOCKORDER_STACKTRACE=1 to see where it happened.");
                }

                return ExitCodes.CouldNotRun;
            }
        }

        private static Command CheckCommandLine(TextWriter output, StatusWriter status)
        {
            var path = PathArgument();
            var sarif = new Option<FileInfo?>("--sarif")
            {
                Description = "Also write the diagnostics to <file> as a SARIF 2.1 log.",
                HelpName = "file",
            };
            var command = new Command("check", "Report LockOrder's diagnostics, grouped by rule and file. Exit code: 0 none of error severity, 1 some, 2 could not check.")
            {
                path,
                sarif,
            };
            command.SetAction((parse, token) => CheckCommand.RunAsync(parse.GetRequiredValue(path), parse.GetValue(sarif), output, status, token));
            return command;
        }

        private static Command GraphCommandLine(TextWriter output, StatusWriter status)
        {
            var path = PathArgument();
            var format = new Option<string>("--format", "-f")
            {
                Description = "mermaid (a fenced block that renders in a pull request), dot (Graphviz) or json.",
                DefaultValueFactory = _ => "mermaid",
            };
            format.AcceptOnlyFromAmong("mermaid", "dot", "json");
            var file = new Option<FileInfo?>("--output", "-o")
            {
                Description = "Write the graph to <file> instead of standard output.",
                HelpName = "file",
            };
            var command = new Command("graph", "Draw the lock-order graph: lock classes, declared orders and observed edges, every edge of a reported cycle marked.")
            {
                path,
                format,
                file,
            };
            command.SetAction((parse, token) => GraphCommand.RunAsync(parse.GetRequiredValue(path), Format(parse.GetValue(format)), parse.GetValue(file), output, status, token));
            return command;
        }

        private static Argument<string> PathArgument() => new Argument<string>("path")
        {
            Description = "The solution (.sln, .slnx) or C# project (.csproj), or a folder that holds one.",
        };

        private static GraphFormat Format(string? name) => name switch
        {
            "dot" => GraphFormat.Dot,
            "json" => GraphFormat.Json,
            _ => GraphFormat.Mermaid,
        };
    }
}
