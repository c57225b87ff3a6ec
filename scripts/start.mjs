// npm start: after the build, runs the booking example as far as Kairos goes today:
// create demo/ (unless it exists), validate it, record its plan, drive its sprints and milestones
// until nothing more can happen without outside input, show where they stand, check the log.
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
kairos('run', '-w', 'demo', '--until', 'idle');
kairos('status', '-w', 'demo', '--sprint', 'sprint-1');
kairos('replay', '-w', 'demo', '--verify');
kairos('verify', '-w', 'demo');
