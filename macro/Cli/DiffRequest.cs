using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>The <c>diff</c> command's arguments: <c>transform</c>'s options for both templates, and the output format.</summary>
/// <param name="OldParameters">Values for OLD only (<c>--old-param</c>), over <paramref name="Parameters"/>: what the stack was deployed with.</param>
/// <param name="Json">True for <c>--format json</c> (machines), false for text.</param>
internal sealed record DiffRequest(
    string OldPath,
    string NewPath,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<KeyValuePair<string, string>> OldParameters,
    string Region,
    string AccountId,
    CodeIdentityMode? CodeIdentity,
    bool Json,
    Uri? S3Endpoint,
    string? HashKeyFile) : CliRequest;
