import { describe, expect, it } from 'vitest';
import { featureFileStem, featureIdSuffix, fnv1a, pascalCase } from './feature-file-name.js';
import { resolveFeatureFileStems, scaffoldFeatureFiles } from './scaffold-feature-files.js';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('featureFileStem', () => {
  it('is the title in PascalCase, as the spec names BookAppointment.feature', () => {
    expect(featureFileStem({ id: 'BookingFlow', title: 'Book Appointment' })).toBe('BookAppointment');
    expect(pascalCase('book an appointment (v2) — API')).toBe('BookAnAppointmentV2API');
    expect(featureFileStem({ id: 'x', title: 'réserver un créneau' })).toBe('RéserverUnCréneau');
  });

  it('falls back to the id, then to Feature, when the title has no letters or digits', () => {
    expect(featureFileStem({ id: 'booking-flow' })).toBe('BookingFlow');
    expect(featureFileStem({ id: 'booking-flow', title: '???' })).toBe('BookingFlow');
    expect(featureFileStem({ id: '../..', title: '/' })).toBe('Feature');
  });

  it('can never leave the folder: no slash, backslash, dot or ..', () => {
    for (const title of ['../../etc/passwd', '..\\..\\windows', '.hidden', 'a/b', '~/x', 'C:\\temp']) {
      expect(featureFileStem({ id: title, title })).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
    }
  });

  it('appends Feature to names Windows reserves', () => {
    expect(featureFileStem({ id: 'x', title: 'con' })).toBe('ConFeature');
    expect(featureFileStem({ id: 'x', title: 'LPT1' })).toBe('LPT1Feature');
    expect(featureFileStem({ id: 'x', title: 'Console' })).toBe('Console');
  });

  it('cuts long titles to 150 UTF-8 bytes', () => {
    expect(utf8Bytes(featureFileStem({ id: 'x', title: 'é'.repeat(300) }))).toBe(150);
    expect(utf8Bytes(featureFileStem({ id: 'x', title: '𠀀'.repeat(100) }))).toBe(148);
  });

  it('uses the id hash as collision suffix when the id has no letters or digits', () => {
    expect(featureIdSuffix('booking.flow')).toBe('BookingFlow');
    expect(featureIdSuffix('--')).toBe(fnv1a('--'));
    expect(fnv1a('')).toBe('811c9dc5');
  });
});

describe('resolveFeatureFileStems', () => {
  it('leaves distinct names alone', () => {
    expect(resolveFeatureFileStems([{ id: 'a', title: 'Book' }, { id: 'b', title: 'Cancel' }])).toEqual(['Book', 'Cancel']);
  });

  it('suffixes the feature id to every feature in a collision, whatever the input order', () => {
    const a = { id: 'BookingFlow', title: 'Book Appointment' };
    const b = { id: 'booking-v2', title: 'book appointment' };
    const c = { id: 'Other', title: 'Other' };
    expect(resolveFeatureFileStems([a, b, c])).toEqual(['BookAppointment-BookingFlow', 'BookAppointment-BookingV2', 'Other']);
    expect(resolveFeatureFileStems([c, b, a])).toEqual(['Other', 'BookAppointment-BookingV2', 'BookAppointment-BookingFlow']);
  });

  it('adds the id hash when ids differ only in punctuation or case, and a counter for the same id twice', () => {
    const stems = resolveFeatureFileStems([
      { id: 'a-b', title: 'T' },
      { id: 'a_b', title: 'T' },
      { id: 'dup', title: 'T' },
      { id: 'dup', title: 'T' },
    ]);
    expect(stems).toEqual([`T-AB-${fnv1a('a-b')}`, `T-AB-${fnv1a('a_b')}`, `T-Dup-${fnv1a('dup')}`, `T-Dup-${fnv1a('dup')}-2`]);
    expect(new Set(stems.map((stem) => stem.toLowerCase())).size).toBe(4);
  });

  it('scaffoldFeatureFiles gives each file its resolved path and otherwise the same text', () => {
    const context = { sprintId: 'sprint-3', traceId: 't' };
    const files = scaffoldFeatureFiles([
      { feature: { id: 'A', title: 'Same', acceptanceCriteria: ['x'] }, context },
      { feature: { id: 'B', title: 'Same', acceptanceCriteria: ['y'] }, context },
    ]);
    expect(files.map((file) => file.path)).toEqual(['tests/features/Same-A.feature', 'tests/features/Same-B.feature']);
    expect(files[0]?.text).toContain('Feature: Same');
  });
});
