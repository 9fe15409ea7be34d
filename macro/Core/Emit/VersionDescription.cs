using MacroVersioning.Core.Planning;

namespace MacroVersioning.Core.Emit;

/// <summary>
/// Says what was hashed. Built only from hashed inputs, so an unchanged id always means an unchanged
/// Description: the wording is part of the id contract, like the hash itself.
/// </summary>
internal static class VersionDescription
{
    public static string For(FunctionPlan plan, string codeIdentity, string hash)
    {
        var text = $"VersioningMacro {hash}: {WhatWasHashed(plan, codeIdentity)}";
        return text.Length <= DescriptionStamp.MaxLength ? text : text[..(DescriptionStamp.MaxLength - 3)] + "...";
    }

    /// <param name="codeIdentity">The code's identity exactly as hashed (not where the code came from).</param>
    public static string WhatWasHashed(FunctionPlan plan, string codeIdentity)
    {
        var parts = new List<string> { CodeKind.Of(codeIdentity) };
        if (plan.Config.Count > 0)
        {
            var names = new string[plan.Config.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = plan.Config.GetAt(i).Key;
            }

            Array.Sort(names, StringComparer.Ordinal);
            parts.Add(string.Join(", ", names));
        }

        if (plan.Layers.Count > 0)
        {
            parts.Add("layers " + string.Join(", ", plan.Layers.Select(l => l.LayerId)));
        }

        if (plan.References.Material.Count > 0)
        {
            parts.Add("referenced: " + string.Join(", ", plan.References.Describe()));
        }

        return string.Join("; ", parts);
    }
}
