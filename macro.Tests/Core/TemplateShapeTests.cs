using MacroVersioning.Core;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Tests.Core;

/// <summary>What the macro cannot read is named, never skipped as if all were well.</summary>
public sealed class TemplateShapeTests
{
    private const string Fn = """{"Type":"AWS::Serverless::Function","Properties":{"CodeUri":"s3://b/k.zip"}}""";

    public static TheoryData<string, string, string[]> Rows() => new()
    {
        { "Well-formed", $$$"""{"Parameters":{"P":{"Type":"String"}},"Conditions":{},"Mappings":{},"Globals":{},"Resources":{"Fn":{{{Fn}}}}}""", [] },
        { "Sections that are not maps", $$$"""{"Parameters":"P","Conditions":[],"Mappings":1,"Globals":true,"Resources":{"Fn":{{{Fn}}}}}""",
            ["Parameters: must be a map of parameter names to declarations, not a string", "Conditions: must be a map of condition names to conditions, not a list",
             "Mappings: must be a map of mapping names to mappings, not a number", "Globals: must be a map of SAM globals, such as Function, not a boolean"] },
        { "Parameter declaration not a map", $$$"""{"Parameters":{"P":"String"},"Resources":{"Fn":{{{Fn}}}}}""", ["Parameters.P: must be a map with Type (and NoEcho: true for a secret), not a string"] },
        { "NoEcho as CloudFormation reads it", $$$"""{"Parameters":{"A":{"Type":"String","NoEcho":true},"B":{"Type":"String","NoEcho":"False"},"C":{"Type":"String","NoEcho":"TRUE"},"D":{"Type":"String","NoEcho":false}},"Resources":{"Fn":{{{Fn}}}}}""", [] },
        { "NoEcho neither true nor false", $$$"""{"Parameters":{"A":{"Type":"String","NoEcho":"yes"},"B":{"Type":"String","NoEcho":1},"C":{"Type":"String","NoEcho":null},"D":{"Type":"String","NoEcho":[true]}},"Resources":{"Fn":{{{Fn}}}}}""",
            ["Parameters.A.NoEcho: must be true or false, not \"yes\"; VersioningMacro keeps the value out of version ids and messages only when it can tell it is secret",
             "Parameters.B.NoEcho: must be true or false, not a number; VersioningMacro keeps the value out of version ids and messages only when it can tell it is secret",
             "Parameters.C.NoEcho: must be true or false, not null; VersioningMacro keeps the value out of version ids and messages only when it can tell it is secret",
             "Parameters.D.NoEcho: must be true or false, not a list; VersioningMacro keeps the value out of version ids and messages only when it can tell it is secret"] },
        { "Resource not a map", """{"Resources":{"Fn":null}}""", ["Resources.Fn: must be a map with Type and Properties, not null"] },
        { "Resource without Type", """{"Resources":{"Fn":{"Properties":{}}}}""", ["Resources.Fn: has no Type; every resource needs one, such as AWS::Serverless::Function"] },
        { "Type not a string", """{"Resources":{"Fn":{"Type":{"Ref":"T"}}}}""", ["Resources.Fn.Type: must be a resource type string, such as AWS::Serverless::Function, not a map"] },
        { "Other resource's Properties not a map", """{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":[]}}}""", ["Resources.T.Properties: must be a map of AWS::SNS::Topic properties, not a list"] },
        { "Function and layer Properties are checked where read", """{"Resources":{"F":{"Type":"AWS::Lambda::Function","Properties":"x"},"L":{"Type":"AWS::Lambda::LayerVersion","Properties":"x"}}}""", [] },
        { "Null Properties and Fn::ForEach entries are left alone", """{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":null},"Fn::ForEach::Topics":["N",["A"],{}]}}""", [] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Names_each_place_the_macro_cannot_read(string name, string json, string[] expected)
    {
        var fragment = Transform.Parse(json);
        var problems = new List<Problem>();

        TemplateShape.Check(fragment, fragment["Resources"]!.AsObject(), problems);

        problems.Select(p => p.ToString()).Should().Equal(expected, name);
    }

    public static TheoryData<string, string> ResourcesRows() => new()
    {
        { """{"Type":"AWS::Serverless::Function"}""", "Resources: is missing; VersioningMacro belongs in the template-level Transform of a template with Resources, not in Fn::Transform" },
        { """{"Resources":{}}""", "Resources: is empty; a template needs at least one resource" },
        { """{"Resources":null}""", "Resources: must be a map of logical ids to resources, not null" },
        { """{"Resources":["Fn"]}""", "Resources: must be a map of logical ids to resources, not a list" },
    };

    [Theory]
    [MemberData(nameof(ResourcesRows))]
    public void Resources_missing_empty_or_not_a_map_stops_with_one_problem(string json, string expected)
    {
        var problems = new List<Problem>();

        TemplateShape.Resources(Transform.Parse(json), problems).Should().BeNull();

        problems.Select(p => p.ToString()).Should().Equal(expected);
    }
}
