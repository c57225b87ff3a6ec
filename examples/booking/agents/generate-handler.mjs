// The booking example's developer agent (role backend-developer; skills GenerateHandler, EmitEvent,
// CommitCode). executor: { type: command, command: [node, agents/generate-handler.mjs] } — see
// README.md, "Agents run as commands". Node 20 built-ins only.
//
// The default sprint machine activates backend-developer in Active and RetryPhase, so this agent
// does every feature of a sprint, by the kind planning/features.yaml gives it (agentRoles):
//   - code (backend-developer): a handler `src/<featureId>.mjs` and its node:test suite
//     `test/<featureId>.test.mjs`;
//   - tests only (test-generator/qa, no backend-developer): a flow or edge-case suite
//     `test/<featureId>.test.mjs` over the handler of the feature it dependsOn; an edge-case suite
//     also reports its resilience score (ValidationPassed, the share of its resilience cases passing);
//   - documentation: runs agents/write-docs.mjs for the document, then writes a small checker
//     `src/docs/<featureId>.mjs` and a test that proves the acceptance criterion on the document.
// Each feature's files are committed to the workspace's own git repository (`git init` if it has
// none) on a branch `feature/<sprintId>/<featureId>` merged with a merge commit (a local pull
// request), with the spec's commit tags `[trace:<traceId> sprint:<sprintId> feature:<featureId>]`;
// its suite runs with `node --test`, writing JUnit XML to `reports/<featureId>/junit.xml` and lcov to
// `coverage/<featureId>/lcov.info` (the files features.yaml names for the qa-validator). It reports
// ArtifactProduced, PullRequestCreated/Merged, FeatureStatusChanged completed when the suite passes,
// and BlueprintValidated when every feature of the execution did.
//
// Security, as the spec's RetryPhase shows it: the first handlers (sprint-1) have no security, so
// the policy validator's audit fails and the sprint goes to RetryPhase. There this agent reads
// execution/<sprintId>/security/security-audit.json, writes `src/security.mjs` (CSP headers, rate
// limiting, HS256 JWT verification with node:crypto, trace spans with the access_denied and
// token_expired templates), puts the sprint's handlers behind it, commits, reruns the tests and
// reports PatchEmitted (RetryPhase → Active → Verifying). Later handlers use the module at once.
//
// Deliberately flaky, to show automatic retries: a feature in KAIROS_FLAKY_FEATURES (default
// `Notification.Send`) fails the first attempt of its Active execution (an execution id without
// `@<attempt>` or `~<retry>`); Kairos runs it again (agents.yaml retry.skillRetryCount) and the
// second attempt succeeds. Keyed on the execution id, never on a file, so a run killed at any point
// and started again fails and recovers exactly as an uninterrupted one. KAIROS_FLAKY_FEATURES= turns it off.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const input = readFileSync(0, 'utf8');
const context = JSON.parse(input || '{}');
const workspace = context.workspace ?? process.cwd();
const traceId = context.traceId ?? process.env.KAIROS_TRACE_ID ?? 'trace-unknown';
const sprintId = context.sprintId ?? process.env.KAIROS_SPRINT_ID ?? 'sprint-unknown';
const state = context.currentState ?? process.env.KAIROS_CURRENT_STATE ?? 'Active';
const executionId = context.executionId ?? process.env.KAIROS_EXECUTION_ID ?? '';
const features = context.features ?? (process.env.KAIROS_FEATURES ?? '').split(',').filter(Boolean);

const say = (type, data = {}, featureId) => console.log(JSON.stringify(featureId ? { type, data, featureId } : { type, data }));

/** `Booking.Aggregate` → `BookingAggregate`. */
const pascal = (id) => id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function write(path, text) {
  const full = join(workspace, path);
  mkdirSync(dirname(full), { recursive: true });
  if (existsSync(full) && readFileSync(full, 'utf8') === text) return false;
  writeFileSync(full, text);
  return true;
}

