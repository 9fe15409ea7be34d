using static MacroVersioning.Tests.References.ReferenceTemplates;

namespace MacroVersioning.Tests.References;

/// <summary>
/// SPEC §3, references, one row per referenced type: a change that replaces the resource (its name or
/// ARN, which the function gets, changes) re-ids exactly the function that names it; a change Lambda
/// cannot see (tags, policies, a property updated behind a stable name) re-ids no function.
/// </summary>
public sealed class ReferenceHashRulesTests
{
    private const string Env = """{ "Environment": { "Variables": { "TARGET": %s } } }""";

    public static TheoryData<string, string, string, string, bool> Rows() => new()
    {
        // name, resource R, what User sets (%s in Env is the reference), change to R, whether User gets a new id
        { "DynamoDB::Table TableName (replacement)", Table, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "TableName": "orders-v2" }""", true },
        { "DynamoDB::Table KeySchema (conditional replacement)", Table, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "KeySchema": [{ "AttributeName": "sk", "KeyType": "HASH" }], "AttributeDefinitions": [{ "AttributeName": "sk", "AttributeType": "S" }] }""", true },
        { "DynamoDB::Table BillingMode and Tags (in place)", Table, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "BillingMode": "PROVISIONED", "Tags": [{ "Key": "team", "Value": "b" }] }""", false },
        { "DynamoDB::Table TableName from a parameter value", """{ "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": { "Ref": "TableName" } } }""", Env.Replace("%s", """{ "Ref": "R" }"""), """{ "TableName": { "Fn::Sub": "${TableName}-v2" } }""", true },
        { "IAM::Role Path (replacement)", Role, """{ "Role": { "Fn::GetAtt": ["R", "Arn"] } }""", """{ "Path": "/app/" }""", true },
        { "IAM::Role RoleName (replacement)", Role, """{ "Role": { "Fn::GetAtt": "R.Arn" } }""", """{ "RoleName": "app-role" }""", true },
        { "IAM::Role policies (in place)", Role, """{ "Role": { "Fn::GetAtt": ["R", "Arn"] } }""", """{ "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"], "MaxSessionDuration": 7200 }""", false },
        { "SQS::Queue QueueName (replacement)", Queue, """{ "DeadLetterQueue": { "Type": "SQS", "TargetArn": { "Fn::GetAtt": ["R", "Arn"] } } }""", """{ "QueueName": "dlq-v2" }""", true },
        { "SQS::Queue VisibilityTimeout (in place)", Queue, """{ "DeadLetterQueue": { "Type": "SQS", "TargetArn": { "Fn::GetAtt": ["R", "Arn"] } } }""", """{ "VisibilityTimeout": 60 }""", false },
        { "SNS::Topic TopicName (replacement)", Topic, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "TopicName": "events-v2" }""", true },
        { "SNS::Topic DisplayName (in place)", Topic, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "DisplayName": "Events" }""", false },
        { "S3::Bucket BucketName through Fn::Sub (replacement)", Bucket, Env.Replace("%s", """{ "Fn::Sub": "arn:aws:s3:::${R}/*" }"""), """{ "BucketName": "assets-v2" }""", true },
        { "S3::Bucket versioning through Fn::Sub (in place)", Bucket, Env.Replace("%s", """{ "Fn::Sub": "arn:aws:s3:::${R}/*" }"""), """{ "VersioningConfiguration": { "Status": "Enabled" } }""", false },
        { "EC2::Subnet CidrBlock (replacement)", Subnet, """{ "VpcConfig": { "SubnetIds": [{ "Ref": "R" }], "SecurityGroupIds": ["sg-1"] } }""", """{ "CidrBlock": "10.0.1.0/24" }""", true },
        { "EC2::Subnet MapPublicIpOnLaunch (in place)", Subnet, """{ "VpcConfig": { "SubnetIds": [{ "Ref": "R" }], "SecurityGroupIds": ["sg-1"] } }""", """{ "MapPublicIpOnLaunch": true }""", false },
        { "EC2::SecurityGroup GroupDescription via GroupId (replacement)", SecurityGroup, """{ "VpcConfig": { "SubnetIds": ["subnet-1"], "SecurityGroupIds": [{ "Fn::GetAtt": ["R", "GroupId"] }] } }""", """{ "GroupDescription": "app v2" }""", true },
        { "EC2::SecurityGroup ingress via GroupId (in place)", SecurityGroup, """{ "VpcConfig": { "SubnetIds": ["subnet-1"], "SecurityGroupIds": [{ "Fn::GetAtt": ["R", "GroupId"] }] } }""", """{ "SecurityGroupIngress": [{ "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "10.0.0.0/8" }] }""", false },
        { "Logs::LogGroup LogGroupName (replacement)", LogGroup, """{ "LoggingConfig": { "LogGroup": { "Ref": "R" } } }""", """{ "LogGroupName": "/app/v2" }""", true },
        { "Logs::LogGroup RetentionInDays (in place)", LogGroup, """{ "LoggingConfig": { "LogGroup": { "Ref": "R" } } }""", """{ "RetentionInDays": 30 }""", false },
        { "SecretsManager::Secret Name (replacement)", Secret, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Name": "app/v2" }""", true },
        { "SecretsManager::Secret Description (in place)", Secret, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Description": "rotated" }""", false },
        { "StepFunctions::StateMachine StateMachineName (replacement)", StateMachine, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "StateMachineName": "flow-v2" }""", true },
        { "StepFunctions::StateMachine definition (in place)", StateMachine, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "DefinitionString": "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\",\"End\":true}}}" }""", false },
        { "Kinesis::Stream Name (replacement)", Stream, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Arn"] }"""), """{ "Name": "clicks-v2" }""", true },
        { "Kinesis::Stream RetentionPeriodHours (in place)", Stream, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Arn"] }"""), """{ "RetentionPeriodHours": 48 }""", false },
        { "Events::EventBus Name (replacement)", EventBus, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Name": "bus-v2" }""", true },
        { "Events::EventBus Description (in place)", EventBus, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Description": "orders bus" }""", false },
        { "SSM::Parameter Name (replacement)", Parameter, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Name": "/app/v2" }""", true },
        { "SSM::Parameter Value behind Ref (the name does not change)", Parameter, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Value": "other" }""", false },
        { "SSM::Parameter Value behind GetAtt Value (not an identifier: all properties)", Parameter, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Value"] }"""), """{ "Value": "other" }""", true },
        { "SSM::Parameter Tags behind GetAtt Value", Parameter, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Value"] }"""), """{ "Tags": { "team": "b" } }""", false },
        { "DynamoDB::Table StreamSpecification behind GetAtt StreamArn (a new stream)", Table, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "StreamArn"] }"""), """{ "StreamSpecification": { "StreamViewType": "KEYS_ONLY" } }""", true },
        { "EFS::AccessPoint RootDirectory (replacement)", AccessPoint, """{ "FileSystemConfigs": [{ "Arn": { "Fn::GetAtt": ["R", "Arn"] }, "LocalMountPath": "/mnt/data" }] }""", """{ "RootDirectory": { "Path": "/data-v2" } }""", true },
        { "EFS::AccessPoint AccessPointTags (in place)", AccessPoint, """{ "FileSystemConfigs": [{ "Arn": { "Fn::GetAtt": ["R", "Arn"] }, "LocalMountPath": "/mnt/data" }] }""", """{ "AccessPointTags": [{ "Key": "team", "Value": "b" }] }""", false },
        { "Serverless::SimpleTable PrimaryKey (replacement)", SimpleTable, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "PrimaryKey": { "Name": "sk", "Type": "String" } }""", true },
        { "Serverless::SimpleTable SSESpecification (in place)", SimpleTable, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "SSESpecification": { "SSEEnabled": true } }""", false },
        { "Serverless::StateMachine Name (replacement)", SamStateMachine, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Name": "flow-v2" }""", true },
        { "Serverless::StateMachine Definition (in place)", SamStateMachine, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Definition": { "StartAt": "B", "States": { "B": { "Type": "Pass", "End": true } } } }""", false },
        { "Serverless::Function FunctionName (replacement)", SamFunction, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Arn"] }"""), """{ "FunctionName": "worker-v2" }""", true },
        { "Serverless::Function MemorySize (in place)", SamFunction, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Arn"] }"""), """{ "MemorySize": 1024 }""", false },
        { "Serverless::Function behind Ref R.Version (its version changes with it)", SamFunction, Env.Replace("%s", """{ "Ref": "R.Version" }"""), """{ "MemorySize": 1024 }""", true },
        { "Serverless::Function Tags behind Ref R.Version", SamFunction, Env.Replace("%s", """{ "Ref": "R.Version" }"""), """{ "Tags": { "team": "b" } }""", false },
        { "CloudFormation::Stack TemplateURL behind Outputs.X", Stack, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Outputs.TableName"] }"""), """{ "TemplateURL": "https://s3.amazonaws.com/bucket/nested-v2.yaml" }""", true },
        { "CloudFormation::Stack Parameters behind Outputs.X", Stack, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Outputs.TableName"] }"""), """{ "Parameters": { "Stage": "prod" } }""", true },
        { "CloudFormation::Stack Tags behind Outputs.X", Stack, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Outputs.TableName"] }"""), """{ "Tags": [{ "Key": "team", "Value": "b" }] }""", false },
        { "Serverless::Application Location behind Outputs.X", Application, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Outputs.QueueUrl"] }"""), """{ "Location": "https://s3.amazonaws.com/bucket/app-v2.yaml" }""", true },
        { "Custom resource: any property", Custom, Env.Replace("%s", """{ "Fn::GetAtt": ["R", "Endpoint"] }"""), """{ "Size": "large" }""", true },
        { "Custom resource: a Ref too (its provider decides replacement)", Custom, Env.Replace("%s", """{ "Ref": "R" }"""), """{ "Size": "large" }""", true },
        { "Sub variable defined in the Sub's own map is not the resource", Table, Env.Replace("%s", """{ "Fn::Sub": ["${R}-x", { "R": { "Fn::ImportValue": "other" } }] }"""), """{ "TableName": "orders-v2" }""", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_change_to_a_referenced_resource_re_ids_the_function_exactly_when_Lambda_gets_a_new_value(
        string name, string resource, string userProperties, string change, bool reIds)
    {
        var before = Template(resource, userProperties);
        var after = Changed(before, "R", change);

        var idsBefore = Ids(before);
        var idsAfter = Ids(after);

        idsAfter["Bystander"].Should().Be(idsBefore["Bystander"], because: "{0} reaches no function that does not name R", name);
        if (reIds)
        {
            idsAfter["User"].Should().NotBe(idsBefore["User"], because: "{0} changes the value User gets", name);
        }
        else
        {
            idsAfter["User"].Should().Be(idsBefore["User"], because: "{0} changes nothing User gets", name);
        }
    }

    private const string Table = """{ "Type": "AWS::DynamoDB::Table", "Properties": { "TableName": "orders", "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{ "AttributeName": "pk", "KeyType": "HASH" }], "AttributeDefinitions": [{ "AttributeName": "pk", "AttributeType": "S" }] } }""";
    private const string Role = """{ "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": "sts:AssumeRole" }] } } }""";
    private const string Queue = """{ "Type": "AWS::SQS::Queue", "Properties": { "QueueName": "dlq", "MessageRetentionPeriod": 1209600 } }""";
    private const string Topic = """{ "Type": "AWS::SNS::Topic", "Properties": { "TopicName": "events" } }""";
    private const string Bucket = """{ "Type": "AWS::S3::Bucket", "Properties": { "BucketName": "assets" } }""";
    private const string Subnet = """{ "Type": "AWS::EC2::Subnet", "Properties": { "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/24" } }""";
    private const string SecurityGroup = """{ "Type": "AWS::EC2::SecurityGroup", "Properties": { "GroupDescription": "app", "VpcId": "vpc-1" } }""";
    private const string LogGroup = """{ "Type": "AWS::Logs::LogGroup", "Properties": { "LogGroupName": "/app", "RetentionInDays": 7 } }""";
    private const string Secret = """{ "Type": "AWS::SecretsManager::Secret", "Properties": { "Name": "app", "GenerateSecretString": {} } }""";
    private const string StateMachine = """{ "Type": "AWS::StepFunctions::StateMachine", "Properties": { "StateMachineName": "flow", "RoleArn": "arn:aws:iam::123456789012:role/sfn", "DefinitionString": "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}" } }""";
    private const string Stream = """{ "Type": "AWS::Kinesis::Stream", "Properties": { "Name": "clicks", "ShardCount": 1 } }""";
    private const string EventBus = """{ "Type": "AWS::Events::EventBus", "Properties": { "Name": "bus" } }""";
    private const string Parameter = """{ "Type": "AWS::SSM::Parameter", "Properties": { "Name": "/app/config", "Type": "String", "Value": "one" } }""";
    private const string AccessPoint = """{ "Type": "AWS::EFS::AccessPoint", "Properties": { "FileSystemId": "fs-1", "RootDirectory": { "Path": "/data" } } }""";
    private const string SimpleTable = """{ "Type": "AWS::Serverless::SimpleTable", "Properties": { "PrimaryKey": { "Name": "id", "Type": "String" } } }""";
    private const string SamStateMachine = """{ "Type": "AWS::Serverless::StateMachine", "Properties": { "Name": "flow", "Definition": { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } } } }""";
    private const string SamFunction = """{ "Type": "AWS::Serverless::Function", "Properties": { "CodeUri": "s3://bucket/worker.zip", "Handler": "app.worker", "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/app", "MemorySize": 256, "Tags": { "team": "a" } } }""";
    private const string Stack = """{ "Type": "AWS::CloudFormation::Stack", "Properties": { "TemplateURL": "https://s3.amazonaws.com/bucket/nested.yaml", "Parameters": { "Stage": "dev" } } }""";
    private const string Application = """{ "Type": "AWS::Serverless::Application", "Properties": { "Location": "https://s3.amazonaws.com/bucket/app.yaml" } }""";
    private const string Custom = """{ "Type": "Custom::Endpoint", "Properties": { "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:provider", "Size": "small" } }""";
}
