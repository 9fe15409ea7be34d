"""The S3 version pins the macro may add, in SAM's output.

In content mode, for a code location in a versioned bucket that names no version, the macro adds the
version it hashed: SAM turns it into `S3ObjectVersion` in an `AWS::Lambda::Function`'s `Code` or an
`AWS::Lambda::LayerVersion`'s `Content`. A SAM layer is also renamed by it, since SAM names its
LayerVersion after a hash of the layer's properties, `ContentUri` included (translator 1.110.0,
`SamLayerVersion._construct_lambda_layer`). Nothing else may differ.
"""

from __future__ import annotations

from typing import Any

LAYER_TYPE = "AWS::Lambda::LayerVersion"
LOCATIONS = {"AWS::Lambda::Function": "Code", LAYER_TYPE: "Content"}
VERSION = "S3ObjectVersion"
# SAM appends 10 hex characters of its hash to a layer's logical id.
SAM_LAYER_HASH = 10


def unpin(before: Any, after: Any) -> tuple[dict[str, Any], str] | None:
    """`after` with the pin removed, and the pinned version, when `after` is `before` plus a pin in its
    code location; None when there is no such pin."""
    if not isinstance(before, dict) or not isinstance(after, dict) or before.get("Type") != after.get("Type"):
        return None
    prop = LOCATIONS.get(after.get("Type", ""))
    old = before.get("Properties", {}).get(prop) if prop else None
    new = after.get("Properties", {}).get(prop) if prop else None
    if not isinstance(old, dict) or not isinstance(new, dict) or VERSION in old or not isinstance(new.get(VERSION), str):
        return None
    location = {k: v for k, v in new.items() if k != VERSION}
    return {**after, "Properties": {**after["Properties"], prop: location}}, new[VERSION]


def renamed_layers(old: dict[str, Any], new: dict[str, Any]) -> dict[str, str]:
    """SAM layers that a pin renamed (old id -> new id): same SAM logical id, equal but for the pin."""
    gone = [r for r in old if r not in new and isinstance(old[r], dict) and old[r].get("Type") == LAYER_TYPE]
    added = [r for r in new if r not in old and isinstance(new[r], dict) and new[r].get("Type") == LAYER_TYPE]
    pairs: dict[str, str] = {}
    for old_id in gone:
        for new_id in added:
            if new_id in pairs.values() or old_id[:-SAM_LAYER_HASH] != new_id[:-SAM_LAYER_HASH]:
                continue
            unpinned = unpin(old[old_id], new[new_id])
            if unpinned is not None and unpinned[0] == old[old_id]:
                pairs[old_id] = new_id
                break
    return pairs


def is_renamed_reference(before: Any, after: Any, renamed: dict[str, str]) -> bool:
    """`Ref` or `Fn::GetAtt` of a renamed layer, now naming its new id."""
    if not renamed or not isinstance(before, dict) or not isinstance(after, dict) or list(before) != list(after) or len(before) != 1:
        return False
    if "Ref" in before and isinstance(before["Ref"], str):
        return renamed.get(before["Ref"]) == after["Ref"]
    if "Fn::GetAtt" in before and isinstance(before["Fn::GetAtt"], list) and isinstance(after["Fn::GetAtt"], list):
        old, new = before["Fn::GetAtt"], after["Fn::GetAtt"]
        return len(old) == 2 == len(new) and isinstance(old[0], str) and renamed.get(old[0]) == new[0] and old[1] == new[1]
    return False
