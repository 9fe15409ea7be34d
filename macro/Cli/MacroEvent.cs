using System.Text.Json.Nodes;
using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>
/// The request CloudFormation would send the macro for a template, as JSON: what
/// <c>transform --emit-event FILE</c> writes and <c>invoke FILE</c> replays through the Lambda's handler
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros-author.html: region,
/// accountId, fragment, transformId, params, requestId, templateParameterValues).
/// </summary>
internal static class MacroEvent
{
    /// <summary>Fixed, so that emitting twice from one template writes the same file.</summary>
    public const string RequestId = "versioning-macro-cli-event";

    public static JsonObject Build(MacroRequest request) => new()
    {
        ["region"] = request.Region,
        ["accountId"] = request.AccountId,
        ["fragment"] = request.Fragment.DeepClone(),
        // CloudFormation sends the macro's name qualified by the account that owns it.
        ["transformId"] = $"{request.AccountId}::{LocalRequestBuilder.MacroName}",
        ["params"] = request.Params.DeepClone(),
        ["requestId"] = RequestId,
        ["templateParameterValues"] = request.TemplateParameterValues.DeepClone(),
    };
}
