import { CoverageFormat } from './coverage-report.js';

/**
 * Tells a coverage report's format from its first characters, then its file name: `{` is an
 * Istanbul summary, `<` Cobertura XML, `TN:`/`SF:` (or a `.info` name) lcov. `undefined` when unsure.
 */
export function detectCoverageFormat(text: string, path: string): CoverageFormat | undefined {
  const start = text.slice(0, 256).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return CoverageFormat.IstanbulSummary;
  if (start.startsWith('<')) return CoverageFormat.Cobertura;
  if (/^(?:TN|SF|VER):/.test(start) || path.toLowerCase().endsWith('.info')) return CoverageFormat.Lcov;
  return undefined;
}
