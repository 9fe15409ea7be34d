namespace MacroVersioning.Cli;

/// <summary>
/// The first check on a template argument: a folder is a common slip (the SAM project instead of its
/// template), and "does not exist" would be wrong advice for it.
/// </summary>
internal static class TemplatePath
{
    private static readonly string[] TemplateNames = ["template.yaml", "template.yml", "template.json"];

    /// <param name="what">How the message names the argument: "template", "OLD template".</param>
    /// <returns>Why <paramref name="path"/> cannot be read as a template, or null when it is a file.</returns>
    public static string? Problem(string path, string what)
    {
        if (File.Exists(path))
        {
            return null;
        }

        if (!Directory.Exists(path))
        {
            return $"{what} {path} does not exist";
        }

        var inside = TemplateNames.Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists);
        return inside is null
            ? $"{what} {path} is a directory; give the template file in it"
            : $"{what} {path} is a directory; did you mean {inside}?";
    }
}
