using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Core.Diff;

namespace MacroVersioning.Cli;

/// <summary>
/// <c>diff OLD NEW</c>: transforms both templates with the same options and hash key, and says per
/// function whether a deployment of NEW publishes a new version, and which hashed inputs changed.
/// The diff goes to stdout (text or JSON; names and ids only, never a value); progress and problems
/// go to stderr, masked for NoEcho values. Exit 0: no function changes; 1: some; 3: a template failed.
/// </summary>
internal sealed class DiffCommand(
    TextWriter stdout, TextWriter stderr, Transformer transform, Func<string, Uri?, ICodeIdentitySource> codeSources)
{
    private readonly LocalTransform core = new(transform, codeSources);

    public async Task<int> RunAsync(DiffRequest request, byte[]? hashKey, CancellationToken cancellationToken)
    {
        var (old, oldCode) = await LoadAsync("OLD", request.OldPath, request, hashKey, allowProcessed: true, cancellationToken).ConfigureAwait(false);
        if (old is null)
        {
            return oldCode;
        }

        var (@new, newCode) = await LoadAsync("NEW", request.NewPath, request, hashKey, allowProcessed: false, cancellationToken).ConfigureAwait(false);
        if (@new is null)
        {
            return newCode;
        }

        var diffs = VersionDiffer.Compare(old, @new);
        await stdout.WriteAsync(request.Json ? DiffFormatter.Json(diffs) : DiffFormatter.Text(diffs)).ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return diffs.Any(d => d.IsChange) ? ExitCodes.Changed : ExitCodes.Success;
    }

    private async Task<(TemplateRevision? Revision, int ExitCode)> LoadAsync(
        string role, string path, DiffRequest request, byte[]? hashKey, bool allowProcessed, CancellationToken cancellationToken)
    {
        if (TemplatePath.Problem(path, $"{role} template") is { } missing)
        {
            await stderr.WriteLineAsync($"error: {missing}").ConfigureAwait(false);
            return (null, ExitCodes.Usage);
        }

        JsonObject template;
        TemplateFormat format;
        try
        {
            var text = StackTemplateText.Unwrap(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            template = TemplateReader.Read(text, out format);
        }
        catch (TemplateFormatException e)
        {
            await stderr.WriteLineAsync($"{path}:{e.Line}:{e.Column}: {e.Reason}").ConfigureAwait(false);
            return (null, ExitCodes.DiffFailed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {role} template {path} cannot be read: {e.Message}").ConfigureAwait(false);
            return (null, ExitCodes.Usage);
        }

        if (ProcessedTemplate.Is(template))
        {
            if (!allowProcessed)
            {
                await stderr.WriteLineAsync($"error: NEW template {path} was already processed by CloudFormation; give the template you are about to deploy").ConfigureAwait(false);
                return (null, ExitCodes.Usage);
            }

            await stderr.WriteLineAsync($"read {role} {path} (processed template: version ids only)").ConfigureAwait(false);
            return (new TemplateRevision(template, [], ProcessedTemplate.Functions(template), Processed: true), ExitCodes.Success);
        }

        // OLD may predate a parameter NEW declares: it gets only the --param values it declares, and
        // --old-param wins over --param there.
        var declared = template["Parameters"] as JsonObject ?? [];
        var parameters = role == "NEW" ? request.Parameters
            : [.. request.OldParameters, .. request.Parameters.Where(p => declared.ContainsKey(p.Key) && !request.OldParameters.Any(o => o.Key == p.Key))];
        using var log = new RedactingWriter(stderr, TemplateParameters.Secrets(template, parameters));
        return await TransformAsync(role, path, template, format, parameters, request, hashKey, log, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(TemplateRevision? Revision, int ExitCode)> TransformAsync(
        string role, string path, JsonObject template, TemplateFormat format, IReadOnlyList<KeyValuePair<string, string>> parameters,
        DiffRequest request, byte[]? hashKey, TextWriter log, CancellationToken cancellationToken)
    {
        var usage = TemplateParameters.Check(template, parameters);
        if (usage.Count > 0)
        {
            WriteLines(log, usage.Select(u => $"error: {role} {path}: {u}"));
            return (null, ExitCodes.Usage);
        }

        var resources = (template["Resources"] as JsonObject)?.Count ?? 0;
        log.WriteLine($"read {role} {path} ({format.ToString().ToUpperInvariant()}, {resources} {(resources == 1 ? "resource" : "resources")})");
        var overrides = parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var (macroRequest, problems) = LocalRequestBuilder.Build(template, overrides, request.Region, request.AccountId);
        if (macroRequest is null)
        {
            log.WriteLine($"{role} {path}:");
            WriteLines(log, SummaryFormatter.FormatProblems(problems));
            return (null, ExitCodes.DiffFailed);
        }

        if (await core.RunAsync(macroRequest, path, hashKey, request.CodeIdentity, request.S3Endpoint, log, cancellationToken)
            .ConfigureAwait(false) is not { } result)
        {
            return (null, ExitCodes.DiffFailed);
        }

        if (!result.Succeeded)
        {
            log.WriteLine($"{role} {path}:");
            WriteLines(log, SummaryFormatter.Format(result));
            return (null, ExitCodes.DiffFailed);
        }

        return (new TemplateRevision(template, macroRequest.TemplateParameterValues, result.Functions), ExitCodes.Success);
    }

    private static void WriteLines(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
