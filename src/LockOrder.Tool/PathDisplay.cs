using System;
using System.IO;

namespace LockOrder.Tool
{
    /// <summary>Shows a file path relative to a folder when it lies inside it, with '/' separators; else as it is.</summary>
    internal static class PathDisplay
    {
        internal static string Relative(string baseFolder, string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return path;
            }

            var relative = Path.GetRelativePath(baseFolder, path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return path;
            }

            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
