using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Lambda;

/// <summary>
/// Turns one macro request body into one response body. Never throws: every problem becomes a
/// <c>status: failure</c> response, because CloudFormation shows an exception only as
/// "Received malformed response from transform".
/// </summary>
public sealed class MacroHandler(Func<string, ICodeIdentitySource> codeSourceForRegion, TransformOptions options, TextWriter log)
{
    public Task<string> HandleAsync(string requestBody, CancellationToken cancellationToken)
    {
        _ = (codeSourceForRegion, options, log, requestBody, cancellationToken);
        return Task.FromResult("{}");
    }
}
