import { ConfirmedGate, SecuritySeverity, type PatternRule, type SecurityCheck, type TextPattern } from './security-check.js';

/** Source and configuration files of the usual stacks: where the built-in checks look. */
export const sourceFileGlob = '**/*.{ts,tsx,js,jsx,mjs,cjs,cs,java,kt,go,py,rb,php,rs,json,yaml,yml,toml,xml,conf,config,ini,tf}';

/**
 * What a pattern check skips unless it names its own `exclude`: dependencies, version control,
 * Kairos's own files (the policy itself spells the patterns it looks for), build output, and tests
 * (a test that asserts a header proves nothing about the code that should send it).
 */
export const defaultExcludes: readonly string[] = [
  '**/node_modules/**',
  '.git/**',
  '.kairos/**',
  'planning/**',
  'execution/**',
  'metadata/**',
  'releases/**',
  'schemas/**',
  'dist/**',
  'build/**',
  'coverage/**',
  'test/**',
  'tests/**',
  '**/*.test.*',
  '**/*.spec.*',
];

interface BuiltinDefinition {
  description: string;
  severity: SecurityCheck['severity'];
  confirms?: SecurityCheck['confirms'];
  mustMatch?: readonly string[];
  mustNotMatch?: readonly string[];
  /** Plain substrings that must all appear. */
  mustContain?: readonly string[];
  ignoreCase?: boolean;
  aliases?: readonly string[];
}

const jwtVerification = 'AddJwtBearer|TokenValidationParameters|jwt\\.verify\\s*\\(|jwtVerify\\s*\\(|expressjwt|express-jwt|passport-jwt|JwtAuthGuard|jwt_required|verify_jwt_in_request|oauth2ResourceServer|verifyIdToken\\s*\\(';

/**
 * The checks a workspace can name without writing a rule: the spec's `CSPHeadersPresent`,
 * `RateLimitingEnabled`, `TokenValidationMiddlewareConfigured`, `TraceSpansAttached`,
 * `jwtValidation` and `spanTemplates`, and two the policy validator's role implies (secrets, CORS).
 * The patterns are deliberately broad heuristics across common stacks (Node, .NET, Java, Python, Go).
 */
