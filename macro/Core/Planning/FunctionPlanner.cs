using System.Text.Json.Nodes;
using MacroVersioning.Core.CodeIdentity;
using MacroVersioning.Core.Functions;
using MacroVersioning.Core.Json;
using MacroVersioning.Core.References;
using MacroVersioning.Core.Resolution;
using MacroVersioning.Core.Validation;

namespace MacroVersioning.Core.Planning;

/// <summary>Splits a function's properties into code, hashed configuration and ignored ones.</summary>
/// <param name="layerGlobals">
/// <c>Globals.LayerVersion</c>: SAM merges it into its layers (PublishLambdaVersion) before naming them.
/// </param>
internal sealed class FunctionPlanner(
    TemplateContext context, IntrinsicResolver resolver, CodeLocator codeLocator, JsonObject? layerGlobals, List<Problem> problems)
{
    private static readonly HashSet<string> LayerTypes = ["AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion"];

    /// <summary>
    /// Attributes SAM also covers when it names a layer's version resource (all but DeletionPolicy,
    /// UpdateReplacePolicy and Metadata): changing one renames it, so the function gets a new layer ARN.
    /// A plain LayerVersion is not replaced when its attributes change.
    /// </summary>
    private static readonly string[] SamLayerNamingAttributes = ["Condition", "DependsOn", "UpdatePolicy"];

    private readonly ReferenceCollector references = new(context, resolver, problems);

    public FunctionPlan? Plan(FunctionCandidate function)
    {
        var path = function.PropertiesPath;
        var settings = function.Settings;
        var config = new JsonObject();
        StringProperties.Check(function.Properties, path, problems);
        foreach (var (name, value) in function.Properties)
        {
            switch (PropertyClassifier.Classify(function.Type, name, settings.HashedProperties, settings.IgnoredProperties))
            {
                case PropertyClass.Hashed:
                    var resolved = resolver.ResolveForHash(value, $"{Origin(function, name)}.{name}", problems);
                    if (resolved is not null)
                    {
                        config[name] = resolved;
                    }

                    break;
                case PropertyClass.Unknown:
                    problems.Add(new Problem($"{Origin(function, name)}.{name}", UnknownProperty.Message(function.Type, name)));
                    break;
            }
        }

        if (function.Type == PropertyClassifier.Lambda && function.Properties["Code"] is JsonObject code && code["SourceKMSKeyArn"] is { } sourceKey)
        {
            config["SourceKMSKeyArn"] = resolver.ResolveForHash(sourceKey, $"{path}.Code.SourceKMSKeyArn", problems);
        }

        var codeSpec = function.Type == PropertyClassifier.Serverless
            ? codeLocator.ForServerless(function.Properties, path, settings.CodeIdentity)
            : codeLocator.ForLambda(function.Properties, path, settings.CodeIdentity);
        var layers = Layers(function);
        var referenced = references.Collect(function, config, [.. layers.Select(l => l.LayerId)]);
        return codeSpec is null ? null : new FunctionPlan(function, codeSpec, config, layers, referenced);
    }

    /// <summary>
    /// Where a merged property was written: the function's own properties, or <c>Globals.Function</c>
    /// when it comes only from there, so a problem in Globals is reported once, where it is.
    /// </summary>
    private static string Origin(FunctionCandidate function, string name) =>
        function.Resource["Properties"] is JsonObject local && local.ContainsKey(name) ? function.PropertiesPath : "Globals.Function";

    private List<LayerPlan> Layers(FunctionCandidate function)
    {
        var plans = new List<LayerPlan>();
        if (function.Properties["Layers"] is not JsonArray layers)
        {
            return plans;
        }

        foreach (var layerId in layers.Select(LayerReference).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (context.Resources[layerId] is not JsonObject layer || !LayerTypes.Contains(JsonText.ScalarText(layer["Type"]) ?? ""))
            {
                continue;
            }

            var layerPath = $"Resources.{layerId}.Properties";
            if (layer["Properties"] is not JsonObject properties)
            {
                problems.Add(new Problem(layerPath, "must be a map of layer properties"));
                continue;
            }

            var isSam = JsonText.ScalarText(layer["Type"]) == "AWS::Serverless::LayerVersion";
            if (isSam && layerGlobals is not null)
            {
                properties = GlobalsMerger.Merge(layerGlobals, properties, layer["IgnoreGlobals"]);
            }

            // Every property, the content location included: a plain LayerVersion is replaced when any of
            // them changes, and SAM names its layer's version resource after a hash of all of them,
            // ContentUri and RetentionPolicy included (translator 1.110.0, SamLayerVersion.to_cloudformation),
            // so each one gives the function a new layer ARN, even when the bytes under a new key are the
            // same. (A function's own code is different: the same bytes under a new key are no change to it.)
            var hashed = new JsonObject();
            foreach (var (name, value) in properties)
            {
                hashed[name] = resolver.ResolveForHash(value, $"{layerPath}.{name}", problems);
            }

            if (isSam)
            {
                foreach (var attribute in SamLayerNamingAttributes)
                {
                    if (layer[attribute] is { } value)
                    {
                        hashed[attribute] = value.DeepClone();
                    }
                }
            }

            if (codeLocator.ForLayer(properties, layerPath, function.Settings.CodeIdentity) is { } layerCode)
            {
                plans.Add(new LayerPlan(layerId, layerCode, hashed));
            }
        }

        return plans;
    }

    /// <summary>The logical id a Layers item points at: <c>Ref</c>, or <c>Fn::GetAtt</c> in list or "A.B" form.</summary>
    private static string? LayerReference(JsonNode? item)
    {
        if (!Intrinsic.TryGet(item, out var name, out var argument))
        {
            return null;
        }

        return name switch
        {
            "Ref" => JsonText.ScalarText(argument),
            "Fn::GetAtt" when argument is JsonArray { Count: > 0 } list => JsonText.ScalarText(list[0]),
            "Fn::GetAtt" when JsonText.ScalarText(argument) is { } dotted => dotted.Split('.')[0],
            _ => null,
        };
    }
}
