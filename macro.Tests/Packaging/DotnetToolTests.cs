using MacroVersioning.Tests.Cli;
using MacroVersioning.Tests.S3;
using MacroVersioning.Tests.Tools;

namespace MacroVersioning.Tests.Packaging;

/// <summary>
/// The README's install: <c>dotnet pack macro -c Release -o ./artifacts</c>, then <c>dotnet tool install
/// --add-source ./artifacts VersioningMacro</c>. Packs into a folder of its own (its bin/obj apart from
/// every other build) and installs into a tool path from a NuGet config that lists only that folder,
/// so it needs no network and leaves nothing installed.
/// </summary>
public sealed class DotnetToolTests : IDisposable
{
    private readonly DirectoryInfo workspace = Directory.CreateTempSubdirectory("versioning-macro-tool-");

    [Fact(Timeout = 900_000)]
    public async Task The_packed_tool_installs_offline_and_runs_the_same_cli()
    {
        var artifacts = Path.Combine(workspace.FullName, "artifacts");
        var tools = Path.Combine(workspace.FullName, "tools");
        var config = Path.Combine(workspace.FullName, "nuget.config");
        await File.WriteAllTextAsync(
            config,
            $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="{artifacts}" /></packageSources></configuration>""");

        var pack = await DotnetAsync(
            "pack", Path.Combine(RepoRoot.Path, "macro", "VersioningMacro.csproj"), "--configuration", "Release", "--output", artifacts,
            "--artifacts-path", Path.Combine(workspace.FullName, "build"), "--disable-build-servers", "--nologo");
        pack.ExitCode.Should().Be(0, pack.Describe());
        Directory.GetFiles(artifacts, "*.nupkg").Select(Path.GetFileName).Should().Equal("VersioningMacro.1.0.0.nupkg");

        var install = await DotnetAsync("tool", "install", "--tool-path", tools, "--configfile", config, "VersioningMacro");
        install.ExitCode.Should().Be(0, install.Describe());
        install.StandardOutput.Should().Contain("versioning-macro");

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "versioning-macro.exe" : "versioning-macro");
        var help = await ExternalProcess.RunAsync(command, ["--help"], workspace.FullName, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        help.ExitCode.Should().Be(0, help.Describe());
        help.StandardOutput.Should().Contain("usage: VersioningMacro transform TEMPLATE");

        var template = Path.Combine(RepoRoot.Path, "examples", "classic", "template.yaml");
        var asTool = await ExternalProcess.RunAsync(command, ["transform", template], workspace.FullName, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        var inProcess = await CliRun.RunAsync("transform", template);
        asTool.ExitCode.Should().Be(0, asTool.Describe());
        asTool.StandardOutput.Should().Be(inProcess.Stdout);
    }

    public void Dispose() => workspace.Delete(recursive: true);

    private async Task<ProcessOutcome> DotnetAsync(params string[] arguments)
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, string? (_) => null);
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return await ExternalProcess.RunAsync("dotnet", arguments, workspace.FullName, environment, TimeSpan.FromMinutes(14));
    }
}
