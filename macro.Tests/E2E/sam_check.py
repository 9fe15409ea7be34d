#!/usr/bin/env python3
"""End-to-end check of VersioningMacro's output with the real SAM translator and cfn-lint.

For each case (an input template and the macro's output for it):
  1. runs samtranslator's transform() on the original template (VersioningMacro removed from
     Transform) and on the macro's output (the remaining transforms put back); templates without
     AWS::Serverless-2016-10-31 skip SAM;
  2. requires SAM's output for the macro's output to equal SAM's output for the original plus
     exactly the macro's additions, and for AutoPublishAlias functions SAM's version named after the
     macro's AutoPublishCodeSha256 (see sam_diff.py and sam_alias.py);
  3. lints SAM's output for the macro's output with cfn-lint (us-east-1): errors fail; warnings
     fail a case marked "warningsFail" (examples must lint cleanly) and are reported for the rest.
Local code paths (an unpackaged SAM project) are replaced in both templates by the same fake S3
locations, as `sam package` would, because SAM only accepts S3 locations. Nothing calls AWS.

Usage:
  sam_check.py TEMPLATE MACRO_OUTPUT [--case CASE_JSON] [--name NAME] [--warnings-fail]
  sam_check.py --batch BATCH_JSON      (a list of {"name", "template", "expected", "case", "warningsFail"})
Prints a JSON report; exit code 0 all passed, 1 some case failed, 2 usage error, 3 tools missing.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Any

INSTALL = "pip install aws-sam-translator==1.110.0 cfn-lint==1.51.0"
MACRO = "VersioningMacro"
SAM = "AWS::Serverless-2016-10-31"
REGION = "us-east-1"
PACKAGED_BUCKET = "sam-check-packaged"
# (resource type, property, form of a packaged location)
LOCAL_CODE_PROPERTIES = [
    ("AWS::Serverless::Function", "CodeUri", "uri"),
    ("AWS::Serverless::LayerVersion", "ContentUri", "uri"),
    ("AWS::Serverless::Api", "DefinitionUri", "uri"),
    ("AWS::Serverless::HttpApi", "DefinitionUri", "uri"),
    ("AWS::Serverless::StateMachine", "DefinitionUri", "uri"),
    ("AWS::Lambda::Function", "Code", "code"),
    ("AWS::Lambda::LayerVersion", "Content", "code"),
]

# Offline: SAM reads pseudo parameters from a boto3 session (region only, no call) and never
# reaches IAM because the managed policy loader below answers from its bundled map.
os.environ["AWS_DEFAULT_REGION"] = REGION
os.environ["AWS_CONFIG_FILE"] = os.devnull
os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull

try:
    import samtranslator
    from samtranslator.model.exceptions import InvalidDocumentException
    from samtranslator.translator.transform import transform
    from cfnlint.decode import cfn_yaml
    import cfnlint.version
except ImportError as missing:  # the C# test shows this message as the failure
    print(json.dumps({"passed": False, "toolError": f"{missing}; install the tools with: {INSTALL}"}))
    sys.exit(3)

sys.dont_write_bytecode = True  # no __pycache__ next to the script in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sam_diff import compare  # noqa: E402


class OfflinePolicyLoader:
    """Stands in for ManagedPolicyLoader: SAM already knows AWS managed policies from its bundled
    map and only falls back to this loader (IAM ListPolicies) for names it does not know."""

    def load(self) -> dict[str, str]:
        return {}


def load_template(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    data = json.loads(text) if path.endswith(".json") else cfn_yaml.loads(text, path)
    return json.loads(json.dumps(data, default=str))  # plain dicts, as CloudFormation hands SAM JSON


def transforms_of(template: dict[str, Any]) -> list[Any]:
    value = template.get("Transform", [])
    return value if isinstance(value, list) else [value]


def is_macro(entry: Any) -> bool:
    return entry == MACRO or (isinstance(entry, dict) and entry.get("Name") == MACRO)


def package(template: dict[str, Any], packaged: list[str]) -> None:
    """Replaces local code paths with fake S3 locations derived from the path (same in both templates)."""
    sections = [("AWS::Serverless::Function", template.get("Globals", {}).get("Function", {}))]
    resources = [r for r in template.get("Resources", {}).values() if isinstance(r, dict)]
    sections += [(r.get("Type"), r.get("Properties", {})) for r in resources]
    for resource_type, properties in sections:
        for wanted_type, prop, form in LOCAL_CODE_PROPERTIES:
            value = properties.get(prop) if isinstance(properties, dict) else None
            if resource_type != wanted_type or not isinstance(value, str) or value.startswith("s3://"):
                continue
            key = value.strip("./").replace("\\", "/") or "root"
            uri, code = f"s3://{PACKAGED_BUCKET}/{key}", {"S3Bucket": PACKAGED_BUCKET, "S3Key": key}
            properties[prop] = uri if form == "uri" else code
            if value not in packaged:
                packaged.append(value)


def parameter_values(case: dict[str, Any]) -> dict[str, Any]:
    """What CloudFormation hands SAM: the stack's parameter values (SAM adds defaults) and pseudo parameters."""
    region = case.get("region", REGION)
    partition = "aws-cn" if region.startswith("cn-") else "aws-us-gov" if region.startswith("us-gov-") else "aws"
    values = {"AWS::Region": region, "AWS::AccountId": case.get("accountId", "123456789012"), "AWS::Partition": partition}
    values.update({k: str(v) for k, v in case.get("parameters", {}).items()})
    return values


