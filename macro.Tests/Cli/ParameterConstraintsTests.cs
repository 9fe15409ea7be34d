using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

/// <summary>Parameter values against their declaration's constraints, as CloudFormation checks them.</summary>
public sealed class ParameterConstraintsTests
{
    public static readonly TheoryData<string, string, string, string?> Rows = new()
    {
        { "allowed value", """{"Type": "String", "AllowedValues": ["dev", "prod"]}""", "prod", null },
        {
            "not an allowed value", """{"Type": "String", "AllowedValues": ["dev", "prod"]}""", "qa",
            "--param P \"qa\" is not one of the AllowedValues: dev, prod"
        },
        { "allowed values compare as text", """{"Type": "Number", "AllowedValues": [128, 256]}""", "256", null },
        { "pattern matches the whole value", """{"Type": "String", "AllowedPattern": "[a-z]+"}""", "abc", null },
        {
            "pattern matching a part only", """{"Type": "String", "AllowedPattern": "[a-z]+"}""", "abc1",
            "--param P \"abc1\" does not match the AllowedPattern [a-z]+ (the whole value must match)"
        },
        {
            "a trailing newline is not the whole value", """{"Type": "String", "AllowedPattern": "[a-z]+"}""", "abc\n",
            "--param P \"abc\n\" does not match the AllowedPattern [a-z]+ (the whole value must match)"
        },
        {
            "alternation is anchored as a whole", """{"Type": "String", "AllowedPattern": "a|b"}""", "ab",
            "--param P \"ab\" does not match the AllowedPattern a|b (the whole value must match)"
        },
        {
            "constraint description shown", """{"Type": "String", "AllowedPattern": "[a-z]+", "ConstraintDescription": "lower-case letters only"}""", "A",
            "--param P \"A\" does not match the AllowedPattern [a-z]+ (the whole value must match) (lower-case letters only)"
        },
        { "length within", """{"Type": "String", "MinLength": 2, "MaxLength": "3"}""", "abc", null },
        { "too short", """{"Type": "String", "MinLength": 2}""", "a", "--param P \"a\" is shorter than MinLength 2" },
        { "too long", """{"Type": "String", "MaxLength": 3}""", "abcd", "--param P \"abcd\" is longer than MaxLength 3" },
        { "number within", """{"Type": "Number", "MinValue": 1, "MaxValue": 10}""", "2.5", null },
        { "not a number", """{"Type": "Number"}""", "ten", "--param P \"ten\" is not a number" },
        { "NaN is not a number", """{"Type": "Number"}""", "NaN", "--param P \"NaN\" is not a number" },
        { "below MinValue", """{"Type": "Number", "MinValue": 1}""", "0", "--param P \"0\" is less than MinValue 1" },
        { "above MaxValue", """{"Type": "Number", "MaxValue": 10}""", "10.5", "--param P \"10.5\" is greater than MaxValue 10" },
        { "length does not bound a number", """{"Type": "Number", "MaxLength": 1}""", "100", null },
        { "list items each allowed", """{"Type": "CommaDelimitedList", "AllowedValues": ["a", "b"]}""", "a,b,a", null },
        {
            "list item not allowed", """{"Type": "CommaDelimitedList", "AllowedValues": ["a", "b"]}""", "a,c",
            "--param P item \"c\" is not one of the AllowedValues: a, b"
        },
        {
            "list item checked against the pattern", """{"Type": "CommaDelimitedList", "AllowedPattern": "[a-z]+"}""", "ab,Cd",
            "--param P item \"Cd\" does not match the AllowedPattern [a-z]+ (the whole value must match)"
        },
        { "number list items within", """{"Type": "List<Number>", "MaxValue": 5}""", "1, 2,5", null },
        { "number list item not a number", """{"Type": "List<Number>"}""", "1,x", "--param P item \"x\" is not a number" },
        { "number list item above MaxValue", """{"Type": "List<Number>", "MaxValue": 5}""", "1,6", "--param P item \"6\" is greater than MaxValue 5" },
        { "Systems Manager types hold a key", """{"Type": "AWS::SSM::Parameter::Value<String>", "AllowedPattern": "[0-9]+"}""", "/app/key", null },
        {
            "NoEcho value never shown", """{"Type": "String", "NoEcho": true, "MinLength": 12, "ConstraintDescription": "at least 12 characters"}""", "hunter2",
            "--param P (NoEcho value not shown) is shorter than MinLength 12 (at least 12 characters)"
        },
        {
            "NoEcho list item never shown", """{"Type": "CommaDelimitedList", "NoEcho": "true", "AllowedPattern": "[a-z]+"}""", "ok,Secret",
            "--param P (NoEcho value not shown) does not match the AllowedPattern [a-z]+ (the whole value must match)"
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Checks_a_value_as_cloudformation_does(string name, string declaration, string value, string? expected)
    {
        var message = ParameterConstraints.Check("P", JsonNode.Parse(declaration)!.AsObject(), value, fromDefault: false);

        message.Should().Be(expected, name);
    }

    [Fact]
    public void Names_an_invalid_pattern()
    {
        var message = ParameterConstraints.Check("P", JsonNode.Parse("""{"Type": "String", "AllowedPattern": "[a-z"}""")!.AsObject(), "a", fromDefault: false);

        message.Should().StartWith("--param P \"a\" cannot be checked: the AllowedPattern [a-z is not a valid regular expression (");
    }

    [Fact]
    public void Names_a_default_as_the_default()
    {
        var message = ParameterConstraints.Check("Stage", JsonNode.Parse("""{"Type": "String", "AllowedValues": ["dev"]}""")!.AsObject(), "qa", fromDefault: true);

        message.Should().Be("parameter Stage's Default \"qa\" is not one of the AllowedValues: dev");
    }
}
