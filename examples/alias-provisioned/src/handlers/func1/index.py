"""Func1: answers with a greeting for the name in the event."""

import json


def handler(event, context):
    name = (event or {}).get("name", "world")
    return {"statusCode": 200, "body": json.dumps({"message": f"Hello, {name}!"})}
