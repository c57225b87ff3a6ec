/** What a readiness check looked at. */
export const ReadinessKind = {
  Command: 'command',
  Environment: 'environment',
  Service: 'service',
  Declaration: 'declaration',
} as const;
export type ReadinessKind = (typeof ReadinessKind)[keyof typeof ReadinessKind];

/** How a readiness check ended: `missing` when something is absent, `failed` when it is there but does not answer. */
export const ReadinessStatus = { Ok: 'ok', Missing: 'missing', Failed: 'failed' } as const;
export type ReadinessStatus = (typeof ReadinessStatus)[keyof typeof ReadinessStatus];

/** One line of pipeline-status.yaml. */
export interface ReadinessCheck {
  name: string;
  kind: ReadinessKind;
  status: ReadinessStatus;
  detail: string;
  durationMs: number;
}
