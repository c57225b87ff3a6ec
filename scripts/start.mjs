// npm start: after the build, runs the booking example end to end, offline, and shows the
// interesting parts:
//   1. create demo/ (unless it exists), validate it, and `kairos run --until idle`: the agents write
//      handlers, tests and documents and commit them to demo/'s own git repository; sprint-1 fails its
//      security audit and is patched in RetryPhase; Notification.Send's agent fails once and is
//      retried by Kairos; milestones mvp-foundation, mvp-core and mvp-qa complete;
//   2. the release sprint (sprint-5) waits in Ready for an approval: dave (no user here) may not give
//      it, alice (the product owner) does, and the run goes on;
//   3. sprint-5 waits for a person (ReleaseNotes needs the product owner's highlights):
//      `kairos status --sprint sprint-5` and execution/sprint-5/recovery-plan.yaml;
//   4. the person acts: writes demo/docs/release-highlights.md and runs `kairos retry`; another
//      `kairos run --until idle` finishes sprint-5; mvp-ready, under a deployment freeze, waits for
//      alice's approval of the release, then completes;
//   5. the repository's history, then `kairos replay --verify` and `kairos verify`.
//   6. CI/CD: the version tags computed from the plan, the pipelines the events ran (builds, the
//      staging deployment mvp-core's trigger asks for), and each completed milestone's signed
//      release, checked by `kairos verify-release`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = fileURLToPath(new URL('../demo', import.meta.url));
const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
let failed = 0;

function heading(text) {
  console.log(`\n=== ${text}`);
}

/**
 * Runs kairos; stops on a failure unless `keepGoing` (the end still reports it). `expectFailure`:
 * the command is shown being refused, which is what should happen.
 */
function kairos(args, { keepGoing = false, quiet = false, expectFailure = false } = {}) {
  console.log(`\n$ kairos ${args.map((a) => (/[\s()]/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const { status, stdout } = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (expectFailure) {
    if (status === 0) failed = 1;
    return stdout;
  }
  if (status !== 0 && !keepGoing) process.exit(status ?? 1);
  if (status !== 0) failed = status ?? 1;
  return stdout;
}

function sprintState(sprintId) {
  const { stdout } = spawnSync(process.execPath, [cli, 'status', '-w', 'demo', '--sprint', sprintId, '--json'], { cwd: root, encoding: 'utf8' });
  try {
    return JSON.parse(stdout).state;
  } catch {
    return undefined;
  }
}

/** Does the milestone wait for an approval (a deployment freeze)? What `kairos status` says decides. */
function milestoneWaitsForApproval(milestoneId) {
  const { stdout } = spawnSync(process.execPath, [cli, 'status', '-w', 'demo'], { cwd: root, encoding: 'utf8' });
  return new RegExp(`^\\s*${milestoneId}\\s.*waiting for an approval`, 'm').test(stdout);
}

heading('1. the booking example, driven until nothing more can happen without a person');
if (!existsSync(demo)) kairos(['init', 'demo', '--example', 'booking']);
kairos(['validate', '-w', 'demo']);
kairos(['run', '-w', 'demo', '--until', 'idle']);

if (sprintState('sprint-5') === 'Ready') {
  heading('2. the release sprint waits for its approval; the product owner gives it');
  kairos(['status', '-w', 'demo', '--sprint', 'sprint-5']);
  kairos(['approve', '-w', 'demo', 'sprint-5', '--as', 'dave'], { expectFailure: true });
  kairos(['approve', '-w', 'demo', 'sprint-5', '--as', 'alice', '--reason', 'release scope agreed']);
  kairos(['run', '-w', 'demo', '--until', 'idle']);
}

const highlights = `${demo}/docs/release-highlights.md`;
if (sprintState('sprint-5') !== 'Closed' && !existsSync(highlights)) {
  heading('3. sprint-5 waits for a person');
  kairos(['status', '-w', 'demo', '--sprint', 'sprint-5']);
  const plan = `${demo}/execution/sprint-5/recovery-plan.yaml`;
  if (existsSync(plan)) {
    console.log('\n$ cat demo/execution/sprint-5/recovery-plan.yaml');
    process.stdout.write(readFileSync(plan, 'utf8'));
  }

  heading('4. the product owner writes the release highlights and asks for a retry; Kairos finishes');
  const text = 'Customers book appointments online and receive a confirmation email; every endpoint sends a CSP header, is rate limited, verifies JWT bearer tokens and is traced.\n';
  console.log(`\n$ cat > demo/docs/release-highlights.md <<'EOF'\n${text}EOF`);
  writeFileSync(highlights, text);
  kairos(['retry', '-w', 'demo', 'sprint-5', '--feature', 'ReleaseNotes', '--by', 'alice', '--reason', 'release highlights written (docs/release-highlights.md)']);
  kairos(['run', '-w', 'demo', '--until', 'idle']);
}

if (milestoneWaitsForApproval('mvp-ready')) {
  heading('4b. mvp-ready is under a deployment freeze: its gates passed, the product owner releases it');
  kairos(['approve', '-w', 'demo', 'mvp-ready', '--as', 'alice', '--reason', 'release window open']);
  kairos(['run', '-w', 'demo', '--until', 'idle']);
}

heading('5. what the agents committed, and the log checked');
console.log('\n$ git -C demo log --oneline --first-parent -8');
spawnSync('git', ['-C', demo, 'log', '--oneline', '--first-parent', '-8'], { stdio: 'inherit' });
kairos(['replay', '-w', 'demo', '--verify'], { keepGoing: true });
kairos(['verify', '-w', 'demo'], { keepGoing: true });

heading('6. CI/CD: version tags, the pipelines the events ran, and the signed releases');
kairos(['version-tag', '-w', 'demo']);
const deployment = `${demo}/deployments/staging.json`;
if (existsSync(deployment)) {
  console.log('\n$ cat demo/deployments/staging.json');
  process.stdout.write(readFileSync(deployment, 'utf8'));
}
for (const milestone of existsSync(`${demo}/releases`) ? readdirSync(`${demo}/releases`).sort() : []) {
  kairos(['verify-release', `demo/releases/${milestone}`], { keepGoing: true });
}
process.exit(failed);
