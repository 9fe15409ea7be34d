using MacroVersioning.Cli;
using MacroVersioning.Lambda;

// The managed dotnet10 runtime in executable mode runs this assembly; AWS_LAMBDA_RUNTIME_API says
// we are inside Lambda. Anywhere else this is the local CLI, calling the same core.
return Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") is { Length: > 0 } runtimeApi
    ? await LambdaEntryPoint.RunAsync(runtimeApi)
    : await CliApp.RunAsync(args, Console.Out, Console.Error);
