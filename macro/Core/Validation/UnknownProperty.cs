using MacroVersioning.Core.Functions;

namespace MacroVersioning.Core.Validation;

/// <summary>
/// The message for a function property the classification table does not know. A near miss of a known
/// property is a typo, so the message says what it probably meant and nothing else: advice to classify
/// it with HashedProperties/IgnoredProperties would turn the typo into configuration.
/// </summary>
internal static class UnknownProperty
{
    public static string Message(string type, string name)
    {
        if (NearMiss.Find(name, PropertyClassifier.KnownProperties(type)) is { } meant)
        {
            return $"did you mean {meant}? {type} has no property {name}";
        }

        return $"{type} property {name} is not known to this release of VersioningMacro, so it cannot tell whether Lambda "
            + $"versions it; classify it with HashedProperties: [{name}] (Lambda snapshots it into a version) or IgnoredProperties: [{name}] "
            + "in the VersioningMacro Transform Parameters or the function's Metadata.VersioningMacro";
    }
}
