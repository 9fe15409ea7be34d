using MacroVersioning.Aws;
using MacroVersioning.Code;
using MacroVersioning.Core;
using MacroVersioning.Lambda;

namespace MacroVersioning.Cli;

/// <summary>
/// The local CLI: <c>transform</c> previews the macro on a template, <c>diff</c> compares two templates'
/// versions, <c>invoke</c> runs the Lambda's handler on a request event, <c>prune</c> deletes a function's old
/// versions as the custom resource does. All call the same core as the deployed macro.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using var cancellation = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancellation.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return await RunAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <param name="environment">Reads an environment variable (a seam for tests).</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (request, error) = CliArguments.Parse(args);
        if (request is null)
        {
            await stderr.WriteLineAsync($"error: {error}\n{HelpText.ShortUsage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return request switch
            {
                HelpRequest help => await WriteHelpAsync(stdout, help).ConfigureAwait(false),
                TransformRequest transform => await TransformAsync(transform, stdout, stderr, environment, cancellationToken).ConfigureAwait(false),
                DiffRequest diff => await DiffAsync(diff, stdout, stderr, environment, cancellationToken).ConfigureAwait(false),
                InvokeRequest invoke => await InvokeAsync(invoke, stdout, stderr, environment, cancellationToken).ConfigureAwait(false),
                PruneArgs prune => await new PruneCommand(stdout, stderr, (region, endpoint) => LambdaVersionPruner.Create(
                        region, endpoint, new AwsCredentialSource(environment), LambdaVersionPruner.SharedHttp, TimeProvider.System))
                    .RunAsync(prune, environment, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"no command for {request.GetType().Name}"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    private static async Task<int> WriteHelpAsync(TextWriter stdout, HelpRequest help)
    {
        await stdout.WriteAsync(HelpText.For(help.Command).TrimEnd() + "\n").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> TransformAsync(
        TransformRequest request, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (hashKey, keyError) = HashKeySource.Load(request.HashKeyFile, environment);
        if (keyError is not null)
        {
            await stderr.WriteLineAsync($"error: {keyError}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var command = new TransformCommand(stdout, stderr, MacroTransformer.TransformAsync, CodeSourceFactory.Create);
        return await command.RunAsync(request, hashKey, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DiffAsync(
        DiffRequest request, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (hashKey, keyError) = HashKeySource.Load(request.HashKeyFile, environment);
        if (keyError is not null)
        {
            await stderr.WriteLineAsync($"error: {keyError}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var command = new DiffCommand(stdout, stderr, MacroTransformer.TransformAsync, CodeSourceFactory.Create);
        return await command.RunAsync(request, hashKey, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> InvokeAsync(
        InvokeRequest request, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var (hashKey, keyError) = HashKeySource.Load(request.HashKeyFile, environment);
        if (keyError is not null)
        {
            await stderr.WriteLineAsync($"error: {keyError}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var endpoint = request.S3Endpoint;
        var command = new InvokeCommand(stdout, stderr, log =>
            new MacroHandler(region => CodeSourceFactory.Create(region, endpoint), TransformOptions.Lambda(hashKey), log).HandleAsync);
        return await command.RunAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
