namespace MacroVersioning.Cli;

/// <summary>
/// Writes <c>-o OUT</c> so that OUT is always a whole result of the latest run or absent: the text
/// goes to a temporary file beside OUT, then replaces it in one rename (a crash or Ctrl-C leaves no
/// half file), and a run that fails removes an OUT from an earlier run, which would otherwise look
/// like this run's output to the next step of a pipeline.
/// </summary>
internal static class OutputFile
{
    /// <param name="ownerOnly">Readable by the owner alone (on Unix): for a file that may hold NoEcho values.</param>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken, bool ownerOnly = false)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
            {
                await file.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Removes OUT after a failed run; says so, since the user may not expect it.</summary>
    public static void RemoveStale(string path, TextWriter log)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                log.WriteLine($"removed {path}: it is from an earlier run, and this one failed");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"warning: {path} is from an earlier run and could not be removed: {e.Message}");
        }
    }
}
