import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('feature-test-link schema', () => {
  it("accepts the spec's link as JSON, and the same as YAML", () => {
    const json = readSpecFixture('feature-test-link.json');
    expect(validateText(json, 'feature-test-link.json')).toMatchObject({ kind: 'feature-test-link', diagnostics: [] });
    const asYaml = 'featureId: BookingFlow\ntests:\n  - BookAppointment.feature\n  - AppointmentAggregateTests.cs\nstatus: complete\ncoverage: "93%"\n';
    expect(validateText(asYaml, 'feature-test-link.yaml')).toMatchObject({ kind: 'feature-test-link', diagnostics: [] });
  });

  it('accepts a list of links and reports a link without tests', () => {
    const text = '- featureId: A\n  tests: [a.feature]\n  status: complete\n- featureId: B\n  status: missing\n';
    expect(validateText(text, 'links.yaml').diagnostics.map(formatForTest)).toEqual(['links.yaml:4:3: error: missing required key tests (at [1].tests)']);
  });
});
