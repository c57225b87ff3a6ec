import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../events/envelope.js';
import { evaluateGates } from '../gates/evaluate-gate.js';
import { parseGateCondition, type GateRef } from '../gates/gate-catalog.js';
import type { EvidenceEvent } from './evidence-event.js';
import { milestoneEvidenceScope, sprintEvidenceScope, type EvidenceScope } from './evidence-scope.js';
import { emptyDictionary, inBatch, noItems } from './read-json.js';
import { collectEvidence, evidenceEventTypes, foldEvidence } from './fold-evidence.js';
import { mergeEvidence } from './merge-evidence.js';
import { joinScope } from './rescope-evidence.js';
import { emptyEvidence, type ScopeEvidence } from './scope-evidence.js';

const featureIds = ['BookingFlow', 'Auth.Login', 'Notification.Email.Send', 'UserSignupFlow', '__proto__', 'constructor'];
const scopes = [
  sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow', 'Auth.Login', '__proto__'] }),
  milestoneEvidenceScope({ id: 'mvp-core', requiredFeatures: ['BookingFlow'], parallelStreams: ['UserSignupFlow', 'hasOwnProperty'], allowsDeferred: true }, [
    { id: 'sprint-3', milestone: 'mvp-core', features: ['Auth.Login'] },
    { id: 'sprint-4', milestone: 'mvp-core', features: [] },
  ]),
];
const allGates: GateRef[] = [
  'allPullRequestsMerged', 'testsPassed', 'testCoverageAbove90', 'blueprintValidated', 'traceMatrixComplete', { resilienceScoreAbove: 85 },
  'noCriticalFindings', 'jwtValidationInPlace', 'spanTemplatesVerified', { traceSpanPolicyCheck: 'pass' }, 'allSprintsClosed', 'allStreamsReady',
  { expr: 'features.all(f, f.coverage != null && f.coverage >= 90) && security.criticalFindings == 0' },
].map((condition) => {
  const parsed = parseGateCondition(condition);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ref;
});

const types = [...evidenceEventTypes, 'GateEvaluated', 'SomethingElse'];
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = (...items: JsonValue[]): fc.Arbitrary<JsonValue> => fc.constantFrom(...items);

