using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LockOrder.Benchmarks.Corpus
{
    /// <summary>
    /// Reads every C# file under a folder into memory (so no run is timed reading the disk), and the project files
    /// that say how to compile them. Skipped: <c>bin</c> and <c>obj</c> (build output, and generated copies of the
    /// sources), hidden folders (<c>.git</c>, <c>.vs</c>), <c>node_modules</c>, and links to folders (which could
    /// loop); kept: tests, benchmarks and samples, which real code bases build too. A file that cannot be read or is
    /// not text is skipped and counted, never fatal.
    /// </summary>
    internal sealed class CorpusReader
    {
        private const int ProgressEvery = 1_000;

        private static readonly string[] LeftOutFolders = { "bin", "obj", "node_modules" };

        private readonly string _root;
        private readonly List<SourceFile> _files = new List<SourceFile>();
        private readonly List<string> _projectFiles = new List<string>();
        private readonly List<string> _skipped = new List<string>();
        private int _skippedFolders;
        private int _lines;

        private CorpusReader(string root)
        {
            _root = root;
        }

        internal IReadOnlyList<SourceFile> Files => _files;

        internal IReadOnlyList<string> ProjectFiles => _projectFiles;

        /// <summary>Files that could not be read, each with why.</summary>
        internal IReadOnlyList<string> Skipped => _skipped;

        /// <summary>Folders left out by name (build output, hidden, links).</summary>
        internal int SkippedFolders => _skippedFolders;

        internal int Lines => _lines;

        internal static CorpusReader Read(string root)
        {
            var reader = new CorpusReader(Path.GetFullPath(root));
            reader.Walk();
            return reader;
        }

        /// <summary>Method, constructor, operator and destructor declarations in the files, parsed as they will be compiled.</summary>
        internal static int CountMethods(IReadOnlyList<SourceFile> files, CSharpParseOptions options) =>
            files.Sum(file => CSharpSyntaxTree.ParseText(file.Text, options, file.Path).GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().Count());

        private static EnumerationOptions Options => new EnumerationOptions
        {
            IgnoreInaccessible = true,
            RecurseSubdirectories = false,
            MatchCasing = MatchCasing.CaseInsensitive,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };

        private void Walk()
        {
            var folders = new Stack<string>();
            folders.Push(_root);
            while (folders.Count > 0)
            {
                string folder = folders.Pop();
                string[] files;
                string[] subfolders;
                try
                {
                    files = Directory.GetFiles(folder, "*", Options);
                    subfolders = Directory.GetDirectories(folder, "*", Options);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    _skipped.Add($"{Relative(folder)}/: {exception.Message}");
                    continue;
                }

                // Sorted, so the compilation's tree order (and so every number and diagnostic) is the same on every machine.
                Array.Sort(files, StringComparer.Ordinal);
                foreach (string file in files)
                {
                    string extension = Path.GetExtension(file);
                    if (extension.Equals(".cs", StringComparison.OrdinalIgnoreCase))
                    {
                        ReadSource(file);
                    }
                    else if (extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase)
                        || extension.Equals(".props", StringComparison.OrdinalIgnoreCase)
                        || extension.Equals(".targets", StringComparison.OrdinalIgnoreCase))
                    {
                        _projectFiles.Add(file);
                    }
                }

                Array.Sort(subfolders, StringComparer.Ordinal);
                foreach (string subfolder in subfolders.Reverse())
                {
                    string name = Path.GetFileName(subfolder);
                    if (name.StartsWith(".", StringComparison.Ordinal)
                        || LeftOutFolders.Contains(name, StringComparer.OrdinalIgnoreCase)
                        || new DirectoryInfo(subfolder).LinkTarget is not null)
                    {
                        _skippedFolders++;
                        continue;
                    }

                    folders.Push(subfolder);
                }
            }
        }

        private void ReadSource(string path)
        {
            string text;
            try
            {
                using var stream = File.OpenRead(path);
                // As the compiler reads a source file: the encoding its byte order mark names, else UTF-8.
                text = SourceText.From(stream, Encoding.UTF8, throwIfBinaryDetected: true).ToString();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                _skipped.Add($"{Relative(path)}: {exception.Message}");
                return;
            }

            _files.Add(new SourceFile(Relative(path), text));
            _lines += CountLines(text);
            if (_files.Count % ProgressEvery == 0)
            {
                Console.Error.WriteLine($"  read {_files.Count:N0} files ({_lines:N0} lines)...");
            }
        }

        private string Relative(string path) => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');

        /// <summary>Lines as <c>wc -l</c> counts them, plus an unterminated last line: how the generated workloads count theirs.</summary>
        private static int CountLines(string text)
        {
            int lines = 0;
            foreach (char c in text)
            {
                if (c == '\n')
                {
                    lines++;
                }
            }

            return text.Length > 0 && text[text.Length - 1] != '\n' ? lines + 1 : lines;
        }
    }
}
