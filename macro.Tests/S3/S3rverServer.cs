using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// A real s3rver on 127.0.0.1 (free port, temp data directory) for one test collection or one
/// benchmark run, with a server-side log of the requests it received.
/// </summary>
internal sealed class S3rverServer : IAsyncDisposable
{
    private readonly Process node;
    private readonly string dataDirectory;
    private readonly HttpClient http;

    private S3rverServer(Process node, string dataDirectory, Uri endpoint)
    {
        this.node = node;
        this.dataDirectory = dataDirectory;
        Endpoint = endpoint;
        http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri Endpoint { get; }

    /// <param name="versionedBuckets">Buckets that keep every PUT as a version (emulated by s3rver-host.js).</param>
    public static async Task<S3rverServer> StartAsync(IEnumerable<string> buckets, CancellationToken cancellationToken, IEnumerable<string>? versionedBuckets = null)
    {
        await S3rverInstall.EnsureAsync(cancellationToken);
        var dataDirectory = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NODE_PATH"] = S3rverInstall.NodeModules },
        };
        foreach (var arg in new[] { Path.Combine(RepoRoot.Path, "macro.Tests", "S3", "s3rver-host.js"), dataDirectory }.Concat(buckets).Concat((versionedBuckets ?? []).Select(b => $"--versioned={b}")))
        {
            start.ArgumentList.Add(arg);
        }

        var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started (is Node.js installed?)");
        var stderr = node.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    // Keep draining stdout so s3rver never blocks on a full pipe.
                    _ = node.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new S3rverServer(node, dataDirectory, new Uri($"http://127.0.0.1:{line["LISTENING ".Length..]}/"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        node.Kill(entireProcessTree: true);
        await node.WaitForExitAsync(CancellationToken.None);
        throw new InvalidOperationException($"s3rver did not start: {await stderr}");
    }

    /// <summary>Uploads anonymously (s3rver accepts unsigned requests), streaming the content.</summary>
    /// <returns>The new version's id in a versioned bucket, else null.</returns>
    public async Task<string?> PutAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        using var body = new StreamContent(content, 1024 * 1024);
        body.Headers.ContentLength = content.Length;
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await http.PutAsync($"{bucket}/{Uri.EscapeDataString(key)}", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("x-amz-version-id", out var version) ? version.Single() : null;
    }

    public Task<string?> PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken) =>
        PutAsync(bucket, key, new MemoryStream(content), cancellationToken);

    /// <summary>Every request the server received since the last clear, in arrival order.</summary>
    public async Task<IReadOnlyList<S3rverRequest>> RequestsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<S3rverRequest[]>("__requests", cancellationToken) ?? [];

    public async Task ClearRequestsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync("__requests", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!node.HasExited)
        {
            node.StandardInput.Close();
            if (!node.WaitForExit(5000))
            {
                node.Kill(entireProcessTree: true);
            }
        }

        await node.WaitForExitAsync(CancellationToken.None);
        node.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
