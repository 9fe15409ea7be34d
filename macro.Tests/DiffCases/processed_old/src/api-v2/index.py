def handler(event, context):
    return "api v2"
