using System.Text;
using System.Text.Json.Nodes;

namespace MacroVersioning.Core.Hashing;

/// <summary>
/// Owns the version id contract, like SAM's logical_id_generator: the id changes if and only if the
/// hashed material changes. The length is a constant kept for backward compatibility: changing it,
/// or the canonical form, would give every function a new id that Lambda does not see as a change.
/// </summary>
internal static class VersionHash
{
    /// <summary>Hex characters kept from the SHA-256 (SAM keeps 10 too: 40 bits per function).</summary>
    public const int Length = 10;

    public static string Compute(JsonNode material)
    {
        var digest = ManagedSha256.HashData(CanonicalJson.SerializeUtf8(material).WrittenSpan);
        return Convert.ToHexStringLower(digest)[..Length];
    }

    /// <summary>
    /// A NoEcho value's stand-in in the hashed material: keyed, so a version id cannot be used to
    /// test guesses of a low-entropy secret without the deployer's key.
    /// </summary>
    public static string Keyed(byte[] key, string secret) =>
        "noecho:" + Convert.ToHexStringLower(ManagedSha256.HmacData(key, Encoding.UTF8.GetBytes(secret)));
}
