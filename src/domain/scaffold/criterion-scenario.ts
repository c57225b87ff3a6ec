import { gherkinLine, gherkinLines, scenarioName } from './gherkin-text.js';

/** Step keywords written by the scaffolder (English Gherkin). */
export const StepKeyword = { Given: 'Given', When: 'When', Then: 'Then', And: 'And', But: 'But', Star: '*' } as const;
export type StepKeyword = (typeof StepKeyword)[keyof typeof StepKeyword];

/** One step line: keyword and text (already fit for one line, never empty). */
export interface ScenarioStep {
  keyword: StepKeyword;
  text: string;
}

/** A scenario before it is written: a name, its steps, and whether the steps are placeholders. */
export interface ScenarioDraft {
  name: string;
  steps: ScenarioStep[];
  /** True when the criterion was a plain sentence and the Given/When steps are TODO placeholders. */
  pending: boolean;
}

/** Tag on scenarios whose steps are placeholders, so people and QA agents can find them. */
export const pendingTag = '@todo';

const keywordStart = /^(given|when|then|and|but)\s+(\S.*)$|^\*\s+(\S.*)$/i;
const namePrefix = /^(?:scenario|example)\s*:\s*/i;

/**
 * Turns one acceptance criterion into a scenario draft, or `undefined` when it is blank.
 *
 * A criterion already in Given/When/Then form keeps its steps:
 * - one line `Given … when … then …` (any case; the `Given` part is optional, the `Then` part is
 *   not), split at the first `when` and the next `then`; a capitalised ` And ` or ` But ` inside a
 *   part starts another step;
 * - several lines each starting with Given/When/Then/And/But/`*`, the first being Given or When,
 *   and at least one Then.
 * Either form may carry a name: `Name: Given …` on one line, or a first line that is not a step
 * (`Scenario:` or `Example:` before it is dropped). Without one, the scenario is named after its
 * first Then step.
 *
 * Anything else is a plain sentence: the scenario is named after it, and gets a `Given`/`When`
 * placeholder marked TODO (distinct per criterion, so one catch-all step definition cannot make
 * them all pass) and the sentence itself as its `Then`.
 *
 * @example criterionScenario('Customer receives a confirmation email').steps[2] // { keyword: 'Then', text: 'Customer receives a confirmation email' }
 */
export function criterionScenario(criterion: string): ScenarioDraft | undefined {
  const lines = gherkinLines(criterion);
  if (lines.length === 0) return undefined;
  const joined = lines.join(' ');
  return structuredLines(lines) ?? structuredSentence(joined) ?? plainScenario(joined);
}

/** The scenario for a feature without criteria: one pending scenario saying so. */
export function missingCriteriaScenario(featureId: string): ScenarioDraft {
  const id = gherkinLine(featureId);
  return {
    name: 'Acceptance criteria are missing',
    steps: [
      { keyword: StepKeyword.Given, text: `TODO: feature "${quoted(id)}" has no acceptance criteria` },
      { keyword: StepKeyword.When, text: `TODO: acceptance criteria are written for "${quoted(id)}"` },
      { keyword: StepKeyword.Then, text: 'TODO: this scenario is replaced by one scenario per criterion' },
    ],
    pending: true,
  };
}

function structuredLines(lines: string[]): ScenarioDraft | undefined {
  if (lines.length < 2) return undefined;
  const first = lines[0] ?? '';
  const named = stepOf(first) === undefined;
  const steps: ScenarioStep[] = [];
  for (const line of named ? lines.slice(1) : lines) {
    const step = stepOf(line);
    if (step === undefined) return undefined;
    steps.push(step);
  }
  const lead = steps[0]?.keyword;
  if (lead !== StepKeyword.Given && lead !== StepKeyword.When) return undefined;
  return withName(steps, named ? first.replace(namePrefix, '') : undefined);
}

function structuredSentence(text: string): ScenarioDraft | undefined {
  let name: string | undefined;
  let body = text;
  if (!/^(?:given|when)\s/i.test(body)) {
    const colon = body.indexOf(':');
    const rest = colon < 0 ? '' : body.slice(colon + 1).trimStart();
    if (!/^(?:given|when)\s/i.test(rest)) return undefined;
    name = body.slice(0, colon).replace(namePrefix, '');
    body = rest;
  }
  const parts = splitParts(body);
  if (parts === undefined) return undefined;
  const steps: ScenarioStep[] = [];
  for (const [keyword, part] of parts) {
    const pieces = part.split(/[\s,;]+(?=(?:And|But)\s)/);
    for (const [index, piece] of pieces.entries()) {
      const text = piece.replace(/^(?:And|But)\s+/, '').replace(/[\s,;]+$/, '');
      if (text === '') return undefined;
      const word = index === 0 ? keyword : piece.startsWith('But') ? StepKeyword.But : StepKeyword.And;
      steps.push({ keyword: word, text });
    }
  }
  return withName(steps, name);
}

/** `given A when B then C` → [[Given, A], [When, B], [Then, C]]; `undefined` without a Then. */
function splitParts(body: string): [StepKeyword, string][] | undefined {
  const parts: [StepKeyword, string][] = [];
  let rest = body;
  let keyword: StepKeyword = /^given\s/i.test(rest) ? StepKeyword.Given : StepKeyword.When;
  rest = rest.replace(/^(?:given|when)\s+/i, '');
  for (const next of keyword === StepKeyword.Given ? [StepKeyword.When, StepKeyword.Then] : [StepKeyword.Then]) {
    const boundary = new RegExp(`[\\s,;]+${next}\\s+`, 'i').exec(rest);
    if (boundary === null) {
      if (next === StepKeyword.When) continue;
      return undefined;
    }
    parts.push([keyword, rest.slice(0, boundary.index)]);
    rest = rest.slice(boundary.index + boundary[0].length);
    keyword = next;
  }
  parts.push([keyword, rest]);
  return parts;
}

function withName(steps: ScenarioStep[], name: string | undefined): ScenarioDraft | undefined {
  const outcome = steps.find((step) => step.keyword === StepKeyword.Then);
  if (outcome === undefined) return undefined;
  const given = name === undefined ? '' : scenarioName(name);
  return { name: given === '' ? scenarioName(outcome.text) : given, steps, pending: false };
}

function plainScenario(sentence: string): ScenarioDraft {
  const name = scenarioName(sentence);
  return {
    name,
    steps: [
      { keyword: StepKeyword.Given, text: `TODO: the preconditions of "${quoted(name)}"` },
      { keyword: StepKeyword.When, text: `TODO: the action that leads to "${quoted(name)}"` },
      { keyword: StepKeyword.Then, text: sentence },
    ],
    pending: true,
  };
}

function stepOf(line: string): ScenarioStep | undefined {
  const match = keywordStart.exec(line);
  if (match === null) return undefined;
  const star = match[3];
  if (star !== undefined) return { keyword: StepKeyword.Star, text: star };
  const word = (match[1] ?? '').toLowerCase();
  const keyword = word === 'given' ? StepKeyword.Given : word === 'when' ? StepKeyword.When : word === 'then' ? StepKeyword.Then : word === 'and' ? StepKeyword.And : StepKeyword.But;
  return { keyword, text: match[2] ?? '' };
}

// Inside the placeholder's quotes a `"` would end the quoted part early for Cucumber Expressions.
function quoted(text: string): string {
  return text.replaceAll('"', "'");
}
