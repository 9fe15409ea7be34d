using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;

namespace MacroVersioning.Tests.Core;

/// <summary>SAM's Globals rules (samtranslator/plugins/globals/globals.py), row by row.</summary>
public sealed class GlobalsMergerTests
{
    public static TheoryData<string, string, string, string?, string> Rows() => new()
    {
        { "scalar: the function wins", """{"MemorySize":128}""", """{"MemorySize":512}""", null, """{"MemorySize":512}""" },
        { "scalar from globals only", """{"Runtime":"python3.12"}""", """{}""", null, """{"Runtime":"python3.12"}""" },
        { "maps merge recursively", """{"Environment":{"Variables":{"A":"1","B":"2"}}}""", """{"Environment":{"Variables":{"B":"3","C":"4"}}}""", null, """{"Environment":{"Variables":{"A":"1","B":"3","C":"4"}}}""" },
        { "lists: global items then local", """{"Layers":["g"]}""", """{"Layers":["l"]}""", null, """{"Layers":["g","l"]}""" },
        { "intrinsic is a scalar", """{"Environment":{"Ref":"Env"}}""", """{"Environment":{"Variables":{"A":"1"}}}""", null, """{"Environment":{"Variables":{"A":"1"}}}""" },
        { "kinds differ: the function wins", """{"Layers":["g"]}""", """{"Layers":{"Ref":"L"}}""", null, """{"Layers":{"Ref":"L"}}""" },
        { "IgnoreGlobals *", """{"Runtime":"python3.12"}""", """{}""", "\"*\"", """{}""" },
        { "IgnoreGlobals list", """{"Runtime":"python3.12","Timeout":3}""", """{}""", """["Runtime"]""", """{"Timeout":3}""" },
        { "lists inside maps: global items then local", """{"VpcConfig":{"SubnetIds":["a"],"SecurityGroupIds":["g"]}}""", """{"VpcConfig":{"SubnetIds":["b","c"]}}""", null, """{"VpcConfig":{"SubnetIds":["a","b","c"],"SecurityGroupIds":["g"]}}""" },
        { "keys keep the globals' order, new ones after", """{"A":1,"B":{"X":1},"C":3}""", """{"D":4,"B":{"Y":2},"A":9}""", null, """{"A":9,"B":{"X":1,"Y":2},"C":3,"D":4}""" },
        { "globals that are an intrinsic: the function's map", """{"Fn::If":["C",{"Runtime":"a"},{}]}""", """{"Runtime":"b"}""", null, """{"Runtime":"b"}""" },
        { "properties that are an intrinsic: kept as written", """{"Runtime":"a"}""", """{"Fn::If":["C",{"Runtime":"b"},{}]}""", null, """{"Fn::If":["C",{"Runtime":"b"},{}]}""" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Merges_like_SAM(string name, string globals, string local, string? ignore, string expected)
    {
        var merged = GlobalsMerger.Merge(Transform.Parse(globals), Transform.Parse(local), ignore is null ? null : JsonText.Parse(ignore));

        JsonText.ToCompact(merged).Should().Be(expected, because: name);
    }

    [Fact]
    public void Leaves_globals_and_function_unchanged_for_the_next_function()
    {
        var globals = Transform.Parse("""{"Layers":["g"],"Environment":{"Variables":{"A":"1"}}}""");
        var local = Transform.Parse("""{"Layers":["l"],"Environment":{"Variables":{"B":"2"}}}""");

        GlobalsMerger.Merge(globals, local, null);
        var second = GlobalsMerger.Merge(globals, local, null);

        JsonText.ToCompact(second).Should().Be("""{"Layers":["g","l"],"Environment":{"Variables":{"A":"1","B":"2"}}}""");
        JsonText.ToCompact(globals).Should().Be("""{"Layers":["g"],"Environment":{"Variables":{"A":"1"}}}""");
        JsonText.ToCompact(local).Should().Be("""{"Layers":["l"],"Environment":{"Variables":{"B":"2"}}}""");
    }
}
