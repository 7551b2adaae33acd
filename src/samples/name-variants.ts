const OLD_TONE: ReadonlyArray<readonly [RegExp, string]> = [
  [/òa\b/g, 'oà'], [/óa\b/g, 'oá'], [/ỏa\b/g, 'oả'], [/õa\b/g, 'oã'], [/ọa\b/g, 'oạ'],
  [/òe\b/g, 'oè'], [/óe\b/g, 'oé'], [/ỏe\b/g, 'oẻ'], [/õe\b/g, 'oẽ'], [/ọe\b/g, 'oẹ'],
  [/ùy\b/g, 'uỳ'], [/úy\b/g, 'uý'], [/ủy\b/g, 'uỷ'], [/ũy\b/g, 'uỹ'], [/ụy\b/g, 'uỵ'],
];

/**
 * Rewrites a name with the old tone-mark placement ("Hòa" → "Hoà", "Thúy" → "Thuý"): the same
 * name to a reader, different code points to a program.
 */
export function oldTonePlacement(name: string): string {
  let out = name.normalize('NFC');
  for (const [pattern, replacement] of OLD_TONE) out = out.replace(pattern, replacement);
  return out;
}

/** Whether a name changes under {@link oldTonePlacement}. */
export function hasTonePlacementVariant(name: string): boolean {
  return oldTonePlacement(name) !== name.normalize('NFC');
}
