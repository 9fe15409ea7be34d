using System.Text.Json.Nodes;
using MacroVersioning.Code;

namespace MacroVersioning.Core;

/// <summary>
/// The pure transform: fragment + parameter values + a code-identity source in, versioned fragment
/// (or every problem) out. No AWS call and no console here; the Lambda, the CLI and the tests call this.
/// </summary>
public static class MacroTransformer
{
    public static Task<TransformResult> TransformAsync(
        MacroRequest request, TransformOptions options, ICodeIdentitySource codeSource, CancellationToken cancellationToken)
    {
        // Skeleton: the pipeline lands in the next commit.
        var fragment = (JsonObject)request.Fragment.DeepClone();
        return Task.FromResult(new TransformResult(fragment, [], []));
    }
}
