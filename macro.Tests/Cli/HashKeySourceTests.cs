using System.Text;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class HashKeySourceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("hashkey-").FullName;

    public static readonly TheoryData<string, string, string> FileContents = new()
    {
        { "trailing newline dropped", "k3y\n", "k3y" },
        { "trailing CRLF dropped", "k3y\r\n", "k3y" },
        { "inner spaces kept", "a key with spaces", "a key with spaces" },
    };

    [Theory]
    [MemberData(nameof(FileContents))]
    public void Reads_the_key_file_as_the_environment_variable_would_hold_it(string name, string content, string expectedKey)
    {
        var file = Path.Combine(directory, "key");
        File.WriteAllText(file, content);

        var (key, error) = HashKeySource.Load(file, _ => "ignored when a file is given");

        error.Should().BeNull(name);
        key.Should().Equal(Encoding.UTF8.GetBytes(expectedKey), name);
    }

    [Fact]
    public void Falls_back_to_the_environment_variable()
    {
        var (key, error) = HashKeySource.Load(null, name => name == HashKeySource.EnvironmentVariable ? "from-env" : null);

        error.Should().BeNull();
        key.Should().Equal(Encoding.UTF8.GetBytes("from-env"));
    }

    [Fact]
    public void Has_no_key_when_neither_is_set()
    {
        var (key, error) = HashKeySource.Load(null, _ => null);

        key.Should().BeNull();
        error.Should().BeNull();
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        var file = Path.Combine(directory, "empty");
        File.WriteAllText(file, "\n");

        HashKeySource.Load(file, _ => null).Error.Should().Contain("is empty");
    }

    [Fact]
    public void Rejects_a_missing_file()
    {
        HashKeySource.Load(Path.Combine(directory, "missing"), _ => null).Error.Should().Contain("does not exist");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
