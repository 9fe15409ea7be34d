using MacroVersioning.Code;

namespace MacroVersioning.Core.CodeIdentity;

/// <summary>
/// How one function's (or layer's) code is identified: either known without I/O
/// (<see cref="Identity"/>: inline text, image URI, S3 location) or through a <see cref="CodeObject"/>
/// the code-identity source digests.
/// </summary>
/// <param name="Kind">Words for the version Description and the summary ("S3 object content").</param>
/// <param name="Path">Template path of the code property, for messages.</param>
internal sealed record CodeSpec(string Kind, string Path, string? Identity, CodeObject? Object)
{
    public static CodeSpec Known(string kind, string path, string identity) => new(kind, path, identity, null);

    public static CodeSpec Read(string kind, string path, CodeObject codeObject) => new(kind, path, null, codeObject);
}