/** Values from small pools, so ids collide and records merge. */
const fieldValue: fc.Arbitrary<JsonValue> = fc.oneof(
  pick('BookingFlow', 'Auth.Login', '__proto__', 'a.cs', 'b.cs', 'git:a1b2c3', 'f23f123', '42', 'suite-a', 'UserSignupFlow', 'sprint-3', 'sprint-4', 'mvp-core'),
  pick('Compliant', 'NonCompliant', 'pass', 'fail', 'Passed', 'failed', 'Success', 'critical', 'high', 'deferred', 'Completed', 'in-progress'),
  pick('94%', '84 %', '150%', 'abc', ''),
  fc.integer({ min: -5, max: 120 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(pick('a.cs', 'b.cs', 'git:d4e5f6', 'x', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'), { maxLength: 3 }),
  fc.array(
    fc.record(
      {
        id: pick('BookingFlow', 'Auth.Login', '__proto__'),
        name: pick('t1', 't2'),
        sha: pick('a1', 'b2'),
        message: pick('boom', 'Add x [trace:t1 sprint:sprint-3]'),
        severity: pick('critical', 'low', 'weird'),
        coverage: pick(80, '95%', 'x'),
        passed: fc.boolean(),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<JsonObject>,
    { maxLength: 3 },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
);
const dataKeys = [
  'path', 'artifact', 'output', 'files', 'imageId', 'commit', 'commits', 'status', 'id', 'pullRequestId', 'number', 'branch', 'mergeCommit',
  'tests', 'testFiles', 'suite', 'name', 'passed', 'failed', 'skipped', 'total', 'failures', 'coverage', 'percent', 'features', 'validation',
  'resilienceScore', 'valid', 'blueprintId', 'issues', 'checks', 'jwtValidationEnabled', 'spanTemplatesVerified', 'securitySpanTemplateInjected',
  'traceSpanPolicyCheck', 'policy', 'severity', 'message', 'stream', 'streams', 'reason', 'sprintId', 'featureId', 'milestoneId', 'milestone',
];
const dataArb: fc.Arbitrary<JsonObject> = fc.dictionary(fc.constantFrom(...dataKeys), fieldValue, { maxKeys: 6 });

const shas = pick('git:a1b2c3', 'f23f123', 'a91d3a8', { sha: 'f23f123', message: 'Add handler [trace:t1 sprint:sprint-3]' }, { sha: 'f23f123', message: 'other' });
const percent = pick(84, 90, 95.5, '94%', '150%', 'x');
const some = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });

/** Payloads shaped like each type's, with members left out at random, so most events are usable. */
const typed: Record<string, fc.Arbitrary<JsonObject>> = {
  artifact: fc.record({ path: pick('a.cs', 'b.cs'), files: some(pick('c.cs', 'a.cs')), commits: some(shas), imageId: pick('img:1'), status: pick('Success', 'Failed') }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
  pullRequest: fc.record({ id: pick('42', 43, 'PR-7'), branch: pick('feature/booking/sprint-3', 'b2'), commits: some(shas), mergeCommit: shas }, { requiredKeys: ['id'] }) as fc.Arbitrary<JsonObject>,
  tests: fc.record({ suite: pick('a', 'b'), tests: some(pick('x.feature', 'y.cs')), passed: fc.nat(5), failed: fc.nat(2), skipped: fc.nat(2), failures: some(pick('t1', { name: 't2', message: 'boom' })), status: pick('passed', 'failed'), coverage: percent }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
  coverage: fc.record({ coverage: percent, features: some(fc.record({ id: fc.constantFrom(...featureIds), coverage: percent })) }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
  validation: fc.record({ validation: pick('chaos', 'ci'), resilienceScore: pick(70, 90, '88%', 'bad'), valid: fc.boolean(), blueprintId: pick('booking') }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
  security: fc.record({
    status: pick('Compliant', 'NonCompliant'),
    issues: some(pick('note', { severity: 'critical', message: 'sqli' }, { severity: 'low', message: 'x' })),
    checks: some(pick('TokenValidationMiddlewareConfigured', 'TraceSpansAttached', { name: 'SpanTemplatesVerified', passed: false })),
    jwtValidationEnabled: fc.boolean(),
    securitySpanTemplateInjected: pick(true, ['access_denied'], []),
    traceSpanPolicyCheck: pick('pass', 'fail', true),
    policy: pick('jwtValidationEnabled', 'traceSpans'),
    severity: pick('critical', 'low'),
  }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
  lifecycle: fc.record({ status: pick('Completed', 'deferred', 'inProgress', 'odd'), reason: pick('blocked'), stream: pick('UserSignupFlow', 'hasOwnProperty'), streams: some(pick('UserSignupFlow')) }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
};

/** The payload shape of each type (other types get any shape). */
function shapeOf(type: string): fc.Arbitrary<JsonObject> {
  if (/^Artifact|^AgentExecution/.test(type)) return typed['artifact'] as fc.Arbitrary<JsonObject>;
  if (/^PullRequest/.test(type)) return typed['pullRequest'] as fc.Arbitrary<JsonObject>;
  if (/^Test/.test(type)) return typed['tests'] as fc.Arbitrary<JsonObject>;
  if (type === 'CoverageReported') return typed['coverage'] as fc.Arbitrary<JsonObject>;
  if (type === 'ValidationPassed' || type === 'BlueprintValidated') return typed['validation'] as fc.Arbitrary<JsonObject>;
  if (/^Security/.test(type)) return typed['security'] as fc.Arbitrary<JsonObject>;
  if (/^Sprint|^Feature/.test(type)) return typed['lifecycle'] as fc.Arbitrary<JsonObject>;
  return fc.constantFrom(...Object.values(typed)).chain((arb) => arb);
}

const hotTypes = [
  'ArtifactProduced', 'ArtifactReady', 'PullRequestCreated', 'PullRequestMerged', 'TestRunCompleted', 'TestCasesGenerated', 'CoverageReported',
  'SecurityAuditCompleted', 'SecurityPolicyViolation', 'ValidationPassed', 'BlueprintValidated', 'SprintClosed', 'SprintRewound', 'FeatureDeferred', 'FeatureStatusChanged',
];
const typeAndShape = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...hotTypes) }, { weight: 1, arbitrary: fc.constantFrom(...types) }).chain((type) => fc.record({ type: fc.constant(type), shaped: shapeOf(type) }));

const envelopeArb = fc.record({
  typeAndShape,
  noise: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: dataArb }),
  hostileData: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }),
  sprintId: fc.oneof({ weight: 3, arbitrary: fc.constant('sprint-3') }, { weight: 2, arbitrary: optional(pick('sprint-4', 'sprint-9', '__proto__')) }),
  milestoneId: optional(pick('mvp-core', 'other')),
  featureId: optional(fc.constantFrom(...featureIds)),
  agentId: optional(pick('backend-developer', 'test-generator')),
  streamId: optional(pick('sprint-sprint-3', 'feature-BookingFlow', 'milestone-mvp-core', 'planning')),
  moduleId: optional(pick('UserSignupFlow', 'BookingService')),
}).map(({ typeAndShape: { type, shaped }, noise, hostileData, ...envelope }) => ({
  ...envelope,
  type,
  data: hostileData === undefined ? { ...noise, ...shaped } : (hostileData as JsonObject),
}));

/** A log: distinct ids and positions, as a real log has. */
const logArb = fc.array(envelopeArb, { maxLength: 30 }).map((envelopes) =>
  envelopes.map((envelope, index): EvidenceEvent => {
    const event: Record<string, unknown> = { eventId: `e${index + 1}`, position: index + 1 };
    for (const [key, value] of Object.entries(envelope)) if (value !== undefined) event[key] = value;
    return event as unknown as EvidenceEvent;
  }),
);

describe('foldEvidence (properties)', () => {
  it('is total: any payload of any type folds without throwing, into JSON-safe evidence, and every gate still answers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scopes), logArb, (scope, events) => {
        const evidence = collectEvidence(scope, events);
        expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
        const outcome = evaluateGates(allGates, evidence);
        expect(outcome.results).toHaveLength(allGates.length);
        for (const result of outcome.results) {
          expect(typeof result.reason).toBe('string');
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.reason).not.toMatch(/could not be evaluated/);
          expect(JSON.parse(JSON.stringify(result.evidence))).toEqual(result.evidence);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is total on hostile envelopes too: odd positions, missing ids, non-object data', () => {
    const hostile = fc.record({
      eventId: fc.oneof(fc.string(), fc.constant(undefined)),
      type: fc.oneof(fc.constantFrom(...types), fc.string()),
      position: fc.oneof(fc.integer(), fc.double(), fc.constant(undefined)),
      data: fc.anything(),
      sprintId: fc.oneof(fc.string(), fc.integer(), fc.constant('sprint-3')),
      featureId: fc.oneof(fc.string(), fc.constant(null), fc.constant('BookingFlow')),
    });
    fc.assert(
      fc.property(fc.constantFrom(...scopes), fc.array(hostile, { maxLength: 10 }), (scope, events) => {
        let evidence = emptyEvidence(scope);
        for (const event of events) evidence = foldEvidence(evidence, event as unknown as EvidenceEvent);
        expect(evaluateGates(allGates, evidence).results).toHaveLength(allGates.length);
      }),
    );
  });

  it('never changes an earlier evidence value outside a batch (only a batch changes what it made in place)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scopes), logArb, (scope, events) => {
        const values = [emptyEvidence(scope)];
        const snapshots = [JSON.stringify(values[0])];
        for (const event of events) {
          const next = foldEvidence(values.at(-1) as ScopeEvidence, event);
          values.push(next);
          snapshots.push(JSON.stringify(next));
        }
        expect(values.map((value) => JSON.stringify(value))).toEqual(snapshots);
      }),
      { numRuns: 300 },
    );
  });

  it('folds each event into several scopes in turn (its sprint, then its milestone) as it folds it into each alone, sharing nothing mutable', () => {
    fc.assert(
      fc.property(logArb, (events) => {
        const [sprint, milestone] = scopes as [EvidenceScope, EvidenceScope];
        const alone = [collectEvidence(sprint, events), collectEvidence(milestone, events)];
        const together = inBatch(() => {
          let folded = [emptyEvidence(sprint), emptyEvidence(milestone)];
          for (const event of events) folded = folded.map((evidence) => foldEvidence(evidence, event));
          return folded;
        });
        expect(together).toEqual(alone);
        // What empty evidence starts with is shared by every scope: nothing may have written to it.
        expect(noItems()).toEqual([]);
        expect(Object.keys(emptyDictionary())).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order events arrive in, nor on an event arriving twice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scopes),
        logArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
        fc.nat(),
        (scope, [events, shuffled], duplicate) => {
          const inOrder = collectEvidence(scope, events);
          // One by one outside a batch (every change copies) gives the same as the batch.
          let oneByOne = emptyEvidence(scope);
          const before = JSON.stringify(oneByOne);
          const first = oneByOne;
          for (const event of events) oneByOne = foldEvidence(oneByOne, event);
          expect(oneByOne).toEqual(inOrder);
          expect(JSON.stringify(first)).toBe(before);
          const repeated = events.length === 0 ? [] : [...shuffled, shuffled[duplicate % shuffled.length] as EvidenceEvent];
          const reordered = collectEvidence(scope, repeated);
          expect(reordered).toEqual(inOrder);
          expect(evaluateGates(allGates, reordered)).toEqual(evaluateGates(allGates, inOrder));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('mergeEvidence (properties)', () => {
  const sprintScopes = [sprintEvidenceScope({ id: 'sprint-3', features: ['Auth.Login', '__proto__'] }), sprintEvidenceScope({ id: 'sprint-4', features: ['UserSignupFlow'] })];
  const sprintsPlanned = [
    { id: 'sprint-3', milestone: 'mvp-core', features: ['Auth.Login', '__proto__'] },
    { id: 'sprint-4', milestone: 'mvp-core', features: ['UserSignupFlow'] },
  ];
  const milestoneOf = (parallelStreams: string[], sprints = sprintsPlanned): EvidenceScope =>
    milestoneEvidenceScope({ id: 'mvp-core', requiredFeatures: ['BookingFlow'], parallelStreams, allowsDeferred: true }, sprints);
  /** The milestone's own evidence as the orchestrator starts it: planned before its sprints, which join it one by one. */
  const planned = (parallelStreams: string[]): ScopeEvidence =>
    sprintsPlanned.reduce((evidence, sprint) => joinScope(evidence, [sprint.id], sprint.features), emptyEvidence(milestoneOf(parallelStreams, [])));
  /** The sprint whose evidence takes the event, as the orchestrator folds it (the sprint it names, else the one holding its feature). */
  const sprintOf = (event: EvidenceEvent): EvidenceScope | undefined => sprintScopes.find((scope) => collectEvidence(scope, [event]).lastPosition === event.position);
  const takes = (scope: EvidenceScope, event: EvidenceEvent): boolean => collectEvidence(scope, [event]).lastPosition === event.position;
  /**
   * Left out: events of one of the milestone's sprints that name another milestone. The milestone
   * folds them not, its sprint does, and its view counts them (a sprint's events count for the
   * milestone the sprint is planned for).
   */
  const consistent = (scope: EvidenceScope, events: EvidenceEvent[]): EvidenceEvent[] => events.filter((event) => sprintOf(event) === undefined || takes(scope, event));

  it('merging the sprints\' evidence into the milestone\'s own fold equals folding all their events into the milestone, and changes no input', () => {
    fc.assert(
      fc.property(logArb, fc.boolean(), (log, withStreams) => {
        const milestone = milestoneOf(withStreams ? ['UserSignupFlow', 'hasOwnProperty'] : []);
        const events = consistent(milestone, log);
        const whole = collectEvidence(milestone, events);
        // A milestone with streams folds its sprints' events as well (the streams are its own); without, only the rest.
        const streams = withStreams ? ['UserSignupFlow', 'hasOwnProperty'] : [];
        const own = (withStreams ? events : events.filter((event) => sprintOf(event) === undefined)).reduce(foldEvidence, planned(streams));
        const sprints = sprintScopes.map((scope) => collectEvidence(scope, events));
        const inputs = JSON.stringify([own, sprints]);
        const merged = inBatch(() => mergeEvidence(own, sprints));
        expect(merged).toEqual(whole);
        expect(evaluateGates(allGates, merged)).toEqual(evaluateGates(allGates, whole));
        expect(JSON.stringify([own, sprints])).toBe(inputs);
        expect(mergeEvidence(whole, [])).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});
