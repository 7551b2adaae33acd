/** Text cleaning shared by the preparation steps. */
import { asciiKey } from './text.js';

/** Trimmed text, or null when empty. */
export function clean(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  return t === '' ? null : t;
}

const PLAIN_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The ASCII key of a text (unchanged when it already is one), or null when empty. */
export function keyOf(text: string | null | undefined): string | null {
  if (text !== null && text !== undefined && PLAIN_KEY.test(text)) return text; // already a key
  const t = clean(text);
  if (t === null) return null;
  const k = asciiKey(t);
  return k === '' ? null : k;
}
