using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace MacroVersioning.Aws;

/// <summary>
/// Credentials for signing. Keys in the environment come first (in Lambda the runtime puts the role's
/// keys there: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN); otherwise the SDK's default
/// chain (profile, SSO, container, instance metadata), asked at each call so refreshed keys are used.
/// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
/// </summary>
internal sealed class AwsCredentialSource(Func<string, string?> environment)
{
    public static AwsCredentialSource Process { get; } = new(Environment.GetEnvironmentVariable);

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        if (environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } id && environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            return new ImmutableCredentials(id, secret, environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var chain = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        return await chain.GetCredentialsAsync().ConfigureAwait(false);
    }
}
