import { featureFilePath, featureFileStem, featureIdSuffix, fnv1a } from './feature-file-name.js';
import { scaffoldFeatureFile, type FeatureFile, type FeatureScaffoldInput } from './scaffold-feature-file.js';

/**
 * Scaffolds several features at once, giving each a distinct path. File names are compared
 * case-insensitively (after NFC), as macOS and Windows file systems do. When names collide, every
 * feature in the collision (not just the later ones, so the result does not depend on input order)
 * gets its id appended: `BookAppointment-BookingFlow.feature`. Should that still collide (ids that
 * differ only in punctuation or case), the id's FNV-1a hash is appended too; for the same id given
 * twice, a counter (`-2`, `-3`, … in input order) settles the rest.
 *
 * @example scaffoldFeatureFiles([a, b]).map((file) => file.path) // ['tests/features/Booking-A.feature', 'tests/features/Booking-B.feature']
 */
export function scaffoldFeatureFiles(inputs: readonly FeatureScaffoldInput[]): FeatureFile[] {
  const stems = resolveFeatureFileStems(inputs.map((input) => input.feature));
  return inputs.map((input, index) => ({ ...scaffoldFeatureFile(input), path: featureFilePath(stems[index] ?? '') }));
}

/** The collision-free file names (see {@link scaffoldFeatureFiles}) of features, in input order. */
export function resolveFeatureFileStems(features: readonly { id: string; title?: string }[]): string[] {
  const rounds: ((stem: string, id: string) => string)[] = [
    (stem, id) => `${stem}-${featureIdSuffix(id)}`,
    (stem, id) => `${stem}-${fnv1a(id)}`,
  ];
  let stems = features.map(featureFileStem);
  for (const round of rounds) {
    const counts = countKeys(stems);
    stems = stems.map((stem, index) => ((counts.get(key(stem)) ?? 0) > 1 ? round(stem, features[index]?.id ?? '') : stem));
  }
  const taken = countKeys(stems);
  const used = new Set<string>();
  return stems.map((stem) => {
    if ((taken.get(key(stem)) ?? 0) === 1 || !used.has(key(stem))) {
      used.add(key(stem));
      return stem;
    }
    let counter = 2;
    while (taken.has(key(`${stem}-${counter}`)) || used.has(key(`${stem}-${counter}`))) counter += 1;
    used.add(key(`${stem}-${counter}`));
    return `${stem}-${counter}`;
  });
}

function key(stem: string): string {
  return stem.normalize('NFC').toLowerCase();
}

function countKeys(stems: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(key(stem), (counts.get(key(stem)) ?? 0) + 1);
  return counts;
}
