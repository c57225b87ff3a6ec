import { descriptionLine, gherkinLine, gherkinLines } from './gherkin-text.js';

const oneLineStory = /^(As an?\s.+?)[,;]?\s+(I want\s.+?)[,;]?\s+(So that\s.+)$/i;

/**
 * The description block under `Feature:`, one entry per line (without indentation). A user story
 * written on one line ("As a customer, I want to book an appointment so that I can confirm my
 * visit") is split into its three lines as in the spec's example; any other description keeps its
 * lines, blank lines dropped. Lines Gherkin would misread are escaped by {@link descriptionLine}.
 */
export function featureNarrative(description: string | undefined): string[] {
  if (description === undefined) return [];
  const lines = gherkinLines(description);
  const story = lines.length === 1 ? oneLineStory.exec(lines[0] ?? '') : null;
  const parts = story === null ? lines : story.slice(1).map((part) => capitalize(gherkinLine(part)));
  return parts.map(descriptionLine);
}

function capitalize(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1);
}
