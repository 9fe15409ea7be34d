namespace MacroVersioning.Core.Settings;

/// <summary>
/// Settings from the Transform entry's <c>Parameters</c> (macro-wide) and a function's
/// <c>Metadata.VersioningMacro</c> (per function). Key names are documented in the README.
/// </summary>
internal sealed record MacroSettings
{
    public bool Enabled { get; init; } = true;

    public CodeIdentityMode CodeIdentity { get; init; } = CodeIdentityMode.Content;

    public bool Outputs { get; init; } = true;

    /// <summary>
    /// Also write the version ARN to an <c>AWS::SSM::Parameter</c> that other stacks read with a dynamic
    /// reference: unlike an export, it never blocks the next version (see <see cref="Emit.VersionParameter"/>).
    /// </summary>
    public bool VersionParameter { get; init; }

    public bool StampDescription { get; init; } = true;

    /// <summary>
    /// <c>hash</c>: a function with AutoPublishAlias gets our hash as its AutoPublishCodeSha256, so SAM's version
    /// follows it. <c>leave</c>: the function is left to SAM as before (its deployed version ids stay put).
    /// </summary>
    public string AutoPublishAlias { get; init; } = AutoPublishAliasHash;

    public const string AutoPublishAliasHash = "hash";

    public const string AutoPublishAliasLeave = "leave";

    /// <summary>RetainExceptOnCreate: a version from a rolled-back create is removed instead of orphaned.</summary>
    public string DeletionPolicy { get; init; } = "RetainExceptOnCreate";

    public string UpdateReplacePolicy { get; init; } = "Retain";

    /// <summary>
    /// How many of the macro's newest versions a <c>Custom::VersioningMacroPrune</c> keeps; null keeps every version
    /// (no prune resource). See <see cref="Emit.PruneResource"/>.
    /// </summary>
    public int? KeepVersions { get; init; }

    /// <summary>Properties the user declares version-locked (hashed), e.g. a property newer than this release.</summary>
    public IReadOnlySet<string> HashedProperties { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Properties the user declares not version-locked (never hashed).</summary>
    public IReadOnlySet<string> IgnoredProperties { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
