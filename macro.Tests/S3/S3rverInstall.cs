using System.Diagnostics;

namespace MacroVersioning.Tests.S3;

/// <summary>
/// Installs s3rver into <c>.tools/s3rver</c> of the clone once, so a fresh machine needs no manual
/// step. A lock file serialises concurrent test and benchmark runs; a marker records success.
/// </summary>
internal static class S3rverInstall
{
    public const string Version = "3.7.1";

    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static string Directory { get; } = Path.Combine(RepoRoot.Path, ".tools", "s3rver");

    public static string NodeModules => Path.Combine(Directory, "node_modules");

    public static async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var marker = Path.Combine(Directory, $".installed-{Version}");
        if (File.Exists(marker))
        {
            return;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using var crossProcess = await LockAsync(Path.Combine(Directory, ".install.lock"), cancellationToken);
            if (File.Exists(marker))
            {
                return;
            }

            await NpmInstallAsync(cancellationToken);
            if (!File.Exists(Path.Combine(NodeModules, "s3rver", "package.json")))
            {
                throw new InvalidOperationException($"npm install finished but {NodeModules}/s3rver is missing");
            }

            await File.WriteAllTextAsync(marker, Version, cancellationToken);
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task NpmInstallAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "install", "--prefix", Directory, $"s3rver@{Version}", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started (is Node.js installed?)");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm install s3rver@{Version} failed ({npm.ExitCode}): {await stderr}{await stdout}");
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
