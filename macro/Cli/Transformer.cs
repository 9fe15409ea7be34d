using MacroVersioning.Code;
using MacroVersioning.Core;

namespace MacroVersioning.Cli;

/// <summary>The core transform's shape (<see cref="MacroTransformer.TransformAsync"/>); a seam for the CLI's tests.</summary>
internal delegate Task<TransformResult> Transformer(
    MacroRequest request, TransformOptions options, ICodeIdentitySource codeSource, CancellationToken cancellationToken);
