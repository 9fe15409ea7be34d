using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Core;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Benchmarks;

/// <summary>What the process benchmarks run: Release ReadyToRun publishes and event files, under artifacts/bench.</summary>
internal static class Artifacts
{
    public static string Directory { get; } = Path.Combine(RepoRoot.Path, "artifacts", "bench");

    /// <summary>Framework-dependent linux-x64 publish, as the macro ships; returns the apphost's path.</summary>
    public static string Publish(string project, string name, bool readyToRun)
    {
        var output = Path.Combine(Directory, name);
        ProcessTimer.Check(
            "dotnet", "publish", Path.Combine(RepoRoot.Path, project), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            $"-p:PublishReadyToRun={readyToRun.ToString().ToLowerInvariant()}", "-o", output, "--nologo", "-v", "q");
        return Path.Combine(output, Path.GetFileNameWithoutExtension(project) switch
        {
            "VersioningMacro" => "VersioningMacro",
            var other => other,
        });
    }

    /// <summary>Native AOT linux-x64 publish, as scripts/package.sh builds the bootstrap; returns the executable's path.</summary>
    public static string PublishAot(string project, string name)
    {
        var output = Path.Combine(Directory, name);
        ProcessTimer.Check(
            "dotnet", "publish", Path.Combine(RepoRoot.Path, project), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "--artifacts-path", Path.Combine(Directory, "aot-build", name), "-o", output, "--nologo", "-v", "q", "--disable-build-servers");
        return Path.Combine(output, Path.GetFileNameWithoutExtension(project));
    }

    /// <summary>
    /// The macro request for examples/classic: its CodeUri folders become S3 URIs (as <c>sam package</c>
    /// would make them; the Lambda refuses local paths) and CodeIdentity is location, so nothing reads S3.
    /// </summary>
    public static string ClassicEvent()
    {
        var template = TemplateReader.Read(File.ReadAllText(Path.Combine(RepoRoot.Path, "examples", "classic", "template.yaml")), out _);
        var (request, problems) = LocalRequestBuilder.Build(template, new Dictionary<string, string>(), TemplateGenerator.Region, TemplateGenerator.AccountId);
        if (request is null)
        {
            throw new InvalidOperationException($"examples/classic: {string.Join("; ", problems)}");
        }

        foreach (var (_, resource) in (JsonObject)request.Fragment["Resources"]!)
        {
            if (resource?["Properties"] is JsonObject properties && properties["CodeUri"]?.GetValue<string>() is { } folder)
            {
                properties["CodeUri"] = $"s3://bench-artifacts/classic/{Path.GetFileName(folder)}.zip";
            }
        }

        return Write("classic-event.json", Event(request.Fragment, request.TemplateParameterValues, "bench-classic"));
    }

    /// <summary>The generated template's macro request (see <see cref="TemplateGenerator.Event"/>).</summary>
    public static string GeneratedEvent(int resources) => Write($"event-{resources}.json", TemplateGenerator.Event(resources));

    /// <summary>The generated template as SAM sees it (the macro left out) with its parameter values.</summary>
    public static string GeneratedSamInput(int resources) => Write($"sam-{resources}.json", new JsonObject
    {
        ["template"] = TemplateGenerator.Template(resources, withMacro: false),
        ["parameterValues"] = new JsonObject([.. TemplateGenerator.ParameterValues.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
    });

    private static JsonObject Event(JsonObject fragment, JsonObject values, string requestId) => new()
    {
        ["region"] = TemplateGenerator.Region,
        ["accountId"] = TemplateGenerator.AccountId,
        ["fragment"] = fragment.DeepClone(),
        ["transformId"] = $"{TemplateGenerator.AccountId}::VersioningMacro",
        ["params"] = new JsonObject { ["CodeIdentity"] = "location" },
        ["requestId"] = requestId,
        ["templateParameterValues"] = values.DeepClone(),
    };

    private static string Write(string name, JsonObject json)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
