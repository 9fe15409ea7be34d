using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Core.Resolution;

/// <summary>
/// One reading of a parameter's <c>NoEcho</c> for the core, the Lambda's redactor and the CLI's, so the
/// value a template declares secret is masked by every one of them or by none.
/// CloudFormation reads a boolean, or the strings "true" and "false" in any case.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
/// </summary>
internal static class NoEchoFlag
{
    /// <summary>
    /// Erring towards secrecy: any NoEcho but false (an invalid one is also a problem
    /// <see cref="Validation.TemplateShape"/> reports) is taken for a secret. A value wrongly taken for
    /// one is only keyed and masked; one missed would enter the hash or a message in the clear.
    /// </summary>
    public static bool IsSecret(JsonNode? declaration) =>
        declaration is JsonObject d
        && d.TryGetPropertyValue("NoEcho", out var flag)
        && !string.Equals(JsonText.ScalarText(flag), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>A boolean, or a string CloudFormation reads as one.</summary>
    public static bool IsValid(JsonNode? flag) => flag?.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => true,
        JsonValueKind.String => flag.GetValue<string>().ToLowerInvariant() is "true" or "false",
        _ => false,
    };
}
