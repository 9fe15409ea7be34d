"""Handler packaged by hand and uploaded to S3 for ZipFunction."""

import json


def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"message": "hello from S3"})}
