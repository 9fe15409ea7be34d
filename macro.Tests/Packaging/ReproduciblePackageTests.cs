using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// scripts/package.sh promises a byte-for-byte reproducible deployment package, so a user can check
/// the CodeSha256 Lambda reports against a build of their own. Builds two copies of the sources in
/// different folders (no shared obj/, different paths) and compares the zips. The x64 package, since
/// that is what this machine and CI run natively: the arm64 one needs a cross toolchain installed
/// as root (scripts/package.sh does that itself; docs/deploy.md), the same script and settings.
/// </summary>
public sealed class ReproduciblePackageTests : IDisposable
{
    private static readonly string[] SourceDirectories = ["macro", "scripts", "examples"];
    private static readonly string[] SourceRootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];
    private static readonly string[] BuildOutputDirectories = ["bin", "obj"];

    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("versioning-macro-package-");

    [Fact]
    public async Task Two_builds_of_the_same_sources_in_different_folders_give_the_same_zip()
    {
        var first = await PackageCopyAsync("a");
        var second = await PackageCopyAsync("a-checkout-with-a-longer-path");

        var firstBytes = await File.ReadAllBytesAsync(first.Zip);
        var secondBytes = await File.ReadAllBytesAsync(second.Zip);
        var sha256 = SHA256.HashData(firstBytes);
        SHA256.HashData(secondBytes).Should().Equal(sha256, "the same sources must give the same package");
        first.Output.StandardOutput.Should().Contain($"sha256 (hex): {Convert.ToHexStringLower(sha256)}")
            .And.Contain($"sha256 (base64, as Lambda reports CodeSha256): {Convert.ToBase64String(sha256)}");

        using var archive = new ZipArchive(new MemoryStream(firstBytes), ZipArchiveMode.Read);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        names.Should().BeInAscendingOrder(StringComparer.Ordinal)
            .And.Contain(["bootstrap", "VersioningMacro.dll", "VersioningMacro.runtimeconfig.json", "VersioningMacro.deps.json"])
            .And.NotContain("VersioningMacro", "the managed runtime starts the assembly; no native apphost")
            .And.NotContain(n => n.EndsWith(".dbg", StringComparison.Ordinal), "the executable ships without a symbol file")
            .And.OnlyContain(n => !n.EndsWith('/'), "directory entries carry nothing Lambda needs");
        archive.Entries.Should().OnlyContain(e => e.LastWriteTime.DateTime == new DateTime(1980, 1, 1));
        archive.Entries.Where(e => e.FullName != "bootstrap").Should()
            .OnlyContain(e => ((uint)e.ExternalAttributes >> 16) == Convert.ToUInt32("100644", 8), "regular files, rw-r--r--");
        ((uint)archive.GetEntry("bootstrap")!.ExternalAttributes >> 16).Should()
            .Be(Convert.ToUInt32("100755", 8), "provided.al2023 executes bootstrap: a regular file, rwxr-xr-x");
        ZipLocalHeader.ReadAll(firstBytes).Should().HaveCount(names.Count)
            .And.OnlyContain(h => h.ExtraFieldLength == 0 && (h.Flags & 0x8) == 0);
        ElfMachine(archive.GetEntry("bootstrap")!).Should().Be(X86_64, "package.sh x64 builds an x86-64 executable");
    }

    // ELF e_machine values: https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html
    private const ushort X86_64 = 62;

    /// <summary>The ELF header's e_machine of a zip entry; 0 when the entry is not an ELF file.</summary>
    private static ushort ElfMachine(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[20];
        stream.ReadExactly(header);
        return header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) ? BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18)) : (ushort)0;
    }

    public void Dispose() => workspace.Delete(recursive: true);

    private async Task<(string Zip, ProcessOutcome Output)> PackageCopyAsync(string folderName)
    {
        var checkout = workspace.CreateSubdirectory(folderName);
        foreach (var file in SourceRootFiles.Where(f => File.Exists(Path.Combine(RepoPaths.Root, f))))
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(checkout.FullName, file));
        }

        foreach (var directory in SourceDirectories)
        {
            CopySources(new DirectoryInfo(Path.Combine(RepoPaths.Root, directory)), checkout.CreateSubdirectory(directory));
        }

        var output = Path.Combine(checkout.FullName, "out");
        var outcome = await ExternalProcess.RunAsync(
            "bash",
            [Path.Combine(checkout.FullName, "scripts", "package.sh"), "x64"],
            checkout.FullName,
            BuildEnvironment(output),
            TimeSpan.FromMinutes(30));
        outcome.ExitCode.Should().Be(0, outcome.Describe());
        return (Path.Combine(output, "VersioningMacro-x64.zip"), outcome);
    }

    private static void CopySources(DirectoryInfo source, DirectoryInfo target)
    {
        foreach (var file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(target.FullName, file.Name));
        }

        foreach (var directory in source.EnumerateDirectories().Where(d => !BuildOutputDirectories.Contains(d.Name)))
        {
            CopySources(directory, target.CreateSubdirectory(directory.Name));
        }
    }

    // The test host runs inside `dotnet test`, whose MSBuild variables would steer the nested
    // publish to the outer build's SDK paths; the nested build starts clean.
    private static Dictionary<string, string?> BuildEnvironment(string outputDirectory)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, string? (_) => null);
        environment["OUTPUT_DIR"] = outputDirectory;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }
}
