using System.Security.Cryptography;
using System.Text;
using MacroVersioning.Tests.S3;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Aot;

/// <summary>
/// The macro published as a Native AOT executable for linux-x64, once per state of its sources:
/// into <c>.tools/aot/&lt;digest of macro/ and the build props&gt;/</c>, so a second test run (or a
/// second test class) reuses it and an edit to the macro publishes afresh. The publish takes about a
/// minute of both cores, so a lock file serialises test processes and a marker records success, as
/// <see cref="S3rverInstall"/> does; its bin/obj go under the same folder, apart from the JIT build's.
/// </summary>
internal static class AotExecutable
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static readonly string[] RootBuildFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];
    private static string? path;

    public static string Root { get; } = Path.Combine(RepoRoot.Path, ".tools", "aot");

    /// <summary>The executable's path, publishing it first when these sources have none yet.</summary>
    public static async Task<string> PathAsync()
    {
        if (path is not null)
        {
            return path;
        }

        await InProcess.WaitAsync();
        try
        {
            path ??= await EnsurePublishedAsync();
            return path;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<string> EnsurePublishedAsync()
    {
        var folder = Path.Combine(Root, SourceDigest());
        var executable = Path.Combine(folder, "out", "VersioningMacro");
        var marker = Path.Combine(folder, ".published");
        if (File.Exists(marker))
        {
            return executable;
        }

        Directory.CreateDirectory(Root);
        using var crossProcess = await LockAsync(Path.Combine(Root, ".publish.lock"));
        if (File.Exists(marker))
        {
            return executable;
        }

        foreach (var stale in Directory.EnumerateDirectories(Root).Where(d => d != folder))
        {
            Directory.Delete(stale, recursive: true);
        }

        var outcome = await ExternalProcess.RunAsync(
            "dotnet",
            [
                "publish", Path.Combine(RepoRoot.Path, "macro", "VersioningMacro.csproj"), "--configuration", "Release", "--runtime", "linux-x64",
                "-p:PublishAot=true", "--artifacts-path", Path.Combine(folder, "build"), "--output", Path.Combine(folder, "out"),
                "--disable-build-servers", "--nologo",
            ],
            RepoRoot.Path,
            CleanBuildEnvironment(),
            TimeSpan.FromMinutes(15));
        if (outcome.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"the Native AOT publish failed:\n{outcome.Describe()}");
        }

        await File.WriteAllTextAsync(marker, executable);
        return executable;
    }

    /// <summary>SHA-256 over the relative path and bytes of every source file the publish reads.</summary>
    private static string SourceDigest()
    {
        var macro = Path.Combine(RepoRoot.Path, "macro");
        var files = Directory.EnumerateFiles(macro, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(macro, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Concat(RootBuildFiles.Select(f => Path.Combine(RepoRoot.Path, f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(RepoRoot.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(RepoRoot.Path, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    // The test host runs inside `dotnet test`, whose MSBuild variables would steer the nested
    // publish to the outer build's SDK paths; the nested build starts clean.
    private static Dictionary<string, string?> CleanBuildEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, string? (_) => null);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }

    private static async Task<FileStream> LockAsync(string lockPath)
    {
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(500);
            }
        }
    }
}
