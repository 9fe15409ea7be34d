using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Cli;

/// <summary>
/// <c>transform TEMPLATE</c>: reads the template, builds the request CloudFormation would send, runs the
/// same core as the Lambda (local code allowed), and writes the template the next transform would get.
/// The template goes to stdout or <c>-o</c>; progress, the summary and problems go to stderr, masked for
/// NoEcho values.
/// </summary>
internal sealed class TransformCommand(
    TextWriter stdout, TextWriter stderr, Transformer transform, Func<string, Uri?, ICodeIdentitySource> codeSources)
{
    private readonly LocalTransform core = new(transform, codeSources);

    public async Task<int> RunAsync(TransformRequest request, byte[]? hashKey, CancellationToken cancellationToken)
    {
        var code = await ReadAndRunAsync(request, hashKey, cancellationToken).ConfigureAwait(false);
        if (code != ExitCodes.Success && request.OutputPath is { } output)
        {
            OutputFile.RemoveStale(output, stderr);
        }

        return code;
    }

    private async Task<int> ReadAndRunAsync(TransformRequest request, byte[]? hashKey, CancellationToken cancellationToken)
    {
        var path = request.TemplatePath;
        if (TemplatePath.Problem(path, "template") is { } missing)
        {
            await stderr.WriteLineAsync($"error: {missing}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        JsonObject template;
        TemplateFormat format;
        try
        {
            template = TemplateReader.Read(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), out format);
        }
        catch (TemplateFormatException e)
        {
            await stderr.WriteLineAsync($"{path}:{e.Line}:{e.Column}: {e.Reason}").ConfigureAwait(false);
            return ExitCodes.Rejected;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: template {path} cannot be read: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var log = new RedactingWriter(stderr, TemplateParameters.Secrets(template, request.Parameters));
        return await RunAsync(request, template, format, hashKey, log, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(
        TransformRequest request, JsonObject template, TemplateFormat format, byte[]? hashKey, TextWriter log, CancellationToken cancellationToken)
    {
        var usage = TemplateParameters.Check(template, request.Parameters);
        if (usage.Count > 0)
        {
            WriteLines(log, usage.Select(u => $"error: {u}"));
            return ExitCodes.Usage;
        }

        var resources = (template["Resources"] as JsonObject)?.Count ?? 0;
        log.WriteLine($"read {request.TemplatePath} ({format.ToString().ToUpperInvariant()}, {resources} {(resources == 1 ? "resource" : "resources")}); region {request.Region}, account {request.AccountId}");
        WriteNotes(template, log);

        var overrides = request.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var (macroRequest, problems) = LocalRequestBuilder.Build(template, overrides, request.Region, request.AccountId);
        if (macroRequest is null)
        {
            WriteLines(log, SummaryFormatter.FormatProblems(problems));
            return ExitCodes.Rejected;
        }

        if (request.EmitEventPath is { } eventPath
            && !await EmitEventAsync(eventPath, macroRequest, TemplateParameters.Secrets(template, request.Parameters).Count > 0, log, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Usage;
        }

        if (await core.RunAsync(macroRequest, request.TemplatePath, hashKey, request.CodeIdentity, request.S3Endpoint, log, cancellationToken, request.ServiceToken)
            .ConfigureAwait(false) is not { } result)
        {
            return ExitCodes.Rejected;
        }

        if (result.Fragment is not { } fragment)
        {
            WriteLines(log, SummaryFormatter.Format(result));
            return ExitCodes.Rejected;
        }

        var output = TransformSection.Restore(template, fragment);
        var text = request.Format == TemplateFormat.Yaml ? CfnYamlWriter.Write(output) : CfnJsonWriter.Write(output);
        if (!await WriteOutputAsync(request.OutputPath, text, log, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Usage;
        }

        WriteLines(log, SummaryFormatter.Format(result));
        return ExitCodes.Success;
    }

    private static void WriteNotes(JsonObject template, TextWriter log)
    {
        // SAM listed first is an error (TransformOrder), not a note.
        if (TransformSection.ListedBeforeMacro(template).Where(t => t != TransformOrder.Sam).ToList() is { Count: > 0 } before)
        {
            log.WriteLine($"note: CloudFormation runs {string.Join(", ", before)} before {LocalRequestBuilder.MacroName}; the CLI does not, and keeps them in the output's Transform");
        }
    }

    /// <summary>
    /// Written before the core runs, so a template the macro rejects can be replayed too. NoEcho values stay
    /// in it as CloudFormation sends them (a replay must hash what the deployment would), in a file only
    /// its owner can read.
    /// </summary>
    private static async Task<bool> EmitEventAsync(string path, MacroRequest request, bool hasSecrets, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            await OutputFile.WriteAsync(path, CfnJsonWriter.Write(MacroEvent.Build(request)), cancellationToken, ownerOnly: true).ConfigureAwait(false);
            log.WriteLine(hasSecrets
                ? $"wrote the macro request to {path}; it holds the NoEcho parameter values in clear, as CloudFormation's request does: keep it private"
                : $"wrote the macro request to {path}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"error: cannot write {path}: {e.Message}");
            return false;
        }
    }

    private async Task<bool> WriteOutputAsync(string? outputPath, string text, TextWriter log, CancellationToken cancellationToken)
    {
        if (outputPath is null)
        {
            await stdout.WriteAsync(text).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        try
        {
            await OutputFile.WriteAsync(outputPath, text, cancellationToken).ConfigureAwait(false);
            log.WriteLine($"wrote {outputPath}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"error: cannot write {outputPath}: {e.Message}");
            return false;
        }
    }

    private static void WriteLines(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