/** The backlog, read line by line (the flat `- featureId:` / `  key: value` form of planning/features.yaml). */
function backlog() {
  const items = new Map();
  let item;
  for (const line of readFileSync(join(workspace, 'planning', 'features.yaml'), 'utf8').split('\n')) {
    const start = /^- featureId:\s*(\S+)/.exec(line);
    if (start) items.set(start[1], (item = { featureId: start[1], agentRoles: [], dependsOn: [] }));
    const field = /^ {2}(title|module|agentRoles|dependsOn):\s*(.+?)\s*$/.exec(line);
    if (!field || item === undefined) continue;
    if (field[1] === 'agentRoles' || field[1] === 'dependsOn') item[field[1]] = field[2].replace(/[[\]]/g, '').split(',').map((s) => s.trim()).filter(Boolean);
    else item[field[1]] = field[2];
  }
  return items;
}

function kindOf(item) {
  if (item?.agentRoles.includes('documentation')) return 'docs';
  if (item !== undefined && item.agentRoles.length > 0 && !item.agentRoles.includes('backend-developer')) return 'tests';
  return 'code';
}

// ---------------------------------------------------------------------------------------------
// Sources

const securityModule = `// Security middleware of the booking services — written by agents/generate-handler.mjs in answer to
// the security audit (execution/<sprintId>/security/security-audit.json).
// trace: ${traceId}
// Node built-ins only: CSP and hardening headers, a fixed-window rate limiter, HS256 JWT
// verification with node:crypto HMAC, and a tiny OpenTelemetry-style tracer (startActiveSpan)
// whose security span templates are access_denied and token_expired.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Sent with every response. */
export const securityHeaders = Object.freeze({
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/** JWT validation is on for every secured handler; there is no switch to turn it off. */
export const jwtValidationEnabled = true;

/** Span names the security events are recorded under. */
export const spanTemplates = Object.freeze({ accessDenied: 'access_denied', tokenExpired: 'token_expired' });

/** A tracer in the OpenTelemetry shape: startActiveSpan(name, fn) runs fn with the span, then ends it. */
export function createTracer(serviceName) {
  const finished = [];
  return {
    serviceName,
    finished,
    startActiveSpan(name, fn) {
      const span = { name, attributes: {}, ended: false, setAttribute(key, value) { this.attributes[key] = value; }, end() { this.ended = true; finished.push(this); } };
      try {
        return fn(span);
      } finally {
        if (!span.ended) span.end();
      }
    },
  };
}

/** Fixed-window rate limiting per client: at most \`limit\` requests per \`windowMs\`. */
export function createRateLimiter({ limit = 100, windowMs = 60_000, now = Date.now } = {}) {
  const windows = new Map();
  return (client) => {
    const at = now();
    const current = windows.get(client);
    if (current === undefined || at - current.start >= windowMs) {
      windows.set(client, { start: at, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= limit;
  };
}

const base64url = (buffer) => Buffer.from(buffer).toString('base64url');

/** Signs an HS256 JWT (tests and the login handler use it). */
export function signToken(payload, secret) {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(\`\${head}.\${body}\`).digest('base64url');
  return \`\${head}.\${body}.\${signature}\`;
}

/** The JWT verifier: HS256 only, signature checked in constant time, expiry always enforced. */
export const jwt = {
  verify(token, secret, nowSeconds = Math.floor(Date.now() / 1000)) {
    const parts = String(token).split('.');
    if (parts.length !== 3) return { ok: false, reason: spanTemplates.accessDenied };
    const [head, body, signature] = parts;
    let header;
    let claims;
    try {
      header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: spanTemplates.accessDenied };
    }
    const expected = createHmac('sha256', secret).update(\`\${head}.\${body}\`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (header.alg !== 'HS256' || given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: spanTemplates.accessDenied };
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: spanTemplates.tokenExpired };
    return { ok: true, claims };
  },
};

/**
 * Wraps a domain handler as an HTTP-style handler: rate limit, bearer JWT verification, a trace
 * span per request, the security headers on every response.
 */
export function secure(name, handler, { secret = process.env.BOOKING_JWT_SECRET, tracer = createTracer(name), limiter = createRateLimiter() } = {}) {
  if (!secret) throw new Error(\`\${name}: BOOKING_JWT_SECRET is not set\`);
  const respond = (status, body) => ({ status, headers: { ...securityHeaders }, body });
  const secured = (request) =>
    tracer.startActiveSpan(\`\${name}.handle\`, (span) => {
      if (!limiter(request.client ?? 'anonymous')) {
        span.setAttribute('security.event', 'rate_limited');
        return respond(429, { error: 'too many requests' });
      }
      const match = /^Bearer (.+)$/.exec(request.headers?.authorization ?? '');
      const verdict = match ? jwt.verify(match[1], secret) : { ok: false, reason: spanTemplates.accessDenied };
      if (!verdict.ok) {
        span.setAttribute('security.event', verdict.reason);
        return tracer.startActiveSpan(verdict.reason, () => respond(401, { error: verdict.reason }));
      }
      try {
        return respond(201, handler(request.body));
      } catch (error) {
        span.setAttribute('error', error.message);
        return respond(400, { error: error.message });
      }
    });
  secured.tracer = tracer;
  return secured;
}
`;

