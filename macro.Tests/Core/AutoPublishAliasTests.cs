using MacroVersioning.Core;
using MacroVersioning.Core.Functions;

namespace MacroVersioning.Tests.Core;

/// <summary>
/// Which AutoPublishAlias values make SAM publish the versions itself (checked against SAM translator
/// 1.110.0: null and "" publish nothing; a Ref or another intrinsic SAM resolves or rejects), and which
/// are wrong.
/// </summary>
public sealed class AutoPublishAliasTests
{
    private const string Path = "Resources.Fn.Properties";

    public static TheoryData<string, string, string, bool, string[]> Rows() => new()
    {
        { "absent", """{}""", """{}""", false, [] },
        { "a name", """{"AutoPublishAlias":"live"}""", """{"AutoPublishAlias":"live"}""", true, [] },
        { "Ref to a parameter", """{"AutoPublishAlias":{"Ref":"Alias"}}""", """{"AutoPublishAlias":{"Ref":"Alias"}}""", true, [] },
        { "Fn::Sub (SAM rejects it itself)", """{"AutoPublishAlias":{"Fn::Sub":"${Stage}"}}""", """{"AutoPublishAlias":{"Fn::Sub":"${Stage}"}}""", true, [] },
        { "null: SAM publishes nothing", """{"AutoPublishAlias":null}""", """{"AutoPublishAlias":null}""", false, [] },
        { "empty: SAM publishes nothing", """{"AutoPublishAlias":""}""", """{"AutoPublishAlias":""}""", false, [] },
        { "from Globals", """{"AutoPublishAlias":"live"}""", """{}""", true, [] },
        { "empty from Globals", """{"AutoPublishAlias":""}""", """{}""", false, [] },
        { "a map", """{"AutoPublishAlias":{"Name":"live"}}""", """{"AutoPublishAlias":{"Name":"live"}}""", false,
            [$"{Path}.AutoPublishAlias: must be a string or a Ref, not a map; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
        { "a map of two keys", """{"AutoPublishAlias":{"Ref":"A","Fn::Sub":"b"}}""", """{"AutoPublishAlias":{"Ref":"A","Fn::Sub":"b"}}""", false,
            [$"{Path}.AutoPublishAlias: must be a string or a Ref, not a map; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
        { "a list", """{"AutoPublishAlias":["live"]}""", """{"AutoPublishAlias":["live"]}""", false,
            [$"{Path}.AutoPublishAlias: must be a string or a Ref, not a list; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
        { "a number", """{"AutoPublishAlias":1}""", """{"AutoPublishAlias":1}""", false,
            [$"{Path}.AutoPublishAlias: must be a string or a Ref, not a number; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
        { "a boolean", """{"AutoPublishAlias":true}""", """{"AutoPublishAlias":true}""", false,
            [$"{Path}.AutoPublishAlias: must be a string or a Ref, not a boolean; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
        { "a number from Globals", """{"AutoPublishAlias":0}""", """{}""", false,
            ["Globals.Function.AutoPublishAlias: must be a string or a Ref, not a number; give the alias name (such as live), or remove it so VersioningMacro versions the function"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Set_only_for_a_name_or_an_intrinsic(string name, string merged, string local, bool expected, string[] problems)
    {
        var found = new List<Problem>();

        var set = AutoPublishAlias.IsSet(Transform.Parse(merged), Transform.Parse(local), Path, found);

        set.Should().Be(expected, name);
        found.Select(p => p.ToString()).Should().Equal(problems, name);
    }

    [Fact]
    public void A_wrong_global_value_is_named_once_for_all_the_functions_that_get_it()
    {
        var found = new List<Problem>();

        foreach (var id in new[] { "A", "B" })
        {
            AutoPublishAlias.IsSet(Transform.Parse("""{"AutoPublishAlias":[]}"""), [], $"Resources.{id}.Properties", found);
        }

        found.Should().ContainSingle().Which.Path.Should().Be("Globals.Function.AutoPublishAlias");
    }
}
