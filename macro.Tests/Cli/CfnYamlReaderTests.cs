using System.Text.Json.Nodes;
using MacroVersioning.Cli;

namespace MacroVersioning.Tests.Cli;

public sealed class CfnYamlReaderTests
{
    public static readonly TheoryData<string, string, string> ShortForms = new()
    {
        { "Ref", "v: !Ref Bucket", """{"v":{"Ref":"Bucket"}}""" },
        { "Ref keeps number-like text a string", "v: !Ref 123", """{"v":{"Ref":"123"}}""" },
        { "Ref pseudo parameter", "v: !Ref AWS::Region", """{"v":{"Ref":"AWS::Region"}}""" },
        { "Condition", "v: !Condition IsProd", """{"v":{"Condition":"IsProd"}}""" },
        { "GetAtt dotted", "v: !GetAtt Func.Arn", """{"v":{"Fn::GetAtt":["Func","Arn"]}}""" },
        { "GetAtt splits at the first dot", "v: !GetAtt Db.Endpoint.Address", """{"v":{"Fn::GetAtt":["Db","Endpoint.Address"]}}""" },
        { "GetAtt flow list", "v: !GetAtt [Func, Arn]", """{"v":{"Fn::GetAtt":["Func","Arn"]}}""" },
        { "GetAtt block list", "v: !GetAtt\n  - Func\n  - Arn", """{"v":{"Fn::GetAtt":["Func","Arn"]}}""" },
        { "GetAtt with nested Ref", "v: !GetAtt [Func, !Ref Attr]", """{"v":{"Fn::GetAtt":["Func",{"Ref":"Attr"}]}}""" },
        { "Sub string", "v: !Sub '${AWS::StackName}-x'", """{"v":{"Fn::Sub":"${AWS::StackName}-x"}}""" },
        { "Sub plain", "v: !Sub arn:${AWS::Partition}:s3:::b", """{"v":{"Fn::Sub":"arn:${AWS::Partition}:s3:::b"}}""" },
        { "Sub list", "v: !Sub ['${A}-${B}', {A: !Ref P, B: x}]", """{"v":{"Fn::Sub":["${A}-${B}",{"A":{"Ref":"P"},"B":"x"}]}}""" },
        { "Sub literal block", "v: !Sub |\n  a ${X}\n  b\n", """{"v":{"Fn::Sub":"a ${X}\nb\n"}}""" },
        { "Join", "v: !Join [',', [a, b]]", """{"v":{"Fn::Join":[",",["a","b"]]}}""" },
        { "If", "v: !If [IsProd, 1, !Ref AWS::NoValue]", """{"v":{"Fn::If":["IsProd",1,{"Ref":"AWS::NoValue"}]}}""" },
        { "Select", "v: !Select [0, !GetAZs '']", """{"v":{"Fn::Select":[0,{"Fn::GetAZs":""}]}}""" },
        { "FindInMap", "v: !FindInMap [Map, !Ref AWS::Region, Ami]", """{"v":{"Fn::FindInMap":["Map",{"Ref":"AWS::Region"},"Ami"]}}""" },
        { "ImportValue", "v: !ImportValue SharedVpc", """{"v":{"Fn::ImportValue":"SharedVpc"}}""" },
        { "ImportValue of long-form Sub", "v: !ImportValue\n  Fn::Sub: '${Net}-Vpc'", """{"v":{"Fn::ImportValue":{"Fn::Sub":"${Net}-Vpc"}}}""" },
        { "Base64", "v: !Base64 hello", """{"v":{"Fn::Base64":"hello"}}""" },
        { "Cidr", "v: !Cidr [10.0.0.0/16, 6, 5]", """{"v":{"Fn::Cidr":["10.0.0.0/16",6,5]}}""" },
        { "GetAZs empty", "v: !GetAZs ''", """{"v":{"Fn::GetAZs":""}}""" },
        { "GetAZs without argument", "v: !GetAZs\nw: 1", """{"v":{"Fn::GetAZs":""},"w":1}""" },
        { "GetAZs region", "v: !GetAZs us-east-1", """{"v":{"Fn::GetAZs":"us-east-1"}}""" },
        { "Split", "v: !Split [',', 'a,b']", """{"v":{"Fn::Split":[",","a,b"]}}""" },
        { "Equals", "v: !Equals [!Ref Env, prod]", """{"v":{"Fn::Equals":[{"Ref":"Env"},"prod"]}}""" },
        { "And", "v: !And [!Condition A, !Condition B]", """{"v":{"Fn::And":[{"Condition":"A"},{"Condition":"B"}]}}""" },
        { "Or", "v: !Or [!Condition A, !Equals [a, b]]", """{"v":{"Fn::Or":[{"Condition":"A"},{"Fn::Equals":["a","b"]}]}}""" },
        { "Not", "v: !Not [!Condition A]", """{"v":{"Fn::Not":[{"Condition":"A"}]}}""" },
        {
            "Transform mapping", "v: !Transform\n  Name: AWS::Include\n  Parameters:\n    Location: s3://b/k",
            """{"v":{"Fn::Transform":{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}}}"""
        },
        {
            "nested three deep", "v: !Join ['', [!Ref A, !GetAtt B.Arn, !Sub '${C}', !Select [1, !Split ['-', !ImportValue D]]]]",
            """{"v":{"Fn::Join":["",[{"Ref":"A"},{"Fn::GetAtt":["B","Arn"]},{"Fn::Sub":"${C}"},{"Fn::Select":[1,{"Fn::Split":["-",{"Fn::ImportValue":"D"}]}]}]]}}"""
        },
        {
            "block If with nested tags", "v: !If\n  - IsProd\n  - !Sub '${A}'\n  - !Ref AWS::NoValue",
            """{"v":{"Fn::If":["IsProd",{"Fn::Sub":"${A}"},{"Ref":"AWS::NoValue"}]}}"""
        },
        { "long form stays long form", "v:\n  Fn::GetAtt: [A, B]", """{"v":{"Fn::GetAtt":["A","B"]}}""" },
        { "rule function", "v: !Contains [[a, b], !Ref P]", """{"v":{"Fn::Contains":[["a","b"],{"Ref":"P"}]}}""" },
    };

