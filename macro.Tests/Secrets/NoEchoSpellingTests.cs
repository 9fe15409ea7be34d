using System.Text.Json.Nodes;
using MacroVersioning.Cli;
using MacroVersioning.Lambda;
using MacroVersioning.Tests.Core;

namespace MacroVersioning.Tests.Secrets;

/// <summary>
/// However the template spells NoEcho, its value is a secret: it needs the hash key to enter a version
/// id and is masked in messages. A spelling the core missed would put the value in the hash in the clear.
/// </summary>
public sealed class NoEchoSpellingTests
{
    private const string Secret = "Spelling-planted-secret-71c2";

    public static TheoryData<string, JsonNode> Spellings() => new()
    {
        { "boolean", true },
        { "lower case", "true" },
        { "capitalised", "True" },
        { "upper case", "TRUE" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Without_a_hash_key_a_NoEcho_value_in_hashed_configuration_is_refused(string name, JsonNode noEcho)
    {
        var result = Transform.Run(Template(noEcho), new JsonObject { ["Token"] = Secret });

        result.Problems.Should().ContainSingle(because: name).Which.Message.Should().Contain("NoEcho parameter Token");
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void A_message_quoting_the_value_masks_it(string name, JsonNode noEcho)
    {
        var template = Template(noEcho);
        template["Resources"]!["Fn"]!["Properties"]!["CodeUri"] = new JsonObject { ["Ref"] = "Token" };

        var result = Transform.Run(template, new JsonObject { ["Token"] = "src/" + Secret }, hashKey: "key-0123456789");

        result.Problems.Should().ContainSingle(because: name).Which.Message.Should().Contain("(****)").And.NotContain(Secret);
    }

    public static TheoryData<string, JsonNode?> Misspellings() => new()
    {
        { "yes", "yes" },
        { "number", 1 },
        { "null", null },
        { "list", new JsonArray(true) },
    };

    /// <summary>
    /// A NoEcho CloudFormation would not read as a boolean is refused by name; meanwhile the value is
    /// taken for a secret, so the other messages of the same failure mask it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Misspellings))]
    public void A_NoEcho_that_is_not_a_boolean_is_refused_and_its_value_masked(string name, JsonNode? noEcho)
    {
        var template = Template(noEcho);
        template["Resources"]!["Fn"]!["Properties"]!["CodeUri"] = new JsonObject { ["Ref"] = "Token" };

        var result = Transform.Run(template, new JsonObject { ["Token"] = "src/" + Secret }, hashKey: "key-0123456789");

        result.Problems.Select(p => p.Path).Should().Equal(["Parameters.Token.NoEcho", "Resources.Fn.Properties.CodeUri"], name);
        result.Problems[1].Message.Should().Contain("(****)").And.NotContain(Secret);
    }

    public static TheoryData<string, JsonNode> FalseSpellings() => new()
    {
        { "boolean", false },
        { "lower case", "false" },
        { "capitalised", "False" },
    };

    [Theory]
    [MemberData(nameof(FalseSpellings))]
    public void NoEcho_false_in_any_spelling_is_not_a_secret(string name, JsonNode noEcho)
    {
        var result = Transform.Run(Template(noEcho), new JsonObject { ["Token"] = Secret });

        result.Problems.Should().BeEmpty(name);
    }

    public static TheoryData<string, JsonNode?, bool> RedactorReadings() => new()
    {
        { "boolean true", true, true },
        { "capitalised", "True", true },
        { "misspelt yes", "yes", true },
        { "number", 1, true },
        { "null", null, true },
        { "boolean false", false, false },
        { "capitalised false", "False", false },
    };

    /// <summary>
    /// The Lambda's and the CLI's last-line redactors read NoEcho as the core does (any NoEcho but
    /// false is a secret), so a value the core takes for a secret is masked by them too.
    /// </summary>
    [Theory]
    [MemberData(nameof(RedactorReadings))]
    public void The_redactors_take_the_values_the_core_does_for_secrets(string name, JsonNode? noEcho, bool secret)
    {
        var template = Template(noEcho);
        var values = new JsonObject { ["Token"] = Secret };

        SecretRedactor.FromRequest(template, values).Redact($"saw {Secret}").Should().Be(secret ? "saw ****" : $"saw {Secret}", name);
        TemplateParameters.Secrets(template, values).Should().Equal(secret ? [Secret] : [], name);
    }

    private static JsonObject Template(JsonNode? noEcho)
    {
        var template = Transform.Parse("""
            {
              "Parameters": { "Token": { "Type": "String" } },
              "Resources": {
                "Fn": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": { "CodeUri": "s3://bucket/app.zip", "Handler": "a.h", "Runtime": "python3.12", "Environment": { "Variables": { "TOKEN": { "Ref": "Token" } } } }
                }
              }
            }
            """);
        template["Parameters"]!["Token"]!["NoEcho"] = noEcho?.DeepClone();
        return template;
    }
}
