"""Func2: adds up the numbers in the event."""

import json


def handler(event, context):
    numbers = (event or {}).get("numbers", [])
    return {"statusCode": 200, "body": json.dumps({"sum": sum(numbers)})}
