namespace MacroVersioning.Cli;

/// <summary>The text of <c>--help</c>, <c>transform --help</c>, <c>diff --help</c> and <c>invoke --help</c>.</summary>
internal static class HelpText
{
    public const string ShortUsage =
        """
        usage: VersioningMacro transform TEMPLATE [options]   (see: transform --help)
               VersioningMacro diff OLD NEW [options]         (see: diff --help)
               VersioningMacro invoke EVENT.json [options]    (see: invoke --help)
               VersioningMacro prune FUNCTION --keep N [options] (see: prune --help)
               VersioningMacro --help
        """;

    public static string For(string? command) => command switch
    {
        "transform" => Transform,
        "diff" => Diff,
        "invoke" => Invoke,
        "prune" => Prune,
        _ => Overview,
    };

    private const string ExitCodeText =
        """
        Exit codes:
          0    success
          1    the template (or macro request) was rejected: every problem is on stderr, one per line
               (Resources.<Id>.<path>: message), or the run failed
          2    usage error: unknown command or option, missing or unreadable file, bad --param,
               a --param the template does not declare, a parameter without Default and no --param,
               a parameter value outside its AllowedValues, AllowedPattern, length or number limits
          130  interrupted (Ctrl-C)
        """;

    private static readonly string Overview =
        $$"""
        VersioningMacro: gives every AWS SAM / Lambda function in a CloudFormation template a
        content-hashed AWS::Lambda::Version, locally, with the same core as the deployed macro.

        {{ShortUsage}}

        Commands:
          transform TEMPLATE   preview what the macro does to a template (JSON or YAML, local CodeUri
                               folders allowed) and print the template that comes out
          diff OLD NEW         which functions a deployment of NEW gives a new version, and which
                               hashed inputs changed (exit 1 when any function changes)
          invoke EVENT.json    run exactly what the Lambda runs on a macro request event and print the
                               response
          prune FUNCTION       delete a function's old versions published by the macro, keeping the
                               newest N and every version something still uses

        {{ExitCodeText}}
        """;

    private static readonly string Transform =
        $$"""
        usage: VersioningMacro transform TEMPLATE [--param Key=Value]... [--region R] [--account A]
                 [--code-identity content|location] [--format json|yaml] [-o OUT]
                 [--s3-endpoint URL] [--hash-key-file FILE] [--service-token ARN]
                 [--emit-event FILE]

        Reads TEMPLATE (JSON or CloudFormation YAML with short-form tags such as !Ref, !GetAtt, !Sub;
        detected by content), builds the request CloudFormation would send the macro (parameter
        Defaults applied, list parameters split, the VersioningMacro Transform entry's Parameters as
        settings), runs the macro, and prints the resulting template.

        What is printed (stdout, or OUT with -o): the macro's output with the template's other
        transforms put back in its Transform section, as CloudFormation hands it to the next
        transform; e.g. Transform: [VersioningMacro, AWS::Serverless-2016-10-31] comes out as
        Transform: AWS::Serverless-2016-10-31, ready for sam or cfn-lint. JSON is indented by 2
        spaces; YAML uses short-form tags where exact.
        On stderr: progress, then one line per function (its new version id and what was hashed, or
        why it was skipped), or one line per problem. NoEcho parameter values are never printed.

        Options:
          --param Key=Value        value of template parameter Key (repeatable); parameters without
                                   --param take their Default
          --region R               region of the request (default: {{TransformRequest.DefaultRegion}}); S3 code is read there
          --account A              12-digit account id of the request (default: {{TransformRequest.DefaultAccountId}})
          --code-identity MODE     content: hash the S3 object's bytes (its SHA-256, Lambda's CodeSha256)
                                   location: hash bucket/key/version only, no S3 call
                                   (default: the template's CodeIdentity setting, else content)
          --format json|yaml       output format (default: json)
          -o, --output OUT         write the template to OUT instead of stdout, atomically; a run
                                   that fails removes an OUT left by an earlier run
          --s3-endpoint URL        S3-compatible endpoint, path-style (e.g. http://127.0.0.1:4568);
                                   requests are signed with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
                                   when set, else unsigned (without it: the AWS default chain)
          --hash-key-file FILE     key for hashing NoEcho values (FILE's text, trailing newlines dropped); without the flag the
                                   {{HashKeySource.EnvironmentVariable}} environment variable is used, as in the
                                   Lambda; with neither, a NoEcho value in hashed configuration is an error
          --service-token ARN      the macro function's unqualified ARN, written as the ServiceToken of the
                                   KeepVersions prune resources (default: the function macro-template.yaml
                                   deploys, arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:VersioningMacro)
          --emit-event FILE        also write the macro request built (region, accountId, fragment,
                                   transformId, params, requestId, templateParameterValues) to FILE, for
                                   invoke FILE to replay; NoEcho values are in it in clear, as in
                                   CloudFormation's request (the file is created readable by its owner
                                   only); not with --code-identity, which the request cannot carry
          -h, --help               this text

        Local CodeUri / Code / ContentUri paths resolve against TEMPLATE's folder; a folder is hashed by its files'
        relative paths, execute bits and bytes, a .zip/.jar file by its bytes (as Lambda's CodeSha256).
        Macro settings go in the template: the Parameters of the Transform entry named
        VersioningMacro, and each function's Metadata.VersioningMacro (see the README);
        --code-identity overrides the CodeIdentity setting.

        {{ExitCodeText}}
        """;

