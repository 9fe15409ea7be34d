#!/usr/bin/env python3
"""Writes macro/Core/References/resource-identity.tsv: for every CloudFormation resource type, the
properties whose change replaces the resource and the attributes that identify it.

Why: a function's configuration that names another resource (`!Ref Table`, `!GetAtt Role.Arn`) gets a
new value when that resource is replaced, so the macro hashes what replaces it (SPEC §3, references).
The source is the CloudFormation resource provider schemas that cfn-lint ships
(cfnlint/data/schemas: `createOnlyProperties`, `conditionalCreateOnlyProperties`, `primaryIdentifier`,
`additionalIdentifiers`), merged over every Region: a property create-only anywhere counts.

    python3 scripts/resource-identity.py            # rewrite the table
    python3 scripts/resource-identity.py --check    # exit 1 when the committed table differs

Format (one type a line, sorted, grouped under `Service::` lines, tab-separated): type name, create-only property paths (comma-separated,
`/` between the levels of a nested property, `*` for every item of a list), identifying attributes
besides `Arn` and the top-level create-only properties. A type absent from the table is unknown: the
macro then hashes all of a referenced resource's properties.
"""
import glob
import importlib
import json
import os
import sys

import cfnlint
from cfnlint.version import __version__ as CFN_LINT_VERSION

SCHEMAS = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas")
TABLE = os.path.join(os.path.dirname(__file__), "..", "macro", "Core", "References", "resource-identity.tsv")

# Read-only attributes that, like an identifier, change only when the resource is replaced (each is
# derived from the resource's id or name), but that the schemas do not list as identifiers. A
# `!GetAtt Sg.GroupId` is the usual spelling in VpcConfig; without this it would hash all of the
# group's properties, and every ingress rule change would publish a version.
ALIASES = {
    "AWS::EC2::SecurityGroup": ["GroupId"],
    "AWS::IAM::Role": ["RoleId"],
    "AWS::SQS::Queue": ["QueueName"],
    "AWS::SNS::Topic": ["TopicName"],
    "AWS::StepFunctions::StateMachine": ["Name"],
    "AWS::S3::Bucket": ["DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL"],
    "AWS::Cognito::UserPool": ["ProviderName", "ProviderURL"],
    "AWS::ApiGatewayV2::Api": ["ApiEndpoint"],
    "AWS::ApiGateway::RestApi": ["RootResourceId"],
    "AWS::EFS::FileSystem": ["FileSystemId"],
    "AWS::Kinesis::Stream": ["Name"],
}

# SAM resource types whose generated resource keeps the SAM logical id (so Ref and GetAtt reach it),
# each with the SAM properties that land in that resource's create-only properties (checked against
# samtranslator 1.110.0's sam_resources.py; the script verifies each target against the schema).
# SAM types not listed (LayerVersion: SAM renames its layer version on any change; Application: a
# nested stack; GraphQLApi, Connector) are absent from the table, so all their properties are hashed.
SAM = {
    # SamFunction: the same properties become AWS::Lambda::Function's.
    "AWS::Serverless::Function": ("AWS::Lambda::Function", {
        "FunctionName": "FunctionName", "PackageType": "PackageType",
        "TenancyConfig": "TenancyConfig", "DurableConfig": "DurableConfig",
    }),
    # SamSimpleTable._construct_dynamodb_table: PrimaryKey becomes KeySchema (and AttributeDefinitions).
    "AWS::Serverless::SimpleTable": ("AWS::DynamoDB::Table", {"PrimaryKey": "KeySchema", "TableName": "TableName"}),
    # StateMachineGenerator: Name and Type become StateMachineName and StateMachineType.
    "AWS::Serverless::StateMachine": ("AWS::StepFunctions::StateMachine", {"Name": "StateMachineName", "Type": "StateMachineType"}),
    # SamApi / SamHttpApi / SamWebSocketApi: nothing a user sets replaces the API (ProtocolType is fixed).
    "AWS::Serverless::Api": ("AWS::ApiGateway::RestApi", {}),
    "AWS::Serverless::HttpApi": ("AWS::ApiGatewayV2::Api", {}),
    "AWS::Serverless::WebSocketApi": ("AWS::ApiGatewayV2::Api", {}),
    # CapacityProviderGenerator: OperatorRole goes into PermissionsConfig.
    "AWS::Serverless::CapacityProvider": ("AWS::Lambda::CapacityProvider", {
        "CapacityProviderName": "CapacityProviderName", "VpcConfig": "VpcConfig",
        "InstanceRequirements": "InstanceRequirements", "OperatorRole": "PermissionsConfig", "KmsKeyArn": "KmsKeyArn",
    }),
}


