import { describe, expect, it } from 'vitest';
import { builtinSecurityCheck, builtinSecurityCheckNames, defaultSecurityCheckNames } from './builtin-security-checks.js';
import { evaluatePatternRule, isSelected, ruleGlobs } from './evaluate-pattern-rule.js';
import type { PatternRule } from './security-check.js';

/** What each built-in says of code that does the thing, and of code that does not (or does it wrong). */
const samples: Record<string, { good: string; bad: string }> = {
  CSPHeadersPresent: { good: "res.setHeader('Content-Security-Policy', \"default-src 'self'\");", bad: "res.setHeader('X-Frame-Options', 'DENY');" },
  RateLimitingEnabled: { good: "app.use(rateLimit({ windowMs: 60000, max: 100 }));", bad: 'app.use(cors());' },
  TokenValidationMiddlewareConfigured: { good: 'services.AddAuthentication().AddJwtBearer(options => {});', bad: 'services.AddAuthentication();' },
  jwtValidation: { good: 'const claims = jwt.verify(token, key);', bad: 'const claims = jwt.verify(token, key, { ignoreExpiration: true });' },
  TraceSpansAttached: { good: "tracer.startActiveSpan('book', (span) => {});", bad: "console.log('booked');" },
  spanTemplates: { good: "const templates = ['access_denied', 'token_expired'];", bad: "const templates = ['access_denied'];" },
  NoHardcodedSecrets: { good: 'const apiKey = process.env.API_KEY;', bad: 'const apiKey = "sk_live_0123456789abcdef0123";' },
  CorsOriginRestricted: { good: "app.use(cors({ origin: 'https://booking.example.com' }));", bad: "app.use(cors({ origin: '*' }));" },
};

describe('built-in security checks', () => {
  it('ships a sample-tested rule for every built-in name', () => {
    expect(Object.keys(samples).sort()).toEqual([...builtinSecurityCheckNames].sort());
  });

  for (const name of builtinSecurityCheckNames) {
    it(`${name} passes code that does it and fails code that does not`, () => {
      const check = builtinSecurityCheck(name);
      const rule = check?.rule as PatternRule;
      const sample = samples[name] as { good: string; bad: string };
      expect(evaluatePatternRule(rule, [{ path: 'src/app.ts', text: sample.good }]).passed).toBe(true);
      expect(evaluatePatternRule(rule, [{ path: 'src/app.ts', text: sample.bad }]).passed).toBe(false);
    });
  }

  it('are found by any spelling and alias, keep the name as written, and say which gate they confirm', () => {
    expect(builtinSecurityCheck('csp-headers-present')).toMatchObject({ name: 'csp-headers-present', severity: 'high' });
    expect(builtinSecurityCheck('JwtValidationEnabled')).toMatchObject({ severity: 'critical', confirms: 'jwtValidationInPlace' });
    expect(builtinSecurityCheck('SpanTemplatesVerified')?.confirms).toBe('spanTemplatesVerified');
    expect(builtinSecurityCheck('TraceSpansAttached')?.confirms).toBe('traceSpanPolicyCheck');
    expect(builtinSecurityCheck('NoSuchCheck')).toBeUndefined();
    expect(defaultSecurityCheckNames.every((name) => builtinSecurityCheck(name) !== undefined)).toBe(true);
  });

  it('look at source and configuration, and skip dependencies, planning files, build output and tests', () => {
    const globs = ruleGlobs(builtinSecurityCheck('CSPHeadersPresent')?.rule as PatternRule);
    expect(['src/app.ts', 'Booking/Program.cs', 'deploy/nginx.conf', 'config/app.yaml'].every((path) => isSelected(path, globs))).toBe(true);
    expect(['node_modules/helmet/index.js', 'planning/security-policy.yaml', 'dist/app.js', 'src/app.test.ts', 'tests/api.ts', 'README.md'].some((path) => isSelected(path, globs))).toBe(false);
  });
});
