using System.Text.Json.Nodes;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>Init: what the entry point reads from the environment.</summary>
public sealed class LambdaEntryPointTests
{
    public static TheoryData<string, string?, byte[]?> HashKeys => new()
    {
        { "unset", null, null },
        { "empty", string.Empty, null },
        { "ASCII", "k3y", "k3y"u8.ToArray() },
        { "non-ASCII as UTF-8", "ключ", [0xD0, 0xBA, 0xD0, 0xBB, 0xD1, 0x8E, 0xD1, 0x87] },
        { "whitespace is part of the key", " k ", " k "u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(HashKeys))]
    public void ReadsTheHashKeyAsUtf8Bytes(string name, string? value, byte[]? expected) =>
        LambdaEntryPoint.ReadHashKey(value).Should().Equal(expected, name);

    [Fact]
    public async Task TheHandlerBuiltAtInitReadsTheKeyVariableAndAnswers()
    {
        var asked = new List<string>();
        var handler = LambdaEntryPoint.CreateHandler(
            variable =>
            {
                asked.Add(variable);
                return "secret-key";
            },
            TextWriter.Null);

        var atInit = asked.ToList();
        var response = JsonNode.Parse(await handler(MacroRequests.Valid("req-init"), InvocationContext.None, CancellationToken.None))!;

        atInit.Should().Equal(LambdaEntryPoint.HashKeyVariable, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL");
        asked.Should().Equal(atInit, "the environment is read once, at init");
        response["requestId"]!.GetValue<string>().Should().Be("req-init");
        response["status"]!.GetValue<string>().Should().Be("success");
    }
}