const definitions: Readonly<Record<string, BuiltinDefinition>> = {
  CSPHeadersPresent: {
    description: 'a Content-Security-Policy header is set (the header, helmet(), or a contentSecurityPolicy option)',
    severity: SecuritySeverity.High,
    mustMatch: ['Content-Security-Policy|contentSecurityPolicy|helmet\\s*\\('],
    ignoreCase: true,
    aliases: ['CSPHeaders', 'ContentSecurityPolicy'],
  },
  RateLimitingEnabled: {
    description: 'requests are rate limited (a rate limiter or throttling middleware is configured)',
    severity: SecuritySeverity.High,
    mustMatch: ['rate[-_ ]?limit|throttl(?:e|er|ing)\\b|slowDown\\s*\\('],
    ignoreCase: true,
    aliases: ['RateLimiting'],
  },
  TokenValidationMiddlewareConfigured: {
    description: 'a middleware verifies bearer tokens (JWT bearer authentication, jwt.verify, express-jwt, passport-jwt…)',
    severity: SecuritySeverity.Critical,
    confirms: ConfirmedGate.JwtValidationInPlace,
    mustMatch: [jwtVerification],
    aliases: ['TokenValidationMiddleware'],
  },
  jwtValidation: {
    description: 'JWT validation is enabled (jwtValidationEnabled: true or a verifying middleware) and nowhere switched off',
    severity: SecuritySeverity.Critical,
    confirms: ConfirmedGate.JwtValidationInPlace,
    mustMatch: [`jwtValidationEnabled["']?\\s*[:=]\\s*["']?true|${jwtVerification}`],
    mustNotMatch: [
      'jwtValidationEnabled["\']?\\s*[:=]\\s*["\']?false',
      'ignoreExpiration["\']?\\s*:\\s*true',
      'algorithms["\']?\\s*:\\s*\\[\\s*["\']none["\']',
      'Validate(?:Issuer|Audience|Lifetime|IssuerSigningKey)\\s*=\\s*false',
      'RequireSignedTokens\\s*=\\s*false',
      'verify_signature["\']?\\s*:\\s*false',
    ],
    ignoreCase: true,
    aliases: ['jwtValidationEnabled', 'jwtValidationInPlace'],
  },
  TraceSpansAttached: {
    description: 'code opens OpenTelemetry spans (startActiveSpan, getTracer, ActivitySource, start_as_current_span…)',
    severity: SecuritySeverity.Medium,
    confirms: ConfirmedGate.TraceSpanPolicyCheck,
    mustMatch: ['startActiveSpan|startSpan\\s*\\(|getTracer\\s*\\(|ActivitySource|StartActivity\\s*\\(|start_as_current_span|@opentelemetry/|go\\.opentelemetry\\.io'],
    ignoreCase: true,
    aliases: ['TraceSpans', 'traceSpanPolicyCheck', 'TraceSpanPolicy'],
  },
  spanTemplates: {
    description: 'the security span templates access_denied and token_expired are injected',
    severity: SecuritySeverity.Medium,
    confirms: ConfirmedGate.SpanTemplatesVerified,
    mustContain: ['access_denied', 'token_expired'],
    aliases: ['SpanTemplatesVerified', 'securitySpanTemplateInjected', 'securitySpanTemplatesInjected'],
  },
  NoHardcodedSecrets: {
    description: 'no private keys, cloud access keys or literal secrets in source',
    severity: SecuritySeverity.Critical,
    mustNotMatch: [
      '-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----',
      '\\bAKIA[0-9A-Z]{16}\\b',
      '\\bgh[pousr]_[A-Za-z0-9]{36}\\b',
      '\\bxox[abprs]-[A-Za-z0-9-]{10,}',
      '(?:api[_-]?key|client[_-]?secret|secret|password|passwd)["\']?\\s*[:=]\\s*["\'][^"\'\\s]{16,}["\']',
    ],
    ignoreCase: true,
    aliases: ['SecretsNotHardcoded', 'NoSecretsInSource'],
  },
  CorsOriginRestricted: {
    description: 'CORS does not allow every origin',
    severity: SecuritySeverity.High,
    mustNotMatch: [
      'Access-Control-Allow-Origin["\']?\\s*[:,]\\s*["\']\\*["\']',
      'AllowAnyOrigin\\s*\\(',
      '\\borigin["\']?\\s*:\\s*(?:["\']\\*["\']|true\\b)',
      'CORS_(?:ORIGIN_)?ALLOW_ALL(?:_ORIGINS)?\\s*=\\s*True',
      'allow_origins\\s*=\\s*\\[\\s*["\']\\*["\']',
    ],
    aliases: ['CorsRestricted', 'NoWildcardCors'],
  },
};

/** The names of the built-in checks, as the spec writes them. */
export const builtinSecurityCheckNames: readonly string[] = Object.keys(definitions);

/** The checks run when a workspace declares no policy: the spec's example audit. */
export const defaultSecurityCheckNames: readonly string[] = ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'];

const byKey = new Map<string, string>();
for (const [name, definition] of Object.entries(definitions)) {
  for (const alias of [name, ...(definition.aliases ?? [])]) byKey.set(checkKey(alias), name);
}

/** The built-in name `name` stands for (case, dashes and underscores aside; aliases too), if any. */
export function builtinSecurityCheckName(name: string): string | undefined {
  return byKey.get(checkKey(name));
}

/**
 * The built-in check `name` stands for, named as written, or `undefined` when Kairos ships none.
 *
 * @example builtinSecurityCheck('csp-headers-present')?.severity === 'high'
 */
export function builtinSecurityCheck(name: string): SecurityCheck | undefined {
  const canonical = builtinSecurityCheckName(name);
  if (canonical === undefined) return undefined;
  const definition = definitions[canonical] as BuiltinDefinition;
  const rule: PatternRule = {
    kind: 'pattern',
    files: [sourceFileGlob],
    exclude: [...defaultExcludes],
    mustMatch: [...(definition.mustMatch ?? []).map(regex), ...(definition.mustContain ?? []).map(substring)],
    mustNotMatch: (definition.mustNotMatch ?? []).map(regex),
    everyFile: false,
    ignoreCase: definition.ignoreCase ?? false,
  };
  return { name, description: definition.description, severity: definition.severity, ...(definition.confirms === undefined ? {} : { confirms: definition.confirms }), rule };
}

function checkKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function regex(text: string): TextPattern {
  return { text, regex: true };
}

function substring(text: string): TextPattern {
  return { text, regex: false };
}