    public static readonly TheoryData<string, string, string> Scalars = new()
    {
        { "integer", "v: 128", """{"v":128}""" },
        { "negative integer", "v: -5", """{"v":-5}""" },
        { "negative zero keeps its text", "v: -0", """{"v":-0}""" },
        { "big integer keeps its text", "v: 123456789012345678901234567890", """{"v":123456789012345678901234567890}""" },
        { "float keeps its text", "v: 1.50", """{"v":1.50}""" },
        { "float with signed exponent", "v: 1.5e+3", """{"v":1.5e+3}""" },
        { "exponent without dot is a string (YAML 1.1)", "v: 1e3", """{"v":"1e3"}""" },
        { "leading zero is octal (YAML 1.1)", "v: 0755", """{"v":493}""" },
        { "leading zero with 8 or 9 is a string", "v: 012345678912", """{"v":"012345678912"}""" },
        { "hex", "v: 0x1F", """{"v":31}""" },
        { "binary", "v: 0b101", """{"v":5}""" },
        { "underscores", "v: 1_000", """{"v":1000}""" },
        { "plus sign", "v: +7", """{"v":7}""" },
        { "sexagesimal", "v: 190:20:30", """{"v":685230}""" },
        { "float without leading digit", "v: .5", """{"v":0.5}""" },
        { "float without trailing digit", "v: 1.", """{"v":1.0}""" },
        { "infinity stays text (no JSON number)", "v: .inf", """{"v":".inf"}""" },
        { "true", "v: true", """{"v":true}""" },
        { "False", "v: False", """{"v":false}""" },
        { "yes is true (YAML 1.1)", "v: yes", """{"v":true}""" },
        { "Off is false (YAML 1.1)", "v: Off", """{"v":false}""" },
        { "y stays a string (as PyYAML)", "v: y", """{"v":"y"}""" },
        { "null word", "v: null", """{"v":null}""" },
        { "tilde", "v: ~", """{"v":null}""" },
        { "empty value", "v:\nw: 1", """{"v":null,"w":1}""" },
        { "date stays a string", "v: 2010-09-09", """{"v":"2010-09-09"}""" },
        { "timestamp stays a string", "v: 2001-12-14t21:59:43.10-05:00", """{"v":"2001-12-14t21:59:43.10-05:00"}""" },
        { "version-like text", "v: 3.10.1", """{"v":"3.10.1"}""" },
        { "single-quoted number is a string", "v: '128'", """{"v":"128"}""" },
        { "double-quoted bool is a string", "v: \"true\"", """{"v":"true"}""" },
        { "quoted empty is a string", "v: ''", """{"v":""}""" },
        { "single-quote escape", "v: 'it''s'", """{"v":"it's"}""" },
        { "double-quote escapes", "v: \"a\\tb\\u00e9\"", """{"v":"a\tbé"}""" },
        { "!!str tag", "v: !!str 12", """{"v":"12"}""" },
        { "non-specific tag", "v: ! 12", """{"v":"12"}""" },
        { "!!int tag on quoted", "v: !!int \"12\"", """{"v":12}""" },
        { "!!float tag keeps JSON text", "v: !!float 1e3", """{"v":1e3}""" },
        { "!!bool tag", "v: !!bool 'yes'", """{"v":true}""" },
        { "literal block", "v: |\n  a\n   b\n", """{"v":"a\n b\n"}""" },
        { "literal block strip", "v: |-\n  a\n  b\n", """{"v":"a\nb"}""" },
        { "folded block", "v: >\n  a\n  b\n", """{"v":"a b\n"}""" },
        { "unicode", "v: déjà 日本", """{"v":"déjà 日本"}""" },
        { "colon inside a plain scalar", "v: arn:aws:s3:::b", """{"v":"arn:aws:s3:::b"}""" },
        { "comment dropped", "v: a # comment", """{"v":"a"}""" },
        { "number-like key stays text", "1: a\ntrue: b", """{"1":"a","true":"b"}""" },
        { "key order kept", "z: 1\na: 2\nm: 3", """{"z":1,"a":2,"m":3}""" },
        { "nested key order kept", "R:\n  Type: T\n  Properties:\n    Zeta: 1\n    Alpha: 2", """{"R":{"Type":"T","Properties":{"Zeta":1,"Alpha":2}}}""" },
        { "anchor without alias is ignored", "v: &a 1", """{"v":1}""" },
        { "flow mapping document", "{a: 1, b: [x, 'y']}", """{"a":1,"b":["x","y"]}""" },
        { "document markers", "---\nv: 1\n...\n", """{"v":1}""" },
        { "byte order mark", "\uFEFFv: 1", """{"v":1}""" },
    };

