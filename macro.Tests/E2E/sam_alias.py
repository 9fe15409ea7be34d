"""The one change the macro may make to a version SAM publishes itself (AutoPublishAlias).

For such a function the macro sets `AutoPublishCodeSha256` to its 10-character hash. SAM translator
1.110.0 then names its version `<FunctionId>Version<value[:10]>` (instead of its own hash of the code
location) and appends the value to the function's Description (its own rule: `"{D} {value}"`, the
value alone without a Description, `Fn::Join [" ", [D, value]]` for an intrinsic D). `steer` checks
exactly that and rewrites SAM's output for the original template the same way — version id renamed
everywhere, Description as SAM builds it — so that everything else must still be equal.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

VERSION_TYPE = "AWS::Lambda::Version"
NAME = "AutoPublishCodeSha256"
_MISSING = object()


def _props(template: dict[str, Any], rid: str) -> dict[str, Any]:
    resource = template.get("Resources", {}).get(rid)
    props = resource.get("Properties") if isinstance(resource, dict) else None
    return props if isinstance(props, dict) else {}


def _versions_of(template: dict[str, Any], function_id: str) -> list[str]:
    return [
        rid for rid, r in template.get("Resources", {}).items()
        if isinstance(r, dict) and r.get("Type") == VERSION_TYPE
        and r.get("Properties", {}).get("FunctionName") == {"Ref": function_id}
    ]


def sam_description(base: Any, value: str) -> Any:
    """SAM's Description for a function whose Description (parameters resolved) is `base`."""
    if base is _MISSING or base is None or base == "":
        return value
    if isinstance(base, str):
        return f"{base} {value}"
    return {"Fn::Join": [" ", [base, value]]}


def _unappend(description: Any, own: Any) -> Any:
    """The Description SAM started from, given its output for the original with the user's own value."""
    if own is _MISSING:
        return description
    if description == own:
        return _MISSING
    if isinstance(description, str) and isinstance(own, str) and description.endswith(" " + own):
        return description[: -len(own) - 1]
    if isinstance(description, dict) and list(description) == ["Fn::Join"]:
        separator, items = description["Fn::Join"]
        if separator == " " and isinstance(items, list) and len(items) == 2 and items[1] == own:
            return items[0]
    raise ValueError(f"SAM's Description {json.dumps(description)} does not end with the template's {NAME}")


def _rename(value: Any, old: str, new: str) -> Any:
    if isinstance(value, list):
        return [_rename(v, old, new) for v in value]
    if isinstance(value, str):
        return value.replace("${" + old + ".", "${" + new + ".").replace("${" + old + "}", "${" + new + "}")
    if not isinstance(value, dict):
        return value
    if list(value) == ["Ref"] and value["Ref"] == old:
        return {"Ref": new}
    if list(value) == ["Fn::GetAtt"]:
        target = value["Fn::GetAtt"]
        if isinstance(target, list) and target and target[0] == old:
            return {"Fn::GetAtt": [new, *target[1:]]}
        if isinstance(target, str) and target.startswith(old + "."):
            return {"Fn::GetAtt": new + target[len(old):]}
    return {(new if k == old else k): _rename(v, old, new) for k, v in value.items()}


def steer(
    before: dict[str, Any], after: dict[str, Any], macro_output: dict[str, Any], original: dict[str, Any],
    parameters: dict[str, Any],
) -> tuple[dict[str, Any], set[str], list[str], list[str]]:
    """SAM's output for the original with the macro's AutoPublishCodeSha256 applied, the version ids SAM
    now names after the macro's hash, problems and notes. `parameters`: the values SAM resolved with."""
    expected, steered, problems, notes = copy.deepcopy(before), set(), [], []
    for function_id in list(macro_output.get("Resources", {})):
        value = _props(macro_output, function_id).get(NAME, _MISSING)
        own = _props(original, function_id).get(NAME, _MISSING)
        if isinstance(own, dict) and list(own) == ["Ref"] and own["Ref"] in parameters:
            own = parameters[own["Ref"]]  # SAM resolves a Ref to a parameter, and only that
        if value is _MISSING or value == own:
            continue
        where = f"Resources.{function_id}.Properties.{NAME}"
        if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{10}", value):
            problems.append(f"{where}: the macro set {json.dumps(value)}; it may only set its own 10-character hash")
            continue
        old_ids, new_id = _versions_of(before, function_id), f"{function_id}Version{value}"
        if len(old_ids) != 1:
            problems.append(f"{where}: the macro set it, but SAM publishes no version of {function_id} for the original "
                            "template (no AutoPublishAlias), so it changes nothing SAM versions")
            continue
        if new_id not in _versions_of(after, function_id):
            problems.append(f"{where}: SAM did not name its version {new_id} after the macro's value")
            continue
        try:
            base = _unappend(_props(before, function_id).get("Description", _MISSING), own)
        except ValueError as error:
            problems.append(f"Resources.{function_id}.Properties.Description: {error}")
            continue
        expected = _rename(expected, old_ids[0], new_id)
        _props(expected, function_id)["Description"] = sam_description(base, value)
        given = _props(macro_output, function_id).get("VersionDescription", _MISSING)
        written = _props(original, function_id).get("VersionDescription", _MISSING)
        if written is not _MISSING:
            if given != written:
                problems.append(f"Resources.{function_id}.Properties.VersionDescription: the user's value was changed to {json.dumps(given)}")
                continue
        elif given is not _MISSING:
            # Without the user's own, the macro's text says what was hashed; SAM copies it onto its version.
            if not isinstance(given, str) or not given.startswith(f"VersioningMacro {value}: "):
                problems.append(f"Resources.{function_id}.Properties.VersionDescription: the macro set {json.dumps(given)}; "
                                f"it may only set \"VersioningMacro {value}: ...\"")
                continue
            expected["Resources"][new_id].setdefault("Properties", {})["Description"] = given
        steered.add(new_id)
        notes.append(f"Resources.{function_id}: SAM's version {old_ids[0]} is {new_id} after the macro ({NAME} {value})")
    return expected, steered, problems, notes
