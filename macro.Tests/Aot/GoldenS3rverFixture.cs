using System.Text;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;
using MacroVersioning.Tests.Golden;
using MacroVersioning.Tests.S3;

namespace MacroVersioning.Tests.Aot;

/// <summary>
/// An s3rver holding the objects the golden cases' <c>case.json</c> name (their text as the bytes), so
/// both builds read the same code; any other object a case points at is missing for both alike.
/// </summary>
public sealed class GoldenS3rverFixture : IAsyncLifetime
{
    private S3rverServer? server;

    public Uri Endpoint => (server ?? throw new InvalidOperationException("s3rver not started")).Endpoint;

    public async Task InitializeAsync()
    {
        var objects = GoldenCase.All()
            .SelectMany(c => c.Settings()["s3"] as JsonObject ?? [])
            .Select(o => (Uri: new Uri(o.Key), Content: JsonText.ScalarText(o.Value)!))
            .ToList();
        server = await S3rverServer.StartAsync(objects.Select(o => o.Uri.Host).Distinct(StringComparer.Ordinal), CancellationToken.None);
        foreach (var (uri, content) in objects)
        {
            await server.PutAsync(uri.Host, uri.AbsolutePath.TrimStart('/'), Encoding.UTF8.GetBytes(content), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
