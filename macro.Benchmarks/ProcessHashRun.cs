using System.Text.Json.Nodes;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// The large object hashed by a whole macro process, as a cold Lambda meets it: <c>transform</c> of a
/// one-function template whose code is the object, read from s3rver (content identity, the default),
/// for the Native AOT executable and the ReadyToRun build alternately. Reports wall time, CPU time
/// (user + system: what Lambda's memory-proportional CPU share must supply) and peak resident set,
/// the figures <c>MemorySize</c> is chosen from (docs/performance.md).
/// </summary>
internal static class ProcessHashRun
{
    private const int MiB = 1024 * 1024;

    public static async Task RunAsync(S3rverServer server, string bucket, string key, long size, byte[] expected, int runs, TextWriter output)
    {
        if (!PeakMemory.Available)
        {
            await output.WriteLineAsync("Whole-process hashing skipped: needs GNU time (/usr/bin/time).");
            return;
        }

        var builds = new (string Name, string File)[]
        {
            ("Native AOT", Artifacts.PublishAot("macro/VersioningMacro.csproj", "macro-aot")),
            ("ReadyToRun", Artifacts.Publish("macro/VersioningMacro.csproj", "macro-r2r", readyToRun: true)),
        };
        var template = Path.Combine(Artifacts.Directory, "s3-large-template.yaml");
        await File.WriteAllTextAsync(template, $"""
            Transform: [VersioningMacro, AWS::Serverless-2016-10-31]
            Resources:
              Large:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: s3://{bucket}/{key}
                  Handler: index.handler
                  Runtime: python3.12
            """);
        string[] args = ["transform", template, "--s3-endpoint", server.Endpoint.ToString()];
        var environment = new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER", ["AWS_SESSION_TOKEN"] = null };
        var results = builds.Select(_ => new List<(double PeakMiB, double CpuSeconds, double WallSeconds, string Stdout)>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < builds.Length; k++)
            {
                var i = (k + run) % builds.Length;
                var usage = PeakMemory.Usage(builds[i].File, args, environment);
                var sha = JsonNode.Parse(usage.Stdout)!["Resources"]!.AsObject()
                    .Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Version").Value!["Properties"]!["CodeSha256"]!.GetValue<string>();
                if (sha != Convert.ToBase64String(expected))
                {
                    throw new InvalidOperationException($"{builds[i].Name} reported CodeSha256 {sha}");
                }

                results[i].Add(usage);
            }
        }

        var sizeMiB = (double)size / MiB;
        await output.WriteLineAsync($"Whole process, cold: transform of a template whose code is the {sizeMiB:0} MiB object ({runs} runs each, alternating):");
        await output.WriteLineAsync("| build | wall s | MiB/s | CPU s (user+sys) | CPU s per 100 MiB | peak RSS MiB |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < builds.Length; i++)
        {
            var wall = Stats.Of(results[i].Select(r => r.WallSeconds)).Median;
            var cpu = Stats.Of(results[i].Select(r => r.CpuSeconds)).Median;
            var peak = Stats.Of(results[i].Select(r => r.PeakMiB));
            await output.WriteLineAsync($"| {builds[i].Name} | {wall:0.00} | {sizeMiB / wall:0} | {cpu:0.00} | {cpu / sizeMiB * 100:0.00} | {peak.Median:0} ({peak.Min:0}-{peak.Max:0}) |");
        }
    }
}