function handlerSource(featureId, secured) {
  const name = pascal(featureId);
  return `// ${name}Handler — generated by agents/generate-handler.mjs
// feature: ${featureId}
// sprint: ${sprintId}
// trace: ${traceId}
${secured ? "import { secure } from './security.mjs';\n" : ''}export const featureId = ${JSON.stringify(featureId)};
export const traceId = ${JSON.stringify(traceId)};

/** Handles a ${featureId} command: validates it and returns the domain event it causes. */
export function handle${name}(command) {
  if (command === null || typeof command !== 'object') throw new TypeError('${name}: command must be an object');
  if (typeof command.id !== 'string' || command.id === '') throw new TypeError('${name}: command.id is required');
  if (command.date !== undefined && Number.isNaN(Date.parse(command.date))) throw new RangeError('${name}: command.date is not a date');
  return { type: '${name}Handled', featureId, traceId, id: command.id, date: command.date ?? null };
}
${secured ? `
/** The handler as an endpoint: rate limited, bearer JWT verified, traced, with the security headers. */
export const endpoint = (options) => secure('${name}', handle${name}, options);
` : ''}`;
}

/** The suite of one handler: its domain rules, and (secured) every path through the security middleware. */
function suiteSource(suite, featureId, secured, extra = '') {
  const name = pascal(featureId);
  return `// Tests of ${suite} — generated by agents/generate-handler.mjs
// feature: ${suite}
// trace: ${traceId}
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { handle${name}, featureId, traceId${secured ? ', endpoint' : ''} } from '../src/${featureId}.mjs';
${secured ? "import { signToken, createRateLimiter, createTracer, jwt, securityHeaders } from '../src/security.mjs';\n" : ''}
// One suite per feature: Node's JUnit reporter writes a <testsuite> only for a describe().
describe('${suite}', () => {
  test('${suite} handles a valid command', () => {
    const event = handle${name}({ id: 'b-1', date: '2025-05-16' });
    assert.deepEqual(event, { type: '${name}Handled', featureId, traceId, id: 'b-1', date: '2025-05-16' });
    assert.equal(handle${name}({ id: 'b-0' }).date, null);
  });

  test('${suite} refuses a command that is not an object', () => {
    assert.throws(() => handle${name}(null), TypeError);
  });

  test('${suite} refuses a command without an id', () => {
    assert.throws(() => handle${name}({ date: '2025-05-16' }), TypeError);
  });

  test('${suite} refuses a date that is not a date', () => {
    assert.throws(() => handle${name}({ id: 'b-2', date: 'someday' }), RangeError);
  });
${secured ? securedTests(suite) : ''}${extra}});
`;
}

