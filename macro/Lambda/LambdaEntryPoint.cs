using MacroVersioning.Aws;
using System.Text;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Core.Pruning;
using MacroVersioning.Lambda.Prune;

namespace MacroVersioning.Lambda;

/// <summary>
/// The Lambda side of the program. The managed <c>dotnet10</c> runtime starts this assembly in
/// executable mode with <c>AWS_LAMBDA_RUNTIME_API</c> set; from there we speak the runtime API
/// ourselves. See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
/// </summary>
internal static class LambdaEntryPoint
{
    /// <summary>
    /// The deployer's key for NoEcho values entering the hash (see <see cref="TransformOptions.HashKey"/>);
    /// read once at init, never logged.
    /// </summary>
    public const string HashKeyVariable = "VERSIONING_MACRO_HASH_KEY";

    /// <param name="runtimeApi">The <c>AWS_LAMBDA_RUNTIME_API</c> value, <c>host:port</c>.</param>
    /// <returns>The process exit code; Lambda starts a fresh environment after an exit.</returns>
    public static async Task<int> RunAsync(string runtimeApi)
    {
        using var http = RuntimeApiClient.CreateHttpClient(runtimeApi);
        var loop = new RuntimeLoop(new RuntimeApiClient(http, RuntimeApiClient.DefaultPostTimeout), Console.Out, RuntimeLoopOptions.Default);
        return await loop.RunAsync(() => CreateHandler(Environment.GetEnvironmentVariable, Console.Out), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Init: everything read from the environment, once; a throw here is reported on <c>init/error</c>.</summary>
    /// <param name="pruners">The pruner for a Region (tests pass a fake); null is <see cref="CreatePruner"/>.</param>
    internal static InvocationHandler CreateHandler(Func<string, string?> environment, TextWriter log, Func<string, IVersionPruner>? pruners = null)
    {
        var options = TransformOptions.Lambda(ReadHashKey(environment(HashKeyVariable)));
        var macro = new MacroHandler(region => CodeSourceFactory.Create(region, s3Endpoint: null), options, log);
        var responder = new ResponseUrlClient(ResponseUrlClient.CreateHttpClient(), ResponseUrlRetry.Default);
        var endpoint = LambdaVersionPruner.EndpointFromEnvironment(environment);
        var prune = new PruneHandler(pruners ?? (region => CreatePruner(region, endpoint)), responder, log);
        return new InvocationDispatcher(macro, prune).HandleAsync;
    }

    /// <summary>
    /// The production pruner for a Region: the Lambda REST API signed with the function's own credentials
    /// (the role's keys Lambda puts in the environment).
    /// </summary>
    /// <param name="endpoint">Null for Lambda's public endpoint; see <see cref="LambdaVersionPruner.EndpointFromEnvironment"/>.</param>
    internal static IVersionPruner CreatePruner(string region, Uri? endpoint) => LambdaVersionPruner.Create(region, endpoint);

    /// <summary>The key's UTF-8 bytes; unset or empty means no key (NoEcho values in hashed configuration then fail).</summary>
    internal static byte[]? ReadHashKey(string? value) => string.IsNullOrEmpty(value) ? null : Encoding.UTF8.GetBytes(value);
}
