using System.Text.Json.Nodes;
using MacroVersioning.Lambda;

namespace MacroVersioning.Tests.Lambda;

/// <summary>Which values count as NoEcho secrets, and how they are masked.</summary>
public sealed class SecretRedactorTests
{
    public static TheoryData<string, string, string, string, string> Rows => new()
    {
        { "NoEcho true", """{"Pw":{"Type":"String","NoEcho":true}}""", """{"Pw":"hunter2"}""", "bad value hunter2 here", "bad value **** here" },
        { "NoEcho \"true\"", """{"Pw":{"Type":"String","NoEcho":"true"}}""", """{"Pw":"hunter2"}""", "hunter2", "****" },
        { "NoEcho \"TRUE\"", """{"Pw":{"Type":"String","NoEcho":"TRUE"}}""", """{"Pw":"hunter2"}""", "x=hunter2;y=hunter2", "x=****;y=****" },
        { "NoEcho false keeps the value", """{"Pw":{"Type":"String","NoEcho":false}}""", """{"Pw":"hunter2"}""", "hunter2", "hunter2" },
        { "NoEcho \"false\" keeps the value", """{"Pw":{"Type":"String","NoEcho":"false"}}""", """{"Pw":"hunter2"}""", "hunter2", "hunter2" },
        { "no NoEcho keeps the value", """{"Stage":{"Type":"String"}}""", """{"Stage":"prod"}""", "stage prod", "stage prod" },
        { "list: each item and the joined text", """{"Keys":{"Type":"CommaDelimitedList","NoEcho":true}}""", """{"Keys":["alpha-1","beta-2"]}""", "alpha-1,beta-2 | beta-2", "**** | ****" },
        { "a number value", """{"Pin":{"Type":"Number","NoEcho":true}}""", """{"Pin":4711}""", "pin 4711", "pin ****" },
        { "a longer secret containing a shorter one", """{"A":{"NoEcho":true},"B":{"NoEcho":true}}""", """{"A":"abc","B":"abcdef"}""", "abcdef abc", "**** ****" },
        { "an empty value masks nothing", """{"Pw":{"NoEcho":true}}""", """{"Pw":""}""", "text", "text" },
        { "a NoEcho parameter without a value", """{"Pw":{"NoEcho":true}}""", """{}""", "hunter2", "hunter2" },
        { "Parameters not an object", "\"oops\"", """{"Pw":"hunter2"}""", "hunter2", "hunter2" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void MasksTheValuesOfNoEchoParameters(string name, string parameters, string values, string text, string expected)
    {
        var fragment = new JsonObject { ["Parameters"] = JsonNode.Parse(parameters), ["Resources"] = new JsonObject() };

        var redactor = SecretRedactor.FromRequest(fragment, JsonNode.Parse(values)!.AsObject());

        redactor.Redact(text).Should().Be(expected, name);
    }

    [Fact]
    public void WithoutAFragmentOrValuesNothingIsMasked()
    {
        SecretRedactor.FromRequest(null, new JsonObject { ["Pw"] = "hunter2" }).Redact("hunter2").Should().Be("hunter2");
        SecretRedactor.FromRequest(new JsonObject(), null).Redact("hunter2").Should().Be("hunter2");
    }
}
