using System.Text.Json;
using System.Text.Json.Nodes;
using MacroVersioning.Code;
using MacroVersioning.Core.Hashing;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.Resolution;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Core.CodeIdentity;

/// <summary>
/// Finds what stands for a function's or layer's code: inline text, an image URI, an S3 object
/// (its bytes, or in <c>location</c> mode its bucket/key/version) or a local path (CLI preview only).
/// </summary>
internal sealed class CodeLocator(IntrinsicResolver resolver, TransformOptions options, List<Problem> problems)
{
    private const string UriOrMap = "a string (an s3:// URI or a local path) or a map {Bucket, Key, Version}";

    private static readonly HashSet<string> LambdaCodeKeys = ["S3Bucket", "S3Key", "S3ObjectVersion", "ZipFile", "ImageUri", "SourceKMSKeyArn"];

    /// <summary>SAM function: ImageUri, InlineCode or CodeUri (after Globals).</summary>
    public CodeSpec? ForServerless(JsonObject properties, string path, CodeIdentityMode mode)
    {
        if (properties["ImageUri"] is { } image)
        {
            return Image(image, $"{path}.ImageUri");
        }

        if (JsonText.ScalarText(properties["PackageType"]) == "Image")
        {
            return Fail($"{path}.ImageUri", "PackageType is Image but ImageUri is missing; build the image (sam build) so the template names it");
        }

        if (properties["InlineCode"] is { } inline)
        {
            return Inline(inline, $"{path}.InlineCode");
        }

        return properties["CodeUri"] is { } codeUri
            ? Location(codeUri, $"{path}.CodeUri", mode)
            : Fail(path, "has no code: set CodeUri, InlineCode or ImageUri (directly or in Globals.Function)");
    }

    /// <summary>Plain Lambda function: the <c>Code</c> property.</summary>
    public CodeSpec? ForLambda(JsonObject properties, string path, CodeIdentityMode mode)
    {
        var codePath = $"{path}.Code";
        if (properties["Code"] is not JsonObject code || Intrinsic.Is(code))
        {
            return Fail(codePath, "must be a map with S3Bucket and S3Key, ZipFile, or ImageUri");
        }

        foreach (var unknown in code.Select(p => p.Key).Where(k => !LambdaCodeKeys.Contains(k)))
        {
            problems.Add(new Problem($"{codePath}.{unknown}", $"unknown Code property; expected one of {string.Join(", ", LambdaCodeKeys)}"));
        }

        return code["ImageUri"] is { } image ? Image(image, $"{codePath}.ImageUri")
            : code["ZipFile"] is { } zip ? Inline(zip, $"{codePath}.ZipFile")
            : code.ContainsKey("S3Bucket") || code.ContainsKey("S3Key") ? Location(code, codePath, mode)
            : Fail(codePath, "must set S3Bucket and S3Key, ZipFile, or ImageUri");
    }

    /// <summary>A layer in the same template: SAM ContentUri or Lambda Content.</summary>
    public CodeSpec? ForLayer(JsonObject properties, string path, CodeIdentityMode mode) =>
        properties["ContentUri"] is { } contentUri ? Location(contentUri, $"{path}.ContentUri", mode)
        : properties["Content"] is { } content ? Location(content, $"{path}.Content", mode, "a map {S3Bucket, S3Key, S3ObjectVersion}")
        : Fail(path, "has no content: set ContentUri (SAM) or Content (Lambda)");

    private CodeSpec? Image(JsonNode image, string path) =>
        StringProperties.IsString(image, path, "an image URI string", problems)
            ? CodeSpec.Known(path, "image:" + CanonicalJson.Serialize(resolver.ResolveForHash(image, path, problems)))
            : null;

    private CodeSpec Inline(JsonNode code, string path) =>
        CodeSpec.Known(path, "inline:" + CanonicalJson.Serialize(resolver.ResolveForHash(code, path, problems)));

    /// <param name="expected">The forms the property takes, for the message on a number or a boolean.</param>
    private CodeSpec? Location(JsonNode location, string path, CodeIdentityMode mode, string expected = UriOrMap)
    {
        var resolved = resolver.ResolveRevealing(location);
        if (resolved is null)
        {
            return Fail(path, "resolves to AWS::NoValue, so there is no code to version; point it at the packaged code in S3");
        }

        if (S3LocationParser.Parse(resolved) is { } s3)
        {
            return mode == CodeIdentityMode.Content
                ? CodeSpec.Read(path, s3)
                : CodeSpec.Known(path, "s3-location:" + CanonicalJson.Serialize(resolver.ResolveForHash(location, path, problems)));
        }

        if (resolved is JsonValue value && value.GetValueKind() is not JsonValueKind.String)
        {
            // A number is not a path, though its text would pass for one.
            return Fail(path, $"must be {expected}, not a {(value.GetValueKind() is JsonValueKind.Number ? "number" : "boolean")}");
        }

        if (JsonText.ScalarText(resolved) is { } text && !S3LocationParser.IsS3Uri(text))
        {
            if (!options.AllowLocalCode)
            {
                return Fail(path, $"is a local path ({text}); package the template first (sam package or aws cloudformation package) so it points at S3");
            }

            var full = Path.GetFullPath(Path.Combine(options.LocalBaseDirectory ?? Directory.GetCurrentDirectory(), text));
            return CodeSpec.Read(path, new LocalCodeObject(full));
        }

        if (mode == CodeIdentityMode.Location)
        {
            return CodeSpec.Known(path, "s3-location:" + CanonicalJson.Serialize(resolver.ResolveForHash(location, path, problems)));
        }

        return Fail(path, $"cannot be read at macro time: {IntrinsicResolver.Describe(resolver.ResolveForHash(location, path, []))} "
            + "is not an S3 location made of literals, parameters and pseudo parameters; use those, or set CodeIdentity: location to hash the location as written");
    }

    private CodeSpec? Fail(string path, string message)
    {
        problems.Add(new Problem(path, message));
        return null;
    }
}
