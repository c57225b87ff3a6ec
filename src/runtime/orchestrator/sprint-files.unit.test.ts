import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateText } from '../../artifacts/validation/validate-text.js';
import type { FeatureTestLink } from '../../domain/trace/index.js';
import { linksYaml } from './sprint-files.js';

describe('feature-test-link.yaml', () => {
  it('reads back as the links it was written from, whatever the names hold, and validates', () => {
    const links: FeatureTestLink[] = [
      { featureId: 'BookingFlow', tests: ['book-appointment.feature', 'AppointmentAggregateTests.cs'], status: 'complete', coverage: '93%' },
      { featureId: 'Odd: "name" # not a comment', tests: ['- dash.feature', 'yes', 'null', 'émoji 🚀', 'tab\there', 'new\nline'], status: 'partial' },
      { featureId: 'Notify', tests: [], status: 'missing' },
    ];
    const text = linksYaml(links);
    expect(parse(text)).toEqual(links);
    expect(validateText(text, 'feature-test-link.yaml').diagnostics).toEqual([]);
    expect(parse(linksYaml([]))).toEqual([]);
  });
});
