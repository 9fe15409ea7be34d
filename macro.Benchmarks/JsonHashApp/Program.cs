using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

// Reads a macro request, touches each resource, hashes the body and writes the tree back.
var body = File.ReadAllText(args[0]);
var request = JsonNode.Parse(body)!.AsObject();
foreach (var (_, resource) in request["fragment"]!["Resources"]!.AsObject())
{
    _ = resource?["Type"];
}

request["status"] = "success";
request["hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
Console.Out.Write(request.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true }) + "\n");
