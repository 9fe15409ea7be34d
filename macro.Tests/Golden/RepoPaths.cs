namespace MacroVersioning.Tests.Golden;

/// <summary>Finds the repository from the test assembly, so tests read fixtures in place.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "macro.Tests", "Fixtures");

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MacroVersioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MacroVersioning.sln not found above {AppContext.BaseDirectory}");
    }
}
