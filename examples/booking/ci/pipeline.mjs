// The booking example's CI/CD pipelines, offline: Kairos runs this command when an event calls for a
// pipeline (planning/pipeline.yaml, pipelines:). It gets the triggering event as a CloudEvent on stdin
// and KAIROS_PIPELINE, KAIROS_IDEMPOTENCY_KEY, KAIROS_VERSION_TAG, KAIROS_SPRINT_ID,
// KAIROS_MILESTONE_ID in its environment. A real pipeline would build and push an image tagged
// KAIROS_VERSION_TAG or deploy it; this one writes what it would do:
//   node ci/pipeline.mjs build           → builds/<sprintId>.json
//   node ci/pipeline.mjs deploy staging  → deployments/staging.json
// A delivery it has seen (same idempotency key: a retry, or a re-run after a crash) changes nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [action, environment] = process.argv.slice(2);
const env = process.env;
let input = '';
for await (const chunk of process.stdin) input += chunk;
const event = JSON.parse(input);

const record = {
  pipeline: env.KAIROS_PIPELINE,
  idempotencyKey: env.KAIROS_IDEMPOTENCY_KEY,
  image: env.KAIROS_VERSION_TAG ?? null,
  milestoneImage: env.KAIROS_MILESTONE_VERSION_TAG ?? null,
  triggeredBy: { type: event.type, id: event.id, subject: event.subject },
  traceId: event.traceid,
};
const file = action === 'deploy' ? `deployments/${environment ?? 'staging'}.json` : `builds/${env.KAIROS_SPRINT_ID ?? 'unknown'}.json`;
if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).idempotencyKey === record.idempotencyKey) {
  console.log(`${file}: already done for ${record.idempotencyKey}`);
  process.exit(0);
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
console.log(`${action === 'deploy' ? `deployed ${record.milestoneImage} to ${environment}` : `built ${record.image}`} (${file})`);
