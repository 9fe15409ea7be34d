using MacroVersioning.Code;

namespace MacroVersioning.Core.CodeIdentity;

/// <summary>
/// How one function's (or layer's) code is identified: either known without I/O
/// (<see cref="Identity"/>: inline text, image URI, S3 location) or through a <see cref="CodeObject"/>
/// the code-identity source digests.
/// </summary>
/// <remarks>
/// No words for the Description here: they are derived from the identity itself (see
/// <c>CodeKind</c>), since where the code came from is not hashed and so must not show.
/// </remarks>
/// <param name="Path">Template path of the code property, for messages.</param>
internal sealed record CodeSpec(string Path, string? Identity, CodeObject? Object)
{
    public static CodeSpec Known(string path, string identity) => new(path, identity, null);

    public static CodeSpec Read(string path, CodeObject codeObject) => new(path, null, codeObject);
}
