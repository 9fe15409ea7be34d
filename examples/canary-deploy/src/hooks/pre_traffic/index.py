"""CodeDeploy BeforeAllowTraffic hook: smoke-test the new code, then report to CodeDeploy.

The function's $LATEST holds the code and configuration of the version being deployed (CloudFormation
updates the function before SAM's alias is shifted), so invoking it tests what the canary will get.
"""
import os

import boto3

codedeploy = boto3.client("codedeploy")
lambda_client = boto3.client("lambda")


def handler(event, context):
    status = "Succeeded"
    try:
        response = lambda_client.invoke(FunctionName=os.environ["TARGET_FUNCTION"], Payload=b"{}")
        if response.get("FunctionError") or response["StatusCode"] != 200:
            status = "Failed"
    except Exception as error:  # any failure of the smoke test stops the deployment
        print(f"smoke test failed: {error}")
        status = "Failed"
    codedeploy.put_lifecycle_event_hook_execution_status(
        deploymentId=event["DeploymentId"],
        lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
        status=status,
    )
    return status
