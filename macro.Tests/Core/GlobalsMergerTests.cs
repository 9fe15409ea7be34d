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
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Merges_like_SAM(string name, string globals, string local, string? ignore, string expected)
    {
        var merged = GlobalsMerger.Merge(Transform.Parse(globals), Transform.Parse(local), ignore is null ? null : JsonText.Parse(ignore));

        JsonText.ToCompact(merged).Should().Be(expected, because: name);
    }
}