def with_defaults(template: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Parameter values as SAM resolves them: given ones, else the template's defaults."""
    declared = template.get("Parameters", {})
    defaults = {k: str(v["Default"]) for k, v in declared.items() if isinstance(v, dict) and "Default" in v}
    return {**defaults, **values}


def run_sam(template: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    try:
        return transform(copy.deepcopy(template), dict(values), OfflinePolicyLoader())
    except InvalidDocumentException as error:
        raise ValueError("; ".join(cause.message for cause in error.causes)) from None


def check_case(spec: dict[str, Any]) -> dict[str, Any]:
    """Steps 1 and 2 for one case; returns its report with the template to lint under "lint"."""
    report: dict[str, Any] = {"name": spec["name"], "passed": False, "problems": [], "lintErrors": [], "lintWarnings": []}
    case = load_case(spec)
    original, output = load_template(spec["template"]), load_template(spec["expected"])
    if "Transform" in output:
        report["problems"].append(f"Transform: the macro's output still has {json.dumps(output['Transform'])}")
    others = [t for t in transforms_of(original) if not is_macro(t)]
    report["sam"] = SAM in others
    packaged: list[str] = []
    package(original, packaged)
    package(output, packaged)
    report["packaged"] = packaged
    original.pop("Transform", None)
    if others:
        original["Transform"] = others
        output["Transform"] = others
    if not report["sam"]:
        before, after = original, output
    else:
        values = parameter_values(case)
        try:
            before = run_sam(original, values)
        except ValueError as error:
            report["problems"].append(f"SAM rejected the original template: {error}")
            return report
        try:
            after = run_sam(output, values)
        except ValueError as error:
            report["problems"].append(f"SAM rejected the macro's output: {error}")
            return report
    problems, notes = compare(before, after, output, original, with_defaults(original, parameter_values(case)))
    report["problems"] += problems
    report["versionReferences"] = notes
    report["lint"] = after
    report["lintOriginal"] = before
    return report


def lint(reports: list[dict[str, Any]], workdir: str) -> None:
    """Step 3: one cfn-lint run over every case's SAM outputs (one process keeps the suite fast). The
    original template's output is linted too, only to mark findings that the macro did not cause."""
    files: dict[str, tuple[dict[str, Any], str]] = {}
    for index, report in enumerate(reports):
        for key in ("lint", "lintOriginal"):
            if key in report:
                path = os.path.abspath(os.path.join(workdir, f"case{index}-{key}.json"))
                with open(path, "w", encoding="utf-8") as handle:
                    json.dump(report.pop(key), handle, indent=2)
                files[path] = (report, key)
    if not files:
        return
    command = [shutil.which("cfn-lint") or "cfn-lint", "--format", "json", "--regions", REGION, "--", *files]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    failed = f"cfn-lint failed (exit {finished.returncode}): {finished.stderr.strip() or finished.stdout.strip()}"
    try:
        matches = json.loads(finished.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(failed) from None
    if not matches and finished.returncode != 0:  # it found nothing, yet did not finish cleanly
        raise RuntimeError(failed)
    findings: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for match in matches:
        report, key = files.get(os.path.abspath(match["Filename"]), (None, ""))
        if report is not None:
            path = ".".join(str(p) for p in match.get("Location", {}).get("Path", []))
            line = f"{match['Rule']['Id']} {path}: {match['Message']}"
            findings.setdefault((id(report), key), []).append((match["Level"], line))
    for report in reports:
        before = {line for _, line in findings.get((id(report), "lintOriginal"), [])}
        for level, line in findings.get((id(report), "lint"), []):
            shown = line + (" (also in SAM's output for the original template)" if line in before else "")
            report["lintErrors" if level == "Error" else "lintWarnings"].append(shown)


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "****")
    return text


def load_case(spec: dict[str, Any]) -> dict[str, Any]:
    if not spec.get("case"):
        return {}
    with open(spec["case"], encoding="utf-8") as handle:
        return json.load(handle)


def no_echo_values(spec: dict[str, Any]) -> list[str]:
    """Values (given or default) of NoEcho parameters, kept out of the report."""
    try:
        parameters, given = load_template(spec["template"]).get("Parameters", {}), load_case(spec).get("parameters", {})
    except (OSError, ValueError):
        return []
    secrets = []
    for name, definition in parameters.items():
        if isinstance(definition, dict) and str(definition.get("NoEcho", "")).lower() == "true":
            secrets.append(str(given.get(name, definition.get("Default", ""))))
    return [s for s in secrets if s]


def run(specs: list[dict[str, Any]]) -> dict[str, Any]:
    reports = []
    for spec in specs:
        try:
            reports.append(check_case(spec))
        except Exception as error:  # one broken case must not hide the others' results
            problem = f"{type(error).__name__}: {error}"
            reports.append({"name": spec["name"], "passed": False, "problems": [problem], "lintErrors": [], "lintWarnings": []})
    with tempfile.TemporaryDirectory(prefix="sam_check") as workdir:
        lint(reports, workdir)
    for spec, report in zip(specs, reports):
        warnings = len(report["lintWarnings"])
        if spec.get("warningsFail") and warnings:
            report["problems"].append(
                f"cfn-lint reported {warnings} warning{'s' if warnings > 1 else ''} (see lintWarnings); "
                "this case must lint with zero errors and zero warnings, as every example must")
        report["passed"] = not report["problems"] and not report["lintErrors"]
        secrets = no_echo_values(spec)
        for key in ("problems", "lintErrors", "lintWarnings", "versionReferences"):
            report[key] = [redact(line, secrets) for line in report.get(key, [])]
    tools = {"python": sys.version.split()[0], "samtranslator": samtranslator.__version__}
    tools["cfn-lint"] = cfnlint.version.__version__
    return {"passed": all(r["passed"] for r in reports), "tools": tools, "cases": reports}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("template", nargs="?")
    parser.add_argument("expected", nargs="?", help="the macro's output for TEMPLATE")
    parser.add_argument("--case", help="case.json with parameters, region, accountId")
    parser.add_argument("--name", help="name shown in the report")
    parser.add_argument("--warnings-fail", action="store_true", help="fail the case on any cfn-lint warning")
    parser.add_argument("--batch", help="JSON list of cases to check in one run")
    args = parser.parse_args()
    if args.batch:
        with open(args.batch, encoding="utf-8") as handle:
            specs = json.load(handle)
    elif args.template and args.expected:
        specs = [{"name": args.name or args.template, "template": args.template, "expected": args.expected, "case": args.case,
                  "warningsFail": args.warnings_fail}]
    else:
        parser.print_usage(sys.stderr)
        return 2
    if not shutil.which("cfn-lint"):
        print(json.dumps({"passed": False, "toolError": f"cfn-lint is not on PATH; install the tools with: {INSTALL}"}))
        return 3
    try:
        result = run(specs)
    except RuntimeError as error:
        print(json.dumps({"passed": False, "toolError": str(error)}))
        return 3
    print(json.dumps(result, indent=2))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
