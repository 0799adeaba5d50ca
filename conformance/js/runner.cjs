// The JavaScript side of conformance.JS: the AWS SDK for JavaScript v3
// against an endpoint, one call per line of stdin, one answer per line of
// stdout, in order.
//
// A call is {"service": "ssm"|"secretsmanager"|"sts", "op": "GetParameter",
// "input": {...}}: the SDK's input with blobs as {"$blob": "<base64>"} and
// timestamps as {"$date": <epoch seconds>}. The answer is {"output": {...}}
// (the command's output without $metadata: timestamps as epoch seconds,
// blobs as base64, as on the AWS JSON wire) or {"error": {"api": true,
// "code", "message", "status"}} for a service error (api false for any
// other failure).
//
// Environment: FAKEAWS_JS_MODULES (the folder holding node_modules with
// @aws-sdk/client-ssm, -secrets-manager and -sts), FAKEAWS_ENDPOINT,
// AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.
'use strict';

const path = require('node:path');
const readline = require('node:readline');
const { createRequire } = require('node:module');

const load = createRequire(path.join(process.env.FAKEAWS_JS_MODULES, 'package.json'));
const config = {
  region: process.env.AWS_REGION,
  endpoint: process.env.FAKEAWS_ENDPOINT,
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
  },
  maxAttempts: 1,
};
const packages = {
  ssm: ['@aws-sdk/client-ssm', 'SSMClient'],
  secretsmanager: ['@aws-sdk/client-secrets-manager', 'SecretsManagerClient'],
  sts: ['@aws-sdk/client-sts', 'STSClient'],
};
const clients = {};

function client(service) {
  if (!clients[service]) {
    const p = packages[service];
    if (!p) throw new Error(`unknown service ${service}`);
    const mod = load(p[0]);
    clients[service] = { mod, client: new mod[p[1]](config) };
  }
  return clients[service];
}

function revive(_key, v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if (typeof v.$blob === 'string') return new Uint8Array(Buffer.from(v.$blob, 'base64'));
    if (typeof v.$date === 'number') return new Date(v.$date * 1000);
  }
  return v;
}

function plain(v) {
  if (v instanceof Date) return v.getTime() / 1000;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === '$metadata' || x === undefined) continue;
      out[k] = plain(x);
    }
    return out;
  }
  return v;
}

async function run(line) {
  const call = JSON.parse(line, revive);
  const { mod, client: c } = client(call.service);
  const Command = mod[`${call.op}Command`];
  if (!Command) throw new Error(`${call.service} has no command ${call.op}Command`);
  try {
    return { output: plain(await c.send(new Command(call.input || {}))) };
  } catch (e) {
    const api = typeof e.$fault === 'string' && e.$metadata !== undefined;
    return {
      error: {
        api,
        code: e.name,
        message: e.message,
        status: e.$metadata ? e.$metadata.httpStatusCode : undefined,
        detail: api ? undefined : String(e.stack || e),
      },
    };
  }
}

(async () => {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let answer;
    try {
      answer = await run(line);
    } catch (e) {
      answer = { error: { api: false, code: 'RunnerError', message: String(e && e.message), detail: String(e && e.stack) } };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
})();