    public static readonly TheoryData<string, string, int, int, string> Errors = new()
    {
        { "bad indentation", "a:\n  b: 1\n c: 2", 3, 2, "" },
        { "unclosed flow sequence", "a: [1, 2\nb: 3", 1, 6, "unclosed" },
        { "unknown tag", "a: 1\nb: !Foo x", 2, 4, "unknown tag !Foo" },
        { "alias", "a: &x 1\nb: *x", 2, 4, "aliases" },
        { "merge key", "a: {x: 1}\nb:\n  <<: {y: 2}", 3, 3, "merge keys" },
        { "duplicate key", "Resources: {}\nOutputs: {}\nResources: {}", 3, 1, "duplicate key Resources (first at line 1)" },
        { "nested duplicate key", "R:\n  A: 1\n  A: 2", 3, 3, "duplicate key A" },
        { "list at top level", "- a\n- b", 1, 1, "must be a mapping" },
        { "scalar at top level", "hello", 1, 1, "must be a mapping" },
        { "empty template", "", 1, 1, "empty" },
        { "comment only", "# nothing\n", 2, 1, "empty" },
        { "two documents", "a: 1\n---\nb: 2", 2, 1, "one YAML document" },
        { "binary tag", "a: !!binary aGk=", 1, 4, "does not support the tag tag:yaml.org,2002:binary" },
        { "int tag on text", "a: !!int abc", 1, 4, "abc is not a valid int" },
        { "set tag", "a: !!set {x: null}", 1, 4, "does not support the tag" },
        { "complex key", "? [a, b]\n: 1", 1, 3, "mapping key must be a string" },
        { "missing key", ": 1", 1, 1, "key is missing" },
        { "nested too deep", "v: " + new string('[', 300) + new string(']', 300), 1, 260, "nests deeper than 256 levels" },
    };

    [Theory]
    [MemberData(nameof(ShortForms))]
    [MemberData(nameof(Scalars))]
    public void Reads_yaml_as_CloudFormation_json(string name, string yaml, string expectedJson)
    {
        var actual = CfnYamlReader.Read(yaml);

        actual.ToJsonString().Should().Be(JsonNode.Parse(expectedJson)!.ToJsonString(), name);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Rejects_bad_yaml_with_line_and_column(string name, string yaml, int line, int column, string reason)
    {
        var read = () => CfnYamlReader.Read(yaml);

        var error = read.Should().Throw<TemplateFormatException>(name).Which;
        (error.Line, error.Column).Should().Be((line, column), name);
        error.Reason.Should().Contain(reason.Length > 0 ? reason : error.Reason, name);
        error.Message.Should().StartWith($"line {line}, column {column}: ");
    }

    [Fact]
    public void Every_documented_short_form_is_supported()
    {
        var tags = new[]
        {
            "Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Select", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs",
            "Split", "Equals", "And", "Or", "Not", "Transform",
        };

        var yaml = string.Join('\n', tags.Select(t => $"{t}: !{t} [x]"));
        var actual = CfnYamlReader.Read(yaml);

        actual.Select(p => p.Value!.AsObject().Single().Key)
            .Should().Equal(tags.Select(t => t is "Ref" or "Condition" ? t : $"Fn::{t}"));
    }
}
