import type { PathSegment } from '../source/format-path.js';
import type { LocationTarget } from '../source/locate-path.js';

/** A schema problem in words, at a document path, before it is given a line and column. */
export interface PlacedIssue {
  severity: 'error' | 'warning';
  message: string;
  path: PathSegment[];
  target: LocationTarget;
}
