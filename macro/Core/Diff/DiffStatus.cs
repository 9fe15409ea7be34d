namespace MacroVersioning.Core.Diff;

/// <summary>What a deployment of the new template does to one function's versions.</summary>
public enum DiffStatus
{
    /// <summary>The version id changes: CloudFormation publishes a new version.</summary>
    NewVersion,

    /// <summary>Same id: no version is published.</summary>
    Unchanged,

    /// <summary>The function is new in the new template (or newly versioned).</summary>
    Added,

    /// <summary>The function (or its version) is gone from the new template.</summary>
    Removed,

    /// <summary>The macro does not version it in the new template (opted out, AutoPublishAlias).</summary>
    Skipped,
}
