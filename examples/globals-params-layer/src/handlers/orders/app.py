"""OrdersFunction: accepts an order; the token is used, never logged or returned."""

import json
import os

from shared import logger, stage

LOG = logger(__name__)


def handler(event, context):
    order = (event or {}).get("order", {})
    has_token = bool(os.environ.get("API_TOKEN"))
    LOG.info("order received in %s (token configured: %s)", stage(), has_token)
    return {"statusCode": 202, "body": json.dumps({"accepted": order, "stage": stage()})}
