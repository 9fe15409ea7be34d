// The runtime API loop of a custom runtime, and nothing else: take the next invocation, post its
// event back as the response. https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
var api = $"http://{Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")}/2018-06-01/runtime/invocation/";
using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
while (true)
{
    using var next = await http.GetAsync(api + "next");
    var requestId = string.Concat(next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id"));
    var body = await next.Content.ReadAsStringAsync();
    using var posted = await http.PostAsync($"{api}{requestId}/response", new StringContent(body));
}