function securedTests(suite) {
  return `
  const secret = 'unit-test-key';
  const hour = () => Math.floor(Date.now() / 1000) + 3600;
  const bearer = (claims) => ({ authorization: \`Bearer \${signToken(claims, secret)}\` });
  const body = { id: 'b-3', date: '2025-05-16' };

  test('${suite} answers 201 with the CSP header and a trace span for a valid token', () => {
    const tracer = createTracer('test');
    const response = endpoint({ secret, tracer })({ client: 'c1', headers: bearer({ sub: 'alice', exp: hour() }), body });
    assert.equal(response.status, 201);
    assert.equal(response.headers['Content-Security-Policy'], securityHeaders['Content-Security-Policy']);
    assert.deepEqual(tracer.finished.map((span) => span.name), [\`\${tracer.finished[0].name}\`]);
  });

  test('${suite} refuses a request without a token (access_denied)', () => {
    const tracer = createTracer('test');
    const response = endpoint({ secret, tracer })({ headers: {}, body });
    assert.deepEqual([response.status, response.body.error], [401, 'access_denied']);
    assert.ok(tracer.finished.some((span) => span.name === 'access_denied'));
  });

  test('${suite} refuses an expired token (token_expired)', () => {
    const response = endpoint({ secret })({ headers: bearer({ sub: 'alice', exp: 1 }), body });
    assert.deepEqual([response.status, response.body.error], [401, 'token_expired']);
  });

  test('${suite} refuses a token signed with another key, malformed or not HS256', () => {
    assert.equal(endpoint({ secret })({ headers: { authorization: \`Bearer \${signToken({ exp: hour() }, 'other')}\` }, body }).status, 401);
    assert.deepEqual(jwt.verify('a.b', secret), { ok: false, reason: 'access_denied' });
    assert.deepEqual(jwt.verify('%%%.%%%.%%%', secret), { ok: false, reason: 'access_denied' });
    const none = \`\${Buffer.from('{"alg":"none"}').toString('base64url')}.\${Buffer.from('{}').toString('base64url')}.\`;
    assert.deepEqual(jwt.verify(none, secret), { ok: false, reason: 'access_denied' });
  });

  test('${suite} rate limits a client (429), then lets it in again in a new window', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: () => now });
    const call = endpoint({ secret, limiter });
    const request = { client: 'c2', headers: bearer({ sub: 'alice', exp: hour() }), body };
    assert.equal(call(request).status, 201);
    assert.equal(call(request).status, 429);
    now = 1000;
    assert.equal(call(request).status, 201);
    assert.equal(createRateLimiter()('anyone'), true);
  });

  test('${suite} answers 400 for an invalid command, and needs a signing key', () => {
    assert.equal(endpoint({ secret })({ headers: bearer({ sub: 'alice', exp: hour() }), body: { date: 'x' } }).status, 400);
    const saved = process.env.BOOKING_JWT_SECRET;
    delete process.env.BOOKING_JWT_SECRET;
    assert.throws(() => endpoint(), /BOOKING_JWT_SECRET/);
    if (saved !== undefined) process.env.BOOKING_JWT_SECRET = saved;
  });
`;
}

/** Extra cases of a tests-only feature: flow, or edge cases with resilience (retries of a bounced delivery). */
function flowTests(suite, target) {
  const name = pascal(target);
  return `
  test('${suite} resilience: a bounced delivery is retried at most three times', () => {
    let attempts = 0;
    const deliver = () => { attempts += 1; return handle${name}(attempts < 3 ? null : { id: 'n-1' }); };
    let result;
    for (let i = 0; i < 3 && result === undefined; i++) { try { result = deliver(); } catch {} }
    assert.equal(attempts, 3);
    assert.equal(result.id, 'n-1');
  });

  test('${suite} resilience: the same command handled twice gives the same event', () => {
    assert.deepEqual(handle${name}({ id: 'n-2' }), handle${name}({ id: 'n-2' }));
  });
`;
}

// ---------------------------------------------------------------------------------------------
// Git