# Types whose replacement the schema cannot describe: a custom resource's provider decides, on any
# property change, whether to return a new physical id. Left out, so all their properties are hashed.
PROVIDER_DECIDES = {"AWS::CloudFormation::CustomResource"}


def schemas():
    """type -> list of schema documents (one per distinct schema across Regions)."""
    hashes = {}
    for module_path in glob.glob(os.path.join(SCHEMAS, "providers", "*.py")):
        region = os.path.basename(module_path)[:-3]
        if region == "__init__":
            continue
        module = importlib.import_module(f"cfnlint.data.schemas.providers.{region}")
        for type_name, digest in module.types.items():
            hashes.setdefault(type_name, set()).add(digest)
    result = {}
    for type_name, digests in hashes.items():
        result[type_name] = []
        for digest in sorted(digests):
            with open(os.path.join(SCHEMAS, "providers", "..", "resources", f"{digest}.json"), encoding="utf-8") as f:
                result[type_name].append(json.load(f))
    return result


def paths(documents, *keys):
    found = set()
    for document in documents:
        for key in keys:
            for pointer in document.get(key) or []:
                if isinstance(pointer, list):  # additionalIdentifiers is a list of lists
                    found.update(p for p in pointer)
                else:
                    found.add(pointer)
    return {p.removeprefix("/properties/") for p in found if p.startswith("/properties/")}


def without_descendants(property_paths):
    """A whole property covers its parts: PosixUser makes PosixUser/Uid redundant."""
    kept = sorted(property_paths)
    return [p for p in kept if not any(p.startswith(other + "/") for other in kept if other != p)]


def rows():
    documents = schemas()
    table = {}
    for type_name, docs in documents.items():
        if type_name in PROVIDER_DECIDES:
            continue
        create_only = without_descendants(paths(docs, "createOnlyProperties", "conditionalCreateOnlyProperties"))
        top_level = {p.split("/")[0] for p in create_only}
        identifiers = {p.split("/")[-1] for p in paths(docs, "primaryIdentifier", "additionalIdentifiers")}
        identifiers.update(ALIASES.get(type_name, []))
        identifiers -= top_level | {"Arn"}
        table[type_name] = (create_only, sorted(identifiers))
    for sam_type, (target, mapping) in SAM.items():
        target_create_only, target_identifiers = table[target]
        target_top = {p.split("/")[0] for p in target_create_only}
        for sam_property, target_property in mapping.items():
            if target_property not in target_top:
                sys.exit(f"{sam_type}.{sam_property} maps to {target}.{target_property}, which the schema does not list as create-only")
        table[sam_type] = (sorted(mapping), sorted(set(target_identifiers) - set(mapping)))
    for type_name in ALIASES:
        if type_name not in table:
            sys.exit(f"alias for unknown type {type_name}")
    return table


def render(table):
    lines = [
        "# Generated by scripts/resource-identity.py from the resource provider schemas of cfn-lint "
        + CFN_LINT_VERSION + ": do not edit.",
        "# A line ending in :: starts a namespace; then per type: name<TAB>create-only property paths<TAB>identifying",
        "# attributes besides Arn and the top-level create-only properties.",
    ]
    namespace = None
    for type_name in sorted(table):
        prefix, _, name = type_name.rpartition("::")
        if prefix != namespace:
            namespace = prefix
            lines.append(prefix + "::")
        create_only, identifiers = table[type_name]
        lines.append(f"{name}\t{','.join(create_only)}\t{','.join(identifiers)}")
    return "\n".join(lines) + "\n"


def main():
    text = render(rows())
    if "--check" in sys.argv[1:]:
        with open(TABLE, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{TABLE} differs from what the schemas give: run python3 scripts/resource-identity.py")
        return
    os.makedirs(os.path.dirname(TABLE), exist_ok=True)
    with open(TABLE, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
