using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Benchmarks;

/// <summary>
/// The real transform on a template of 100 functions sharing 3 packaged artifacts, counting the
/// requests s3rver receives: a cold process, then the same template again (warm cache).
/// </summary>
internal static class SharedArtifactsRun
{
    private const string Bucket = "bench";
    private const int Functions = 100;
    private static readonly int[] ArtifactMiB = [3, 7, 11];

    public static async Task RunAsync(S3rverServer server, TextWriter output)
    {
        var expected = new HashSet<string>();
        for (var i = 0; i < ArtifactMiB.Length; i++)
        {
            var bytes = DeterministicBytes.Array(ArtifactMiB[i] * 1024 * 1024, (ulong)(1000 + i));
            await server.PutAsync(Bucket, Key(i), bytes, CancellationToken.None);
            expected.Add(Convert.ToBase64String(SHA256.HashData(bytes)));
        }

        var (request, problems) = LocalRequestBuilder.Build(Template(), new Dictionary<string, string>(), "us-east-1", "123456789012");
        if (request is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        foreach (var pass in new[] { "cold", "warm" })
        {
            await server.ClearRequestsAsync(CancellationToken.None);
            var result = await MacroTransformer.TransformAsync(
                request, TransformOptions.Lambda(null), CodeSourceFactory.Create("us-east-1", server.Endpoint), CancellationToken.None);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Problems));
            }

            var shas = result.Fragment!["Resources"]!.AsObject()
                .Select(r => r.Value!["Properties"]?["CodeSha256"]?.GetValue<string>())
                .OfType<string>()
                .ToList();
            var requests = await server.RequestsAsync(CancellationToken.None);
            await output.WriteLineAsync(
                $"  {pass,-4}: {requests.Count(r => r.IsGet)} GET, {requests.Count(r => r.Method == "HEAD")} HEAD for {Functions} functions; " +
                $"{shas.Count} versions, CodeSha256 {(shas.Count == Functions && shas.All(expected.Contains) ? "equal to" : "DIFFERENT FROM")} SHA-256 of the artifacts");
        }
    }

    private static string Key(int artifact) => $"shared/artifact-{artifact}.zip";

    private static JsonObject Template()
    {
        var resources = new JsonObject();
        for (var i = 0; i < Functions; i++)
        {
            resources[$"Function{i:000}"] = new JsonObject
            {
                ["Type"] = "AWS::Serverless::Function",
                ["Properties"] = new JsonObject
                {
                    ["CodeUri"] = $"s3://{Bucket}/{Key(i % ArtifactMiB.Length)}",
                    ["Handler"] = $"handler{i}.main",
                    ["Runtime"] = "python3.12",
                },
            };
        }

        return new JsonObject
        {
            ["Transform"] = new JsonArray("VersioningMacro", "AWS::Serverless-2016-10-31"),
            ["Resources"] = resources,
        };
    }
}
