using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>
/// Runs the core on a template read from disk, the one way <c>transform</c> and <c>diff</c> both do:
/// local code resolved against the template's folder, S3 read in the request's Region (or at
/// <c>--s3-endpoint</c>) with progress on the log, and an exception from the core reported once as the
/// bug it is, never thrown at the user.
/// </summary>
internal sealed class LocalTransform(Transformer transform, Func<string, Uri?, ICodeIdentitySource> codeSources)
{
    /// <returns>The result, or null after an internal error was written to <paramref name="log"/>.</returns>
    public async Task<TransformResult?> RunAsync(
        MacroRequest request, string templatePath, byte[]? hashKey, CodeIdentityMode? codeIdentity, Uri? s3Endpoint, TextWriter log,
        CancellationToken cancellationToken, string? serviceToken = null)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(templatePath));
        var options = new TransformOptions(AllowLocalCode: true, baseDirectory, hashKey, codeIdentity, serviceToken);
        var codeSource = new ProgressCodeSource(codeSources(request.Region, s3Endpoint), log);
        try
        {
            return await transform(request, options, codeSource, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.WriteLine($"internal error (a bug in the macro; please report it): {e.GetType().Name}: {e.Message}");
            return null;
        }
    }
}
