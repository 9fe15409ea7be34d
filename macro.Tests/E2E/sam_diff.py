"""Compares SAM's output for the original template with SAM's output for the macro's output.

The macro may only add `AWS::Lambda::Version` resources (`<FunctionId>Version<hash>`), with
`VersionParameter: true` an `AWS::SSM::Parameter` `<FunctionId>VersionParameter` holding a `Ref` to
one of them, with `KeepVersions` a `Custom::VersioningMacroPrune` `<FunctionId>VersionPrune` naming the
function and a `Ref` to one of them, Outputs whose value is a `Ref` to one of them, and the `[VersioningMacro <hash>]` stamp
on a versioned function's Description; for a function SAM versions itself (AutoPublishAlias), only
the version id and Description that its `AutoPublishCodeSha256` gives (see sam_alias.py) and an
Output that is a `Ref` to that version, and S3 version pins (`sam_pins.py`). Anything else that
differs is listed, each line naming the template path.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sam_alias import steer
from sam_pins import is_renamed_reference, renamed_layers, unpin

VERSION_TYPE = "AWS::Lambda::Version"
PARAMETER_TYPE = "AWS::SSM::Parameter"
PARAMETER_SUFFIX = "VersionParameter"
PRUNE_TYPE = "Custom::VersioningMacroPrune"
PRUNE_SUFFIX = "VersionPrune"
FUNCTION_TYPE = "AWS::Lambda::Function"
STAMP = "[VersioningMacro {hash}]"
GONE = "in SAM's output for the original template but missing after the macro"
_MISSING = object()


def short(value: Any, limit: int = 240) -> str:
    """One-line JSON of a value, cut so a report stays readable."""
    if value is _MISSING:
        return "(absent)"
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def paths_that_differ(
    before: Any,
    after: Any,
    path: str,
    versions: dict[str, str] | None = None,
    notes: list[str] | None = None,
    renamed: dict[str, str] | None = None,
) -> list[str]:
    """Every leaf path where two JSON values differ, with both values. `versions` maps a function to
    the version the macro added for it: a `F.Version` reference (SAM's syntax) that the macro pointed
    at that version is not a difference; it is recorded in `notes`. So is a reference to a SAM layer
    that a pinned S3 version renamed (`renamed`: old id -> new id)."""
    versions = versions or {}
    if _is_version_reference(before, after, versions):
        if notes is not None:
            notes.append(f"{path}: {short(before)} now refers to the macro's version: {short(after)}")
        return []
    if is_renamed_reference(before, after, renamed or {}):
        if notes is not None:
            notes.append(f"{path}: {short(before)} now refers to the layer renamed by its pinned S3 version: {short(after)}")
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        lines: list[str] = []
        for key in list(before) + [k for k in after if k not in before]:
            lines += paths_that_differ(
                before.get(key, _MISSING), after.get(key, _MISSING), f"{path}.{key}", versions, notes, renamed
            )
        return lines
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        lines = []
        for index, (b, a) in enumerate(zip(before, after)):
            lines += paths_that_differ(b, a, f"{path}[{index}]", versions, notes, renamed)
        return lines
    if before == after:
        return []
    return [f"{path}: {short(before)} for the original template, {short(after)} after the macro"]


def _is_version_reference(before: Any, after: Any, versions: dict[str, str]) -> bool:
    """`Ref: F.Version`, `GetAtt F.Version.X` and `${F.Version...}` in a Sub, rewritten to the added version."""
    if before == after or not versions:
        return False
    if isinstance(before, str) and isinstance(after, str):
        rewritten = before
        for function_id, version_id in versions.items():
            rewritten = rewritten.replace("${" + function_id + ".Version", "${" + version_id)
        return rewritten == after
    if not isinstance(before, dict) or not isinstance(after, dict) or list(before) != list(after) or len(before) != 1:
        return False
    if "Ref" in before and isinstance(before["Ref"], str) and before["Ref"].endswith(".Version"):
        return versions.get(before["Ref"][: -len(".Version")]) == after["Ref"]
    if "Fn::GetAtt" in before:
        old, new = before["Fn::GetAtt"], after["Fn::GetAtt"]
        old = old.split(".", 1) if isinstance(old, str) else old
        new = new.split(".", 1) if isinstance(new, str) else new
        if isinstance(old, list) and isinstance(new, list) and len(old) == 2 and len(new) == 2 and isinstance(old[1], str):
            return old[1].startswith("Version.") and versions.get(old[0]) == new[0] and old[1][len("Version."):] == new[1]
    return False


def _remove_stamp(value: Any, stamp: str) -> Any:
    if isinstance(value, str):
        return value.replace(" " + stamp, "").replace(stamp, "")
    if isinstance(value, list):
        return [_remove_stamp(v, stamp) for v in value]
    if isinstance(value, dict):
        return {k: _remove_stamp(v, stamp) for k, v in value.items()}
    return value


def _simplify(value: Any) -> Any:
    """Drops the empty pieces a removed stamp leaves: `Fn::Join ["", [X, ""]]` is X, `""` is absent."""
    if isinstance(value, dict) and list(value) == ["Fn::Join"]:
        separator, items = value["Fn::Join"][0], value["Fn::Join"][1]
        if separator == "" and isinstance(items, list):
            items = [_simplify(i) for i in items if i != ""]
            if len(items) == 1:
                return items[0]
            return {"Fn::Join": ["", items]}
    if value == "":
        return _MISSING
    return value


def _stamp_problem(function_id: str, before: Any, after: Any, version_hash: str) -> str | None:
    stamp = STAMP.format(hash=version_hash)
    if stamp not in json.dumps(after, default=str):
        return (
            f"Resources.{function_id}.Properties.Description: changed from {short(before)} to {short(after)}, "
            f"which does not carry the stamp {stamp}"
        )
    if _simplify(_remove_stamp(after, stamp)) != _simplify(before):
        return (
            f"Resources.{function_id}.Properties.Description: {short(after)} is not the original "
            f"{short(before)} with {stamp} appended"
        )
    return None


def _function_of(version: dict[str, Any]) -> str | None:
    name = version.get("Properties", {}).get("FunctionName")
    if isinstance(name, dict) and list(name) == ["Ref"] and isinstance(name["Ref"], str):
        return name["Ref"]
    return None


def _check_added_version(
    version_id: str, version: dict[str, Any], after: dict[str, Any], macro_output: dict[str, Any]
) -> tuple[list[str], str | None, str | None]:
    """Problems with one added resource, plus the function it versions and its hash."""
    where = f"Resources.{version_id}"
    if version.get("Type") != VERSION_TYPE:
        return [f"{where}: added a {version.get('Type')} resource; the macro may only add {VERSION_TYPE}"], None, None
    ours = macro_output.get("Resources", {}).get(version_id)
    if ours is None:
        return [
            f"{where}: a {VERSION_TYPE} that SAM generated for the macro's output but not for the original "
            "(did the macro change a function that SAM versions itself, with AutoPublishAlias?)"
        ], None, None
    problems = [] if ours == version else [f"{where}: SAM changed the macro's version resource to {short(version)}"]
    function_id = _function_of(version)
    if function_id is None:
        name = short(version.get("Properties", {}).get("FunctionName", _MISSING))
        return problems + [f"{where}.Properties.FunctionName: should be a Ref to the function, got {name}"], None, None
    function = after.get("Resources", {}).get(function_id)
    if not isinstance(function, dict) or function.get("Type") != FUNCTION_TYPE:
        problems.append(f"{where}.Properties.FunctionName: Ref {function_id} is not an {FUNCTION_TYPE} in SAM's output")
    prefix = f"{function_id}Version"
    version_hash = version_id[len(prefix):] if version_id.startswith(prefix) else ""
    if not re.fullmatch(r"[A-Za-z0-9]+", version_hash):
        problems.append(f"{where}: logical id should be {prefix}<hash> for the function it versions")
        version_hash = ""
    condition, function_condition = version.get("Condition", _MISSING), _MISSING
    if isinstance(function, dict):
        function_condition = function.get("Condition", _MISSING)
    if isinstance(function, dict) and condition != function_condition:
        problems.append(f"{where}.Condition: {short(condition)}, but {function_id} has {short(function_condition)}")
    return problems, function_id, version_hash or None


def _check_added_parameter(rid: str, parameter: dict[str, Any], versions: dict[str, str], after: dict[str, Any]) -> list[str]:
    """An added version parameter: named after its function, holding a Ref to that function's added version."""
    where = f"Resources.{rid}"
    function_id = rid[: -len(PARAMETER_SUFFIX)]
    if function_id not in versions:
        return [f"{where}: a {PARAMETER_TYPE} for {function_id}, which got no version from the macro"]
    function = after.get("Resources", {}).get(function_id, {})
    expected = {
        "Name": {"Fn::Sub": f"/VersioningMacro/${{AWS::StackName}}/{function_id}"},
        "Type": "String",
        "Value": {"Ref": versions[function_id]},
        "Description": f"ARN of the {function_id} version published by VersioningMacro",
    }
    problems = [] if parameter.get("Properties") == expected else [f"{where}.Properties: {short(parameter.get('Properties'))}, expected {short(expected)}"]
    condition = parameter.get("Condition", _MISSING)
    if isinstance(function, dict) and condition != function.get("Condition", _MISSING):
        problems.append(f"{where}.Condition: {short(condition)}, but {function_id} has {short(function.get('Condition', _MISSING))}")
    return problems


def _check_added_prune(rid: str, prune: dict[str, Any], versions: dict[str, str], after: dict[str, Any], macro_output: dict[str, Any]) -> list[str]:
    """An added prune resource: named after its function, naming that function, its KeepVersions and a Ref to
    that function's added version, with the function's Condition, exactly as the macro wrote it but for the
    version reference SAM resolved."""
    where = f"Resources.{rid}"
    function_id = rid[: -len(PRUNE_SUFFIX)]
    if function_id not in versions:
        return [f"{where}: a {PRUNE_TYPE} for {function_id}, which got no version from the macro"]
    ours = macro_output.get("Resources", {}).get(rid, {}).get("Properties", {})
    keep = ours.get("KeepVersions")
    problems = [] if isinstance(keep, int) and keep >= 1 else [f"{where}.Properties.KeepVersions: {short(keep)} is not a whole number of at least 1"]
    expected = {
        "ServiceToken": ours.get("ServiceToken"),
        "FunctionName": {"Ref": function_id},
        "KeepVersions": keep,
        "Version": {"Ref": versions[function_id]},
    }
    if prune.get("Properties") != expected:
        problems.append(f"{where}.Properties: {short(prune.get('Properties'))}, expected {short(expected)}")
    if (prune.get("DeletionPolicy"), prune.get("UpdateReplacePolicy")) != ("Retain", "Retain"):
        problems.append(f"{where}: DeletionPolicy and UpdateReplacePolicy should be Retain (its Delete deletes nothing)")
    function = after.get("Resources", {}).get(function_id, {})
    condition = prune.get("Condition", _MISSING)
    if isinstance(function, dict) and condition != function.get("Condition", _MISSING):
        problems.append(f"{where}.Condition: {short(condition)}, but {function_id} has {short(function.get('Condition', _MISSING))}")
    return problems


class _Comparison:
    """SAM's output for the original (`before`) and for the macro's output (`after`)."""

    def __init__(self, before: dict[str, Any], after: dict[str, Any], macro_output: dict[str, Any]) -> None:
        self.before, self.after, self.macro_output = before, after, macro_output
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.added: set[str] = set()
        self.hashes: dict[str, list[str]] = {}
        self.versions: dict[str, str] = {}
        self.renamed: dict[str, str] = {}
        self.steered: set[str] = set()

    def differ(self, before: Any, after: Any, path: str) -> list[str]:
        return paths_that_differ(before, after, path, self.versions, self.notes, self.renamed)

    def run(self) -> None:
        old, new = self.before.get("Resources", {}), self.after.get("Resources", {})
        self.renamed = renamed_layers(old, new)
        for old_id, new_id in self.renamed.items():
            self.notes.append(f"Resources.{old_id}: renamed {new_id} by its pinned S3 version {unpin(old[old_id], new[new_id])[1]}")
        self.problems += [f"Resources.{rid}: {GONE}" for rid in old if rid not in new and rid not in self.renamed]
        parameters = [r for r in new if r not in old and new[r].get("Type") == PARAMETER_TYPE and r.endswith(PARAMETER_SUFFIX)]
        prunes = [r for r in new if r not in old and new[r].get("Type") == PRUNE_TYPE and r.endswith(PRUNE_SUFFIX)]
        for rid in (r for r in new if r not in old and r not in parameters and r not in prunes and r not in self.renamed.values()):
            found, function_id, version_hash = _check_added_version(rid, new[rid], self.after, self.macro_output)
            self.problems += found
            if new[rid].get("Type") == VERSION_TYPE:
                self.added.add(rid)
            if function_id and version_hash:
                self.hashes.setdefault(function_id, []).append(version_hash)
                self.versions[function_id] = rid
        # SAM's own version of an AutoPublishAlias function, <FunctionId>Version<10 hex>, stands in for ours.
        steered_versions = {version[: -len("Version") - 10]: version for version in self.steered}
        for rid in parameters:
            self.problems += _check_added_parameter(rid, new[rid], {**steered_versions, **self.versions}, self.after)
        for rid in prunes:
            self.problems += _check_added_prune(rid, new[rid], {**steered_versions, **self.versions}, self.after, self.macro_output)
        existing = {_function_of(r): rid for rid, r in old.items() if isinstance(r, dict) and r.get("Type") == VERSION_TYPE}
        for function_id in (f for f in self.versions if f in existing):
            self.problems.append(
                f"Resources.{self.versions[function_id]}: {function_id} already has a version in SAM's output "
                f"({existing[function_id]}, from AutoPublishAlias); two versions of the same function collide"
            )
        for function_id, found in self.hashes.items():
            if len(found) > 1:
                self.problems.append(
                    f"Resources.{function_id}: the macro added {len(found)} versions for it ({', '.join(found)}); one is expected"
                )
                del self.versions[function_id]
        for key in list(self.before) + [k for k in self.after if k not in self.before]:
            if key not in ("Resources", "Outputs"):
                self.problems += self.differ(self.before.get(key, _MISSING), self.after.get(key, _MISSING), key)
        for rid in (r for r in old if r in new and old[r] != new[r]):
            self.problems += self.changed_resource(rid, old[rid], new[rid])
        self.outputs()

    def changed_resource(self, rid: str, before: dict, after: dict) -> list[str]:
        if (unpinned := unpin(before, after)) is not None:
            self.notes.append(f"Resources.{rid}: pinned S3 version {unpinned[1]}")
            after = unpinned[0]
        if before.get("Type") != FUNCTION_TYPE or after.get("Type") != FUNCTION_TYPE:
            return self.differ(before, after, f"Resources.{rid}")
        old_props, new_props = dict(before.get("Properties", {})), dict(after.get("Properties", {}))
        old_description = old_props.pop("Description", _MISSING)
        new_description = new_props.pop("Description", _MISSING)
        problems = self.differ(
            {**before, "Properties": old_props}, {**after, "Properties": new_props}, f"Resources.{rid}"
        )
        if old_description == new_description:
            return problems
        version_hashes = self.hashes.get(rid, [])
        if len(version_hashes) != 1:
            return problems + [
                f"Resources.{rid}.Properties.Description: changed from {short(old_description)} to "
                f"{short(new_description)}, but the macro added {len(version_hashes)} versions for {rid}, not one"
            ]
        problem = _stamp_problem(rid, old_description, new_description, version_hashes[0])
        return problems + ([problem] if problem else [])

    def outputs(self) -> None:
        old, new = self.before.get("Outputs", {}), self.after.get("Outputs", {})
        self.problems += [f"Outputs.{oid}: {GONE}" for oid in old if oid not in new]
        for oid in (o for o in old if o in new):
            self.problems += self.differ(old[oid], new[oid], f"Outputs.{oid}")
        for oid in (o for o in new if o not in old):
            value = new[oid].get("Value") if isinstance(new[oid], dict) else None
            target = value.get("Ref") if isinstance(value, dict) and list(value) == ["Ref"] else None
            if target not in self.added and target not in self.steered:
                self.problems.append(
                    f"Outputs.{oid}: added, but its Value {short(value)} is not a Ref to a version the macro added"
                )
                continue
            condition = new[oid].get("Condition", _MISSING)
            version_condition = self.after["Resources"][target].get("Condition", _MISSING)
            if condition != version_condition:
                self.problems.append(f"Outputs.{oid}.Condition: {short(condition)}, but {target} has {short(version_condition)}")


def compare(
    before: dict[str, Any], after: dict[str, Any], macro_output: dict[str, Any], original: dict[str, Any] | None = None,
    parameters: dict[str, Any] | None = None,
) -> tuple[list[str], list[str]]:
    """Differences between SAM's output for the original (`before`) and for the macro's output (`after`)
    that are not the macro's additions, and notes on the references the macro pointed at its versions;
    `macro_output` is the macro's output and `original` the original template, as SAM received them,
    with `parameters` (defaults applied)."""
    expected, steered, problems, notes = steer(before, after, macro_output, original or {}, parameters or {})
    comparison = _Comparison(expected, after, macro_output)
    comparison.steered = steered
    comparison.run()
    return problems + comparison.problems, notes + comparison.notes