    private static readonly string Diff =
        $$"""
        usage: VersioningMacro diff OLD NEW [--param Key=Value]... [--old-param Key=Value]...
                 [--region R] [--account A] [--code-identity content|location] [--format text|json]
                 [--s3-endpoint URL] [--hash-key-file FILE]

        Transforms OLD and NEW as transform does (same options, same hash key) and prints, per
        function: new version, unchanged, added, removed or skipped, and under a new version the
        hashed inputs that changed, named as in the template: code bytes, Environment.Variables.TABLE,
        Globals.Function.Timeout (set in Globals), parameter Stage (Environment.Variables.STAGE) (same
        text, another parameter value), layer SharedLayer content, referenced Table (replacement).
        Names only: no value is printed, NoEcho or not.

        OLD may be what `aws cloudformation get-template --stack-name S --query TemplateBody` prints:
        with --template-stage Original, the template as deployed (a YAML body comes as a JSON string;
        both are read); by default CloudFormation returns the Processed stage, after every transform,
        from which only the version ids can be compared (the changed inputs are not named).

        Options: as transform (see transform --help), and:
          --old-param Key=Value    value of parameter Key for OLD only (what the stack was deployed
                                   with); OLD otherwise takes --param values it declares, then Defaults
          --format text|json       output format (default: text); json: {"changed", "counts",
                                   "functions": [{"function", "status", "oldVersion", "newVersion",
                                   "changes", "note"}]}
          -h, --help               this text

        Output: the diff on stdout; progress and problems on stderr.

        Exit codes (as git diff --exit-code):
          0    no function gets a new version, is added or removed, or loses its version
          1    some function does
          2    usage error: unknown option, missing or unreadable file, bad --param
          3    OLD or NEW was rejected (its problems are on stderr), or the run failed
          130  interrupted (Ctrl-C)
        """;

    private static readonly string Invoke =
        $$"""
        usage: VersioningMacro invoke EVENT.json [--s3-endpoint URL] [--hash-key-file FILE]

        Runs the Lambda's own handler on a macro request event ({"region", "accountId", "fragment",
        "transformId", "params", "requestId", "templateParameterValues"}) and prints its response
        ({"requestId", "status", "fragment", "errorMessage"}) as JSON on stdout. Local code paths are
        refused, as in the Lambda: package the template first. The handler's log goes to stderr.
        transform --emit-event FILE writes such an event for a template; with the same --hash-key-file
        and --s3-endpoint, invoke FILE answers with the fragment transform printed.

        Options:
          --s3-endpoint URL        S3-compatible endpoint, path-style, for reading code objects;
                                   requests are signed with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
                                   when set, else unsigned (without it: the AWS default chain)
          --hash-key-file FILE     key for hashing NoEcho values (default: {{HashKeySource.EnvironmentVariable}})
          -h, --help               this text

        Exit codes:
          0    the response has status success
          1    the response has status failure (its errorMessage is on stderr) or no status
          2    usage error: unknown option, missing or unreadable EVENT.json or key file
          130  interrupted (Ctrl-C)
        """;

    private const string Prune =
        """
        usage: VersioningMacro prune FUNCTION --keep N [--dry-run] [--region R] [--endpoint URL]

        Deletes FUNCTION's versions that the macro published (their description starts with
        "VersioningMacro <hash>:") beyond the newest N of them, as the KeepVersions custom resource
        does. Never deleted: $LATEST, versions published any other way, any version an alias points
        to or routes weighted traffic to, versions with provisioned concurrency, versions an event
        source mapping invokes. Prints what it deleted (or would) and why each kept version is kept.
        Credentials: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) when set, else
        the AWS default chain (profile, SSO, instance role).

        Options:
          --keep N                 how many of the macro's newest versions stay (at least 1)
          --dry-run                decide and print, delete nothing
          --region R               the function's region (default: AWS_REGION, then AWS_DEFAULT_REGION)
          --endpoint URL           Lambda API endpoint (default: https://lambda.R.amazonaws.com)
          -h, --help               this text

        Exit codes:
          0    every version chosen was deleted (with --dry-run: the decision was made)
          1    listing failed (nothing was deleted) or a deletion failed (the others went on)
          2    usage error: unknown option, missing FUNCTION or --keep, no region
          130  interrupted (Ctrl-C): deletions stop, the rest are listed as not attempted
        """;
}
