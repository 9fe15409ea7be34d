using MacroVersioning.Code;
using MacroVersioning.Tests.Cli;

namespace MacroVersioning.Tests.Code;

/// <summary>A folder's preview digest: what a zip of it would carry to Lambda, and nothing that varies by machine.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalCodeDigesterTests : IDisposable
{
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Executable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly CliTempDirectory folder = new();

    private readonly string bootstrap;

    public LocalCodeDigesterTests()
    {
        bootstrap = folder.Write("bootstrap", "#!/bin/sh\nexec ./app\n");
        folder.Write("lib/data.txt", "data");
        File.SetUnixFileMode(bootstrap, Executable);
    }

    [Fact]
    public async Task A_bootstrap_that_lost_its_execute_bit_is_a_different_deployment()
    {
        var executable = await DigestAsync();

        File.SetUnixFileMode(bootstrap, Readable);
        var notExecutable = await DigestAsync();
        File.SetUnixFileMode(bootstrap, Executable);

        notExecutable.Should().NotBe(executable);
        (await DigestAsync()).Should().Be(executable);
    }

    [Fact]
    public async Task Read_and_write_bits_follow_the_umask_and_do_not_count()
    {
        var before = await DigestAsync();

        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        (await DigestAsync()).Should().Be(before);
    }

    public void Dispose() => folder.Dispose();

    private async Task<string> DigestAsync()
    {
        var digests = await new LocalCodeDigester().DigestAsync([new LocalCodeObject(folder.Path)], CancellationToken.None);
        return digests.Should().ContainSingle().Subject.Identity!;
    }
}
