// Runs s3rver on 127.0.0.1 for the tests and the benchmark, and keeps a log of the requests it
// received (GET /__requests, cleared by DELETE /__requests) so callers can count reads server-side
// and see the Range and If-Match headers they carried.
// s3rver 3.7.1 answers every versioning call NotImplemented and ignores versionId, so buckets named
// as versioned get a thin emulation here: each PUT stores a new version (returned in
// x-amz-version-id), a HEAD or GET with ?versionId= reads that version, one without reads the latest.
// Usage: node s3rver-host.js DATA_DIR [BUCKET | --versioned=BUCKET ...]   (s3rver found through NODE_PATH)
'use strict';

const crypto = require('crypto');
const http = require('http');
const S3rver = require('s3rver');

const [directory, ...names] = process.argv.slice(2);
const versioned = new Set(names.filter(n => n.startsWith('--versioned=')).map(n => n.slice('--versioned='.length)));
const buckets = names.map(n => n.replace(/^--versioned=/, ''));
const latest = new Map(); // "bucket/key" -> version id of the newest PUT
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
  routeVersion(req, res);
  handle(req, res);
});

// Each version of a key in a versioned bucket is stored by s3rver as its own object, KEY@@VERSION.
function routeVersion(req, res) {
  const url = new URL(req.url, 'http://host');
  const [, bucket, ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  if (!versioned.has(bucket) || key === '' || !['GET', 'HEAD', 'PUT'].includes(req.method)) {
    return;
  }
  let version = url.searchParams.get('versionId');
  if (req.method === 'PUT') {
    version = crypto.randomBytes(24).toString('base64url');
    latest.set(`${bucket}/${key}`, version);
  } else if (version === null) {
    version = latest.get(`${bucket}/${key}`) || 'null';
  }
  res.setHeader('x-amz-version-id', version);
  req.url = `/${bucket}/${encodeURIComponent(`${key}@@${version}`)}`;
}

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
