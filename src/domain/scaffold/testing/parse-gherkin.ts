import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument } from '@cucumber/messages';

/** Parses Gherkin with the real Cucumber parser (English keywords); throws on a syntax error. */
export function parseGherkin(text: string): GherkinDocument {
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  return parser.parse(text);
}

/** The parts of a parsed feature the tests look at. */
export interface ParsedFeature {
  name: string;
  description: string;
  tags: string[];
  comments: string[];
  scenarios: { name: string; tags: string[]; steps: { keyword: string; text: string }[] }[];
}

/** Parses generated Gherkin and keeps what tests compare; throws when there is no feature. */
export function parseFeature(text: string): ParsedFeature {
  const document = parseGherkin(text);
  const feature = document.feature;
  if (feature === undefined) throw new Error('no Feature in the document');
  return {
    name: feature.name,
    description: feature.description,
    tags: feature.tags.map((tag) => tag.name),
    comments: document.comments.map((comment) => comment.text),
    scenarios: feature.children.flatMap((child) =>
      child.scenario === undefined
        ? []
        : [{ name: child.scenario.name, tags: child.scenario.tags.map((tag) => tag.name), steps: child.scenario.steps.map((step) => ({ keyword: step.keyword, text: step.text })) }],
    ),
  };
}
