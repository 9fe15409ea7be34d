namespace MacroVersioning.Tests.Cli;

/// <summary>A temporary folder for one test, with a SAM project's shape; deleted on dispose.</summary>
internal sealed class CliTempDirectory : IDisposable
{
    public CliTempDirectory() => Path = Directory.CreateTempSubdirectory("macro-cli-").FullName;

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
