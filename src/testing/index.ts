/**
 * Helpers for tests that need a real outside tool (promtool, PostgreSQL, Chromium): where the tool
 * is, and the one decision of what a missing tool means — a printed skip on a user's machine, a
 * failure where every test must run (`KAIROS_REQUIRE_ALL=1`, as CI sets it).
 */
export * from './require-tool.js';
export * from './check-metrics.js';
