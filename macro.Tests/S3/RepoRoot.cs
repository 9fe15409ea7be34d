namespace MacroVersioning.Tests.S3;

/// <summary>The clone the tests run from: where tools are installed and test scripts live.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MacroVersioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MacroVersioning.sln not found above {AppContext.BaseDirectory}");
    }
}
