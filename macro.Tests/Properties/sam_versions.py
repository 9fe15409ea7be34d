#!/usr/bin/env python3
"""Runs the real SAM translator over many templates in one process and reports, per template, the
logical id of each function's AWS::Lambda::Version and the AWS::Lambda::Function SAM generates.

Usage: sam_versions.py BATCH_JSON   (a list of {"name", "template", "parameters"})
Prints {"tools": {...}, "results": {name: {"versions": {F: id}, "functions": {F: properties}} or {"error": text}}}.
Offline, like sam_check.py: pseudo parameters from the environment, managed policies from SAM's bundled map.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import sys
from typing import Any

os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
logging.disable(logging.CRITICAL)  # SAM logs feature toggles and metrics per template

try:
    import samtranslator
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.translator.transform import transform
except ImportError as missing:
    print(json.dumps({"toolError": f"{missing}; install with: pip install aws-sam-translator==1.110.0"}))
    sys.exit(3)

PSEUDO = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}


class OfflinePolicyLoader:
    def load(self) -> dict[str, str]:
        return {}


def versions_and_functions(output: dict[str, Any]) -> dict[str, Any]:
    resources = output.get("Resources", {})
    versions, functions = {}, {}
    for rid, resource in resources.items():
        if resource.get("Type") == "AWS::Lambda::Version":
            name = resource.get("Properties", {}).get("FunctionName")
            if isinstance(name, dict) and isinstance(name.get("Ref"), str):
                versions[name["Ref"]] = rid
        elif resource.get("Type") == "AWS::Lambda::Function":
            functions[rid] = resource.get("Properties", {})
    return {"versions": versions, "functions": functions}


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        batch = json.load(handle)
    results: dict[str, Any] = {}
    for item in batch:
        template = copy.deepcopy(item["template"])
        template["Transform"] = "AWS::Serverless-2016-10-31"
        values = {**PSEUDO, **{k: str(v) for k, v in item.get("parameters", {}).items()}}
        try:
            results[item["name"]] = versions_and_functions(transform(template, values, OfflinePolicyLoader()))
        except InvalidDocumentException as error:
            results[item["name"]] = {"error": "; ".join(cause.message for cause in error.causes)}
        except Exception as error:  # noqa: BLE001 - one broken template must not hide the others
            results[item["name"]] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps({"tools": {"samtranslator": samtranslator.__version__}, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
