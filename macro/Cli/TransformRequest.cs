using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>The <c>transform</c> command's arguments.</summary>
/// <param name="ServiceToken"><c>--service-token</c>: the macro function's ARN for KeepVersions prune resources (see <see cref="TransformOptions.ServiceToken"/>).</param>
internal sealed record TransformRequest(
    string TemplatePath,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string Region,
    string AccountId,
    CodeIdentityMode? CodeIdentity,
    TemplateFormat Format,
    string? OutputPath,
    Uri? S3Endpoint,
    string? HashKeyFile,
    string? ServiceToken = null,
    string? EmitEventPath = null) : CliRequest
{
    public const string DefaultRegion = "us-east-1";

    public const string DefaultAccountId = "123456789012";
}
