#!/usr/bin/env python3
"""The SAM side of the `sam` benchmark: one offline run of the SAM translator, process to process.

Usage: sam_transform.py INPUT_JSON   ({"template": {...}, "parameterValues": {...}})
Prints the translated template as JSON on stdout, as the SAM transform would hand it to
CloudFormation. Offline like macro.Tests/E2E/sam_check.py: the region comes from the environment
(no boto call) and managed policies from SAM's bundled map (no IAM call).
"""

import json
import os
import sys

REGION = "us-east-1"
os.environ["AWS_DEFAULT_REGION"] = REGION
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
sys.dont_write_bytecode = True

from samtranslator.translator.transform import transform  # noqa: E402


class OfflinePolicyLoader:
    """Stands in for ManagedPolicyLoader (IAM ListPolicies); SAM knows AWS managed policies already."""

    def load(self) -> dict[str, str]:
        return {}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        case = json.load(handle)
    values = {"AWS::Region": REGION, "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}
    values.update(case.get("parameterValues", {}))
    output = transform(case["template"], values, OfflinePolicyLoader())
    json.dump(output, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
