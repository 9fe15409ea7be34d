using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Settings;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Tests.Core;

/// <summary>"Did you mean": typos of known names are caught, genuinely new names are not.</summary>
public sealed class NearMissTests
{
    public static readonly TheoryData<string, string?> ServerlessProperties = new()
    {
        { "MemmorySize", "MemorySize" },
        { "Timout", "Timeout" },
        { "Enviroment", "Environment" },
        { "memorysize", "MemorySize" },
        { "Hnadler", "Handler" },
        { "CodeUrl", "CodeUri" },
        { "NewShinyThing", null },
        { "Colour", null },
        { "Memory", null },
    };

    [Theory]
    [MemberData(nameof(ServerlessProperties))]
    public void Finds_the_property_a_typo_meant(string typed, string? meant) =>
        NearMiss.Find(typed, PropertyClassifier.KnownProperties(PropertyClassifier.Serverless)).Should().Be(meant);

    [Theory]
    [InlineData("StampDesciption", "StampDescription")]
    [InlineData("Enable", "Enabled")]
    [InlineData("IgnoredPropeties", "IgnoredProperties")]
    [InlineData("Colour", null)]
    public void Finds_the_setting_a_typo_meant(string typed, string? meant) =>
        NearMiss.Find(typed, SettingsReader.Keys).Should().Be(meant);

    [Fact]
    public void Two_equally_near_names_suggest_neither() =>
        NearMiss.Find("Tab", ["Tax", "Tap"]).Should().BeNull();

    [Fact]
    public void A_typo_gets_did_you_mean_and_no_advice_to_classify_it()
    {
        var message = UnknownProperty.Message(PropertyClassifier.Serverless, "MemmorySize");

        message.Should().StartWith("did you mean MemorySize?").And.NotContain("HashedProperties");
    }

    [Fact]
    public void A_new_property_gets_the_advice_to_classify_it() =>
        UnknownProperty.Message(PropertyClassifier.Lambda, "NewShinyThing").Should()
            .Contain("is not known to this release").And.Contain("HashedProperties: [NewShinyThing]").And.NotContain("did you mean");
}
