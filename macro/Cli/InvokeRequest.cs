namespace MacroVersioning.Cli;

/// <summary>The <c>invoke</c> command's arguments.</summary>
internal sealed record InvokeRequest(string EventPath, Uri? S3Endpoint, string? HashKeyFile) : CliRequest;
