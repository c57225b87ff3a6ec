import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { detectKind } from '../validation/detect-kind.js';
import { validateText } from '../validation/validate-text.js';
import { normalizeSecurityPolicy } from './normalize-security-policy.js';
import type { SecurityPolicyFile } from './security-policy-schema.js';

const booking = fileURLToPath(new URL('../../../examples/booking/planning/security-policy.yaml', import.meta.url));

describe('security-policy.yaml schema', () => {
  it('validates the booking example clean, its kind told by its content', () => {
    const report = validateText(readFileSync(booking, 'utf8'), 'planning/security-policy.yaml');
    expect(report.kind).toBe('security-policy');
    expect(report.diagnostics).toEqual([]);
  });

  it('tells a policy (checks alone) from an audit (checks of a sprint, with a status)', () => {
    expect(detectKind({ checks: ['CSPHeadersPresent'] }, 'x.yaml')).toBe('security-policy');
    expect(detectKind({ sprintId: 's', status: 'Compliant', issues: [], checks: [] }, 'x.json')).toBe('security-audit');
  });

  it('reports every problem at once, located, with suggestions', () => {
    const text = yaml(
      'checks:',
      '  - CSPHeaderPresent',
      '  - name: Custom',
      '    files: ../elsewhere/**',
      '    mustMatch: ["ok", "(unclosed"]',
      '  - name: NoRule',
      '  - name: Both',
      '    command: npm audit',
      '    mustMatch: x',
      '  - name: Custom',
      '    mustContain: y',
      '    severity: severe',
    );
    expect(validateText(text, 'p.yaml', { kind: 'security-policy' }).diagnostics.map(formatForTest)).toEqual([
      'p.yaml:2:5: error: no built-in check CSPHeaderPresent (did you mean CSPHeadersPresent?); built-in checks are CSPHeadersPresent, RateLimitingEnabled, TokenValidationMiddlewareConfigured, jwtValidation, TraceSpansAttached, spanTemplates, NoHardcodedSecrets, CorsOriginRestricted, or write a rule as a map with a name (at checks[0])',
      'p.yaml:4:12: error: glob ../elsewhere/** leaves the workspace (..) (at checks[1].files)',
      'p.yaml:5:23: error: not a valid regular expression: /(unclosed/: Unterminated group (at checks[1].mustMatch[1])',
      'p.yaml:6:11: error: check NoRule is not a built-in check and has no rule: give mustMatch, mustNotMatch, mustContain, mustNotContain or command (at checks[2].name)',
      'p.yaml:9:16: error: check Both has both a command and mustMatch; a check is a command or a pattern rule (at checks[3].mustMatch)',
      'p.yaml:10:5: error: duplicate check Custom (first at checks[1]); names must be unique (at checks[4])',
      'p.yaml:12:15: error: severity must be one of critical, high, medium, low, info, got severe (at checks[4].severity)',
    ]);
  });
});

describe('normalizeSecurityPolicy', () => {
  it('resolves built-ins by name, lets an entry replace their fields, and defaults a rule of its own to critical', () => {
    const file: SecurityPolicyFile = {
      checks: [
        'CSPHeadersPresent',
        { name: 'TokenValidationMiddlewareConfigured', files: 'src/**/*.ts', severity: 'high' },
        { name: 'NoDebugRoutes', files: ['src/**/*.ts'], mustNotMatch: '/debug', mustNotContain: 'debugger;', exclude: [] },
        { name: 'DependencyAudit', command: ['npm', 'audit'], confirms: 'traceSpanPolicyCheck' },
      ],
    };
    const [csp, token, custom, audit] = normalizeSecurityPolicy(file);
    expect(csp).toMatchObject({ name: 'CSPHeadersPresent', severity: 'high', rule: { kind: 'pattern', everyFile: false, ignoreCase: true } });
    expect(token).toMatchObject({ name: 'TokenValidationMiddlewareConfigured', severity: 'high', confirms: 'jwtValidationInPlace', rule: { files: ['src/**/*.ts'] } });
    expect(token?.rule.kind === 'pattern' && token.rule.mustMatch.length).toBe(1);
    expect(custom).toEqual({
      name: 'NoDebugRoutes',
      severity: 'critical',
      rule: {
        kind: 'pattern',
        files: ['src/**/*.ts'],
        exclude: [],
        mustMatch: [],
        mustNotMatch: [
          { text: '/debug', regex: true },
          { text: 'debugger;', regex: false },
        ],
        everyFile: false,
        ignoreCase: false,
      },
    });
    expect(audit).toEqual({ name: 'DependencyAudit', severity: 'critical', confirms: 'traceSpanPolicyCheck', rule: { kind: 'command', command: ['npm', 'audit'], timeoutMs: 60000 } });
  });
});
