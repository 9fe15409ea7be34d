using System.Text;

namespace MacroVersioning.Cli;

/// <summary>
/// Finds the key that keeps NoEcho values out of reach in version ids: <c>--hash-key-file</c>, else
/// the <c>VERSIONING_MACRO_HASH_KEY</c> environment variable (the Lambda's setting), so a preview
/// computes the ids the deployed macro will. The key is UTF-8 text; a file's trailing newlines are
/// dropped so <c>echo KEY &gt; file</c> gives the same key as the variable.
/// </summary>
internal static class HashKeySource
{
    public const string EnvironmentVariable = "VERSIONING_MACRO_HASH_KEY";

    public static (byte[]? Key, string? Error) Load(string? file, Func<string, string?> environment)
    {
        if (file is null)
        {
            return environment(EnvironmentVariable) is { Length: > 0 } text ? (Encoding.UTF8.GetBytes(text), null) : (null, null);
        }

        if (!File.Exists(file))
        {
            return (null, $"--hash-key-file {file} does not exist");
        }

        string content;
        try
        {
            content = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"--hash-key-file {file} cannot be read: {e.Message}");
        }

        var key = content.TrimEnd('\r', '\n');
        return key.Length == 0
            ? (null, $"--hash-key-file {file} is empty; put the key on its first line")
            : (Encoding.UTF8.GetBytes(key), null);
    }
}
