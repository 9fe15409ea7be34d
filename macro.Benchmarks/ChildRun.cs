using System.Diagnostics;
using System.Text.Json;

namespace MacroVersioning.Benchmarks;

/// <summary>Starts this benchmark again as a <see cref="HashChild"/> and reads its one-line result.</summary>
internal static class ChildRun
{
    public static async Task<HashChild.HashResult> RunAsync(Uri endpoint, string bucket, string key, string warmUpKey)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        }

        foreach (var arg in new[] { HashChild.Command, endpoint.ToString(), bucket, key, warmUpKey })
        {
            start.ArgumentList.Add(arg);
        }

        // s3rver checks signatures against its own fixed key pair.
        start.Environment["AWS_ACCESS_KEY_ID"] = "S3RVER";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "S3RVER";
        start.Environment.Remove("AWS_SESSION_TOKEN");
        using var child = Process.Start(start) ?? throw new InvalidOperationException("benchmark child could not be started");
        var stderr = child.StandardError.ReadToEndAsync();
        var stdout = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"hash child failed ({child.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<HashChild.HashResult>(stdout) ?? throw new InvalidOperationException("hash child printed nothing");
    }
}
