// npm start: after the build, runs the booking example as far as Kairos goes today:
// create demo/ (unless it exists), validate it, record its plan in the embedded log, print the log.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

function kairos(...args) {
  console.log(`\n$ kairos ${args.join(' ')}`);
  const { status } = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

if (!existsSync(new URL('../demo', import.meta.url))) kairos('init', 'demo', '--example', 'booking');
kairos('validate', '-w', 'demo');
kairos('plan', '-w', 'demo');
kairos('events', '-w', 'demo');
kairos('verify', '-w', 'demo');
