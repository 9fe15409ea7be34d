using System.Text.Json.Nodes;

namespace MacroVersioning.Core;

/// <summary>
/// The parts of a CloudFormation macro request the transform needs.
/// See https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html
/// (request: region, accountId, fragment, transformId, params, requestId, templateParameterValues).
/// </summary>
/// <param name="Fragment">The template minus <c>Transform</c>; never mutated by the transform.</param>
/// <param name="TemplateParameterValues">Every template parameter, defaults applied.</param>
/// <param name="Params">The <c>Parameters</c> of the template's <c>VersioningMacro</c> Transform entry.</param>
public sealed record MacroRequest(
    JsonObject Fragment,
    JsonObject TemplateParameterValues,
    JsonObject Params,
    string Region,
    string AccountId);
