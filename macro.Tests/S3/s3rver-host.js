// Runs s3rver on 127.0.0.1 for the tests and the benchmark, and keeps a log of the requests it
// received (GET /__requests, cleared by DELETE /__requests) so callers can count reads server-side
// and see the Range and If-Match headers they carried.
// Usage: node s3rver-host.js DATA_DIR [BUCKET...]   (s3rver found through NODE_PATH)
'use strict';

const http = require('http');
const S3rver = require('s3rver');

const [directory, ...buckets] = process.argv.slice(2);
const app = new S3rver({
  directory,
  silent: true,
  configureBuckets: buckets.map(name => ({ name, configs: [] })),
});
const handle = app.callback();
let requests = [];

const server = http.createServer((req, res) => {
  if (req.url === '/__requests') {
    if (req.method === 'DELETE') {
      requests = [];
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(requests));
    return;
  }
  requests.push({
    method: req.method,
    url: req.url,
    range: req.headers['range'] || null,
    ifMatch: req.headers['if-match'] || null,
  });
  handle(req, res);
});

app
  .configureBuckets()
  .then(() => server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`)))
  .catch(err => {
    console.error(err);
    process.exit(1);
  });

// Exit with the parent: the test run closes stdin when it stops the server (or dies).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
