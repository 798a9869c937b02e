using System.Reflection;

namespace LockOrder.Tool
{
    /// <summary>The tool's version, as packed (without the "+commit" that deterministic builds append).</summary>
    internal static class ToolVersion
    {
        internal static string Current
        {
            get
            {
                var informational = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
                var plus = informational.IndexOf('+');
                return plus < 0 ? informational : informational.Substring(0, plus);
            }
        }
    }
}
