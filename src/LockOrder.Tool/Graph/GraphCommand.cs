using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LockOrder.Tool.Analysis;

namespace LockOrder.Tool.Graph
{
    /// <summary>
    /// <c>lockorder graph</c>: the lock graph the analyzer built for every project, merged into one, as Mermaid, DOT or
    /// JSON, on standard output or into a file.
    /// </summary>
    internal static class GraphCommand
    {
        internal static async Task<int> RunAsync(string path, GraphFormat format, FileInfo? outputFile, TextWriter output, StatusWriter status, CancellationToken cancellationToken)
        {
            var analysis = await InputAnalysis.RunAsync(path, status, cancellationToken).ConfigureAwait(false);
            var graph = SolutionGraph.Merge(
                analysis.Projects.Where(p => p.Graph is not null).Select(p => (Path.GetFileNameWithoutExtension(p.ProjectFile), p.Graph!)),
                analysis.Input.Directory);
            if (graph.Nodes.IsEmpty)
            {
                status.Warning("no lock classes found (do the projects use LockOrder's lock types?)");
            }

            var text = Render(graph, format);
            if (outputFile is null)
            {
                output.Write(text);
                return ExitCodes.Success;
            }

            try
            {
                outputFile.Directory?.Create();
                File.WriteAllText(outputFile.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ToolException($"cannot write '{outputFile.FullName}': {e.Message}", e);
            }

            status.Progress($"Graph written to {PathDisplay.Relative(Directory.GetCurrentDirectory(), outputFile.FullName)}");
            return ExitCodes.Success;
        }

        internal static string Render(SolutionGraph graph, GraphFormat format)
        {
            switch (format)
            {
                case GraphFormat.Json:
                    using (var stream = new MemoryStream())
                    {
                        JsonGraphWriter.Write(stream, graph);
                        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
                    }

                case GraphFormat.Dot:
                    using (var writer = new StringWriter())
                    {
                        DotWriter.Write(writer, graph);
                        return writer.ToString();
                    }

                default:
                    using (var writer = new StringWriter())
                    {
                        MermaidWriter.Write(writer, graph);
                        return writer.ToString();
                    }
            }
        }
    }
}
