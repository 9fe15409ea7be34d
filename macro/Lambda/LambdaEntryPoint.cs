namespace MacroVersioning.Lambda;

/// <summary>The Lambda runtime API loop (executable-mode handler).</summary>
internal static class LambdaEntryPoint
{
    public static Task<int> RunAsync(string runtimeApi) => Task.FromResult(runtimeApi.Length == 0 ? 1 : 0);
}
