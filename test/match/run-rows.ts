import { defaultNameFrequencies } from '../../src/match/name-frequencies.js';
import { newPrepareCache, prepareRows, RunRows } from '../../src/match/prepare.js';
import type { MatchInput } from '../../src/match/prepare.js';

/**
 * The rows of a matching run over `inputs` prepared with one cache: all of them as one list (`leftCount`
 * null), or the first `leftCount` linked with the rest.
 */
export function runRows(inputs: readonly MatchInput[], leftCount: number | null): RunRows {
  const names = defaultNameFrequencies();
  const cache = newPrepareCache();
  if (leftCount === null) return new RunRows(prepareRows(inputs, 'trusted', names, cache), null, cache);
  const left = prepareRows(inputs.slice(0, leftCount), 'trusted', names, cache);
  return new RunRows(left, prepareRows(inputs.slice(leftCount), 'trusted', names, cache), cache);
}
