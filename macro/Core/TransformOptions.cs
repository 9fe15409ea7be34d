namespace MacroVersioning.Core;

/// <summary>How the caller runs the transform: the Lambda and the CLI differ only here.</summary>
/// <param name="AllowLocalCode">
/// True for the CLI preview: a local <c>CodeUri</c> is digested from disk. False in the Lambda,
/// where a local path means the template was never packaged.
/// </param>
/// <param name="LocalBaseDirectory">Directory that relative local code paths resolve against (the template's folder).</param>
/// <param name="HashKey">
/// Key for NoEcho parameter values entering the hash (HMAC), so a low-entropy secret cannot be
/// recovered from a version id by brute force. Null: a NoEcho value in hashed configuration is an error.
/// </param>
/// <param name="CodeIdentityOverride">CLI <c>--code-identity</c>; wins over template settings when set.</param>
/// <param name="ServiceToken">
/// The macro function's unqualified ARN, which serves the <c>KeepVersions</c> prune resources: in Lambda the
/// invoked function's, in the CLI <c>--service-token</c>. Null: the ARN of the function <c>macro-template.yaml</c>
/// deploys, as an <c>Fn::Sub</c> over the stack's partition, Region and account.
/// </param>
public sealed record TransformOptions(
    bool AllowLocalCode,
    string? LocalBaseDirectory = null,
    byte[]? HashKey = null,
    CodeIdentityMode? CodeIdentityOverride = null,
    string? ServiceToken = null)
{
    public static TransformOptions Lambda(byte[]? hashKey) => new(false, null, hashKey);
}
