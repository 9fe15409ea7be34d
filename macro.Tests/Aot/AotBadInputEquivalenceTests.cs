using MacroVersioning.Cli;
using MacroVersioning.Tests.BadInput;

namespace MacroVersioning.Tests.Aot;

/// <summary>
/// The bad-input corpus through <c>invoke</c> (exactly the Lambda's handler) in both builds: the
/// same response, log and exit code, byte for byte, for every malformed, hostile or deep request —
/// the cases where a trimmed or ahead-of-time compiled program is likeliest to differ (a missing
/// converter, another stack depth, an exception message). Code objects live in an s3rver without them, so
/// reads fail by name the same way in both; the planted NoEcho values never reach either output.
/// </summary>
public sealed class AotBadInputEquivalenceTests(GoldenS3rverFixture s3) : IClassFixture<GoldenS3rverFixture>, IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("aot-bad-input-");

    public static TheoryData<string> Cases() => BadInputTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_aot_build_answers_the_case_as_the_jit_build_does(string name)
    {
        var folder = work.CreateSubdirectory(name);
        var request = Path.Combine(folder.FullName, "request.json");
        await File.WriteAllTextAsync(request, BadInputCase.Named(name).RequestBody());
        var environment = new Dictionary<string, string?> { [HashKeySource.EnvironmentVariable] = "bad-input-hash-key" };

        var aot = await MacroProcess.SameFromBothAsync(["invoke", request, "--s3-endpoint", s3.Endpoint.ToString()], folder.FullName, environment);

        aot.StandardOutput.Should().NotBeEmpty().And.NotContain(BadInputTests.SecretMarker);
        aot.StandardError.Should().NotContain(BadInputTests.SecretMarker);
    }

    public void Dispose() => work.Delete(recursive: true);
}
