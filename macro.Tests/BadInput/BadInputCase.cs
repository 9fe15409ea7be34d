namespace MacroVersioning.Tests.BadInput;

/// <summary>
/// One folder of <c>BadInput/Cases/</c>: <c>request.json</c>, a whole macro request event as Lambda
/// would deliver it (possibly not JSON at all; <c>$expand:</c> tokens, see <see cref="RequestExpansion"/>),
/// and <c>expected.txt</c>: the response status and errorMessage, or for a success the added versions.
/// </summary>
public sealed record BadInputCase(string Name, string Directory)
{
    public static string Root => Path.Combine(Golden.RepoPaths.Root, "macro.Tests", "BadInput", "Cases");

    public string ExpectedFile => Path.Combine(Directory, "expected.txt");

    public static IEnumerable<BadInputCase> All() =>
        System.IO.Directory.EnumerateDirectories(Root)
            .Order(StringComparer.Ordinal)
            .Select(d => new BadInputCase(Path.GetFileName(d), d));

    public static BadInputCase Named(string name) => new(name, Path.Combine(Root, name));

    public string RequestBody() => RequestExpansion.Expand(File.ReadAllText(Path.Combine(Directory, "request.json")));

    public override string ToString() => Name;
}