function git(...args) {
  return execFileSync('git', args, { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The workspace's own repository: never the one a workspace folder happens to sit inside. */
function ensureRepository() {
  if (!existsSync(join(workspace, '.git'))) {
    git('init', '--quiet');
    writeFileSync(join(workspace, '.gitignore'), '.kairos/\nnode_modules/\n');
  }
  git('config', 'user.name', 'Kairos Backend Developer Agent');
  git('config', 'user.email', 'backend-developer@agents.kairos.local');
  git('config', 'commit.gpgsign', 'false');
  if (spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: workspace }).status !== 0) {
    git('commit', '--quiet', '--allow-empty', '-m', `Initial commit [trace:${traceId} sprint:${sprintId}]`);
  }
}

/** One writer at a time in the repository (sprints may be Active together); stale after 60 s. */
function withGitLock(fn) {
  const lock = join(workspace, '.git', 'kairos-agent.lock');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile: try again.
      }
      if (Date.now() > deadline) throw new Error(`git lock ${lock} held for more than 60 s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Commits the feature's files on its branch `feature/<sprintId>/<featureId>` and merges that branch
 * into the current branch with a merge commit (a local pull request: no checkout, so the working tree
 * of the workspace is never switched under another sprint's agent). Nothing changed: no commit, and
 * the feature's last commits are reported again.
 */
function commit(featureId, paths, subject) {
  return withGitLock(() => {
    const branch = `feature/${sprintId}/${featureId}`;
    const tags = `[trace:${traceId} sprint:${sprintId} feature:${featureId}]`;
    const message = `${subject} ${tags}`;
    git('add', '--', ...paths);
    const staged = spawnSync('git', ['diff', '--cached', '--quiet', 'HEAD', '--', ...paths], { cwd: workspace });
    if (staged.status === 0) {
      const sha = git('log', '-1', '--no-merges', '--format=%H', '--', ...paths);
      const merge = git('log', '-1', '--merges', '--format=%H', '--', ...paths) || sha;
      return { sha, merge, branch, message, committed: false };
    }
    const tree = git('write-tree');
    const sha = git('commit-tree', tree, '-p', 'HEAD', '-m', message);
    git('branch', '-f', branch, sha);
    const merge = git('commit-tree', tree, '-p', 'HEAD', '-p', sha, '-m', `Merge ${branch} ${tags}`);
    git('update-ref', '-m', `merge ${branch}`, 'HEAD', merge);
    return { sha, merge, branch, message, committed: true };
  });
}

function runTests(featureId, testPath) {
  const junit = `reports/${featureId}/junit.xml`;
  const lcov = `coverage/${featureId}/lcov.info`;
  for (const path of [junit, lcov]) mkdirSync(dirname(join(workspace, path)), { recursive: true });
  const run = spawnSync(
    process.execPath,
    ['--test', '--experimental-test-coverage', '--test-reporter=junit', `--test-reporter-destination=${junit}`, '--test-reporter=lcov', `--test-reporter-destination=${lcov}`, testPath],
    { cwd: workspace, encoding: 'utf8', timeout: 60_000 },
  );
  return { junit, lcov, passed: run.status === 0, detail: (run.stderr || run.stdout || '').slice(-500) };
}

/** Runs agents/write-docs.mjs for one document feature; its reports, or why it could not. */
function writeDocs(featureId) {
  const run = spawnSync(process.execPath, [join(workspace, 'agents', 'write-docs.mjs')], { cwd: workspace, encoding: 'utf8', input: JSON.stringify({ ...context, features: [featureId], featureId }), timeout: 60_000 });
  const reports = (run.stdout ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { ok: run.status === 0, reports, detail: (run.stderr || '').trim() };
}

/** The checker of a document and the test of its acceptance criterion. */
const docChecks = {
  SwaggerUI: {
    checker: `// Serves the Swagger UI and lists the endpoints the OpenAPI document describes.
import { readFileSync } from 'node:fs';
export const listedEndpoints = (openapi) => Object.keys(openapi.paths ?? {}).sort();
export function swaggerRoute(root = '.') {
  return { status: 200, headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': "default-src 'self'" }, body: readFileSync(\`\${root}/docs/swagger/index.html\`, 'utf8') };
}
`,
    test: `  test('SwaggerUI: /swagger lists every booking endpoint', () => {
    const openapi = JSON.parse(readFileSync('docs/swagger/openapi.json', 'utf8'));
    const handlers = readdirSync('src').filter((f) => /^Booking.*\\.mjs$/.test(f)).map((f) => f.replace(/\\.mjs$/, ''));
    const operations = Object.values(openapi.paths).map((path) => path.post.operationId).sort();
    assert.deepEqual(operations, handlers.sort());
    const page = checker.swaggerRoute('.');
    assert.equal(page.status, 200);
    for (const endpoint of checker.listedEndpoints(openapi)) assert.ok(page.body.includes(endpoint), endpoint);
  });
`,
  },
  Diagrams: {
    checker: `// Reads the services a Mermaid flowchart declares.
export const servicesIn = (mermaid) => [...mermaid.matchAll(/^ {2}(\\w+)\\[/gm)].map((m) => m[1]).sort();
`,
    test: `  test('Diagrams: diagrams/booking-context.mmd shows every service of the MVP', () => {
    const modules = [...new Set([...readFileSync('planning/features.yaml', 'utf8').matchAll(/^ {2}module: (\\S+)/gm)].map((m) => m[1]))].sort();
    assert.deepEqual(checker.servicesIn(readFileSync('diagrams/booking-context.mmd', 'utf8')), modules);
  });
`,
  },
  ReleaseNotes: {
    checker: `// Reads the features release notes list.
export const featuresListed = (markdown) => [...markdown.matchAll(/^- \\*\\*([^*]+)\\*\\*/gm)].map((m) => m[1]).sort();
`,
    test: `  test('ReleaseNotes: the release notes list every feature delivered and every feature deferred', () => {
    const backlog = [...readFileSync('planning/features.yaml', 'utf8').matchAll(/^- featureId: (\\S+)/gm)].map((m) => m[1]).sort();
    assert.deepEqual(checker.featuresListed(readFileSync('docs/release-notes.md', 'utf8')), backlog);
  });
`,
  },
};

function docTestSource(featureId) {
  return `// Tests of ${featureId} — generated by agents/generate-handler.mjs
// feature: ${featureId}
// trace: ${traceId}
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as checker from '../src/docs/${featureId}.mjs';

describe('${featureId}', () => {
${docChecks[featureId].test}});
`;
}

// ---------------------------------------------------------------------------------------------
// The work

function isFirstAttemptOf(featureId) {
  const flaky = (process.env.KAIROS_FLAKY_FEATURES ?? 'Notification.Send').split(',').map((s) => s.trim());
  return flaky.includes(featureId) && state === 'Active' && !/[@~]\d+$/.test(executionId) && !/[@~]\d+:/.test(executionId);
}

/** In RetryPhase: the failed checks of the sprint's latest security audit (empty when it passed or is absent). */
function auditFindings() {
  const path = join(workspace, 'execution', sprintId, 'security', 'security-audit.json');
  if (!existsSync(path)) return [];
  const audit = JSON.parse(readFileSync(path, 'utf8'));
  return audit.status === 'NonCompliant' ? [...new Set((audit.issues ?? []).map((issue) => issue.check))] : [];
}

const items = backlog();
const findings = state === 'RetryPhase' ? auditFindings() : [];
const secured = findings.length > 0 || existsSync(join(workspace, 'src', 'security.mjs'));
const failures = [];
const passed = [];
const patched = [];
ensureRepository();
if (secured && write('src/security.mjs', securityModule)) patched.push('src/security.mjs');

for (const featureId of features) {
  if (isFirstAttemptOf(featureId)) {
    failures.push(`${featureId}: simulated flaky failure (first attempt of ${executionId}; the next attempt succeeds)`);
    continue;
  }
  const item = items.get(featureId);
  const kind = kindOf(item);
  const testPath = `test/${featureId}.test.mjs`;
  let paths;
  let subject;
  if (kind === 'docs') {
    if (!docChecks[featureId]) {
      failures.push(`${featureId}: no document writer for this feature`);
      continue;
    }
    const docs = writeDocs(featureId);
    if (!docs.ok) {
      failures.push(docs.detail || `${featureId}: agents/write-docs.mjs failed`);
      continue;
    }
    const checker = `src/docs/${featureId}.mjs`;
    write(checker, `// ${featureId} checker — generated by agents/generate-handler.mjs (trace ${traceId})\n${docChecks[featureId].checker}`);
    write(testPath, docTestSource(featureId));
    paths = [...docs.reports.filter((r) => r.type === 'ArtifactProduced').map((r) => r.data.path), checker, testPath];
    subject = `Add ${pascal(featureId)} docs`;
  } else if (kind === 'tests') {
    const target = item.dependsOn[0];
    if (target === undefined || !existsSync(join(workspace, 'src', `${target}.mjs`))) {
      failures.push(`${featureId}: the handler it tests (src/${target}.mjs) is not there yet`);
      continue;
    }
    write(testPath, suiteSource(featureId, target, secured, flowTests(featureId, target)));
    paths = [testPath];
    subject = `Add ${pascal(featureId)}`;
  } else {
    const source = `src/${featureId}.mjs`;
    const changed = write(source, handlerSource(featureId, secured));
    write(testPath, suiteSource(featureId, featureId, secured));
    if (changed && findings.length > 0) patched.push(source);
    paths = [...(secured ? ['src/security.mjs'] : []), source, testPath];
    subject = findings.length > 0 ? `Secure ${pascal(featureId)}Handler (${findings.join(', ')})` : `Add ${pascal(featureId)}Handler`;
  }
  const { sha, merge, branch, message, committed } = commit(featureId, paths, subject);
  const commitRef = { sha, message };
  for (const path of paths) say('ArtifactProduced', { path, kind: path.startsWith('test/') ? 'test' : kind === 'docs' && !path.startsWith('src/') ? 'documentation' : 'code', commit: commitRef, committed }, featureId);
  const pullRequest = { id: branch, branch, title: message, commits: [sha] };
  say('PullRequestCreated', pullRequest, featureId);
  say('PullRequestMerged', { ...pullRequest, mergeCommit: merge }, featureId);
  const tests = runTests(featureId, testPath);
  say('ArtifactProduced', { path: tests.junit, kind: 'test-report', commit: sha }, featureId);
  say('ArtifactProduced', { path: tests.lcov, kind: 'coverage-report', commit: sha }, featureId);
  if (!tests.passed) {
    failures.push(`${featureId}: tests failed in ${testPath}: ${tests.detail}`);
    continue;
  }
  passed.push(featureId);
  if (kind === 'tests' && /EdgeCase/.test(featureId)) {
    const junit = readFileSync(join(workspace, tests.junit), 'utf8');
    const cases = [...junit.matchAll(/<testcase [^>]*name="([^"]*resilience[^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
    const ok = cases.filter((m) => !/<failure/.test(m[3] ?? '')).length;
    if (cases.length > 0) say('ValidationPassed', { validation: 'resilience', resilienceScore: Math.round((100 * ok) / cases.length), cases: cases.length, report: tests.junit }, featureId);
  }
  say('FeatureStatusChanged', { status: 'completed', commit: sha }, featureId);
}

// The blueprint of this example: every feature is one module with its own passing test suite,
// committed and merged. Validated only when every feature of the execution meets it.
if (features.length > 0 && passed.length === features.length) {
  say('BlueprintValidated', { blueprintId: 'booking-handler-per-feature', version: '1', valid: true, features: passed });
}
// RetryPhase: the patch answers the audit (or, after a failed gate, the regenerated and retested work).
if (state === 'RetryPhase' && failures.length === 0) {
  say('PatchEmitted', { sprintId, fixes: findings, files: patched, reason: findings.length > 0 ? `security audit: ${findings.join(', ')}` : 'regenerated and retested' });
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
