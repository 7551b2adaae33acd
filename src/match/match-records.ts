/**
 * dedupe / link / bestMatches: prepare every record once, generate candidates by blocking, score each
 * candidate without allocating, and build the field-by-field comparisons only for pairs that are kept.
 */
import type { MatchConfig } from './match-config.js';
import { DEFAULT_MATCH_CONFIG, FIELD_IDS, FIELD_LABELS, resolveConfig } from './match-config.js';
import type { FieldComparison, MatchPair } from './match-pair.js';
import { defaultNameFrequencies } from './name-frequencies.js';
import type { MatchInput, Prepared } from './prepare.js';
import { countValues, newPrepareCache, prepareRecord, type PrepareCache } from './prepare.js';
import { FIELD_INDEX, LEVEL, LEVEL_NAMES, Scorer } from './scorer.js';
import { forEachCandidate } from './blocking.js';
import { wordTokens } from './text.js';

/** The default prior treats every list as at least this long (see MatchConfig.priorLog2). */
const MIN_UNIVERSE = 1000;

function nameParts(r: MatchInput): [string | null, string | null, string | null] {
  const text = r.fullName ?? r.nameKey;
  const t = text === null ? [] : wordTokens(text);
  const n = t.length;
  if (n === 0) return [null, null, null];
  if (n === 1) return [null, null, t[0] ?? null];
  return [t[0] ?? null, n >= 3 ? t.slice(1, n - 1).join(' ') : null, t[n - 1] ?? null];
}

function display(r: MatchInput, p: Prepared, field: string): string | null {
  switch (field) {
    case 'id':
      return r.idNumber;
    case 'surname':
      return nameParts(r)[0];
    case 'middleName':
      return nameParts(r)[1];
    case 'givenName':
      return nameParts(r)[2];
    case 'birthDate':
      return r.birthDate;
    case 'birthYear':
      return p.year > 0 ? String(p.year) : null;
    case 'gender':
      return r.gender === 'M' ? 'Nam' : r.gender === 'F' ? 'Nữ' : null;
    case 'commune':
      return r.communeCode;
    case 'village':
      return r.village;
    case 'household':
      return r.householdCode !== null && r.householdCode !== '' ? r.householdCode : r.householdHead;
    case 'address':
      return r.address;
    case 'father':
      return r.fatherName ?? null;
    case 'mother':
      return r.motherName ?? null;
    default:
      return null;
  }
}

/**
 * Scores all candidate pairs of `all` (left list first when linking) and returns those kept;
 * `leftCount` null means dedupe within `all`.
 */
function run(all: readonly MatchInput[], leftCount: number | null, config: MatchConfig, cache: PrepareCache): MatchPair[] {
  const cfg = resolveConfig(config);
  const names = defaultNameFrequencies();
  const recs = all.map((r) => prepareRecord(r, cfg.idMode, names, cache));
  countValues(recs);
  const n = recs.length;
  const prior =
    cfg.priorLog2 ?? -Math.log2(Math.max(MIN_UNIVERSE, leftCount === null ? n - 1 : n - leftCount));
  const scorer = new Scorer(recs, cfg);
  const { levels, weights } = scorer;
  const out: MatchPair[] = [];
  const F = FIELD_INDEX;
  forEachCandidate(recs, cfg.blocking, leftCount, (i, j) => {
    const w = prior + scorer.score(i, j);
    const pi = recs[i];
    const pj = recs[j];
    const byId = levels[F.id] === LEVEL.exact && pi?.idTrusted != null && pj?.idTrusted != null;
    if (!byId && w < cfg.possibleThreshold) return;
    if (
      !byId &&
      cfg.householdMembersDistinct &&
      levels[F.household] === LEVEL.exact &&
      (levels[F.givenName] === LEVEL.differ || levels[F.birthDate] === LEVEL.differ || levels[F.birthYear] === LEVEL.differ)
    ) {
      return;
    }
    const ri = all[i];
    const rj = all[j];
    if (ri === undefined || rj === undefined || pi === undefined || pj === undefined) return;
    const comparisons: FieldComparison[] = [];
    FIELD_IDS.forEach((field, k) => {
      const level = levels[k] ?? LEVEL.none;
      if (level === LEVEL.none) return;
      comparisons.push({
        field,
        label: FIELD_LABELS[field],
        a: display(ri, pi, field),
        b: display(rj, pj, field),
        level: LEVEL_NAMES[level] ?? 'missing',
        weight: weights[k] ?? 0,
      });
    });
    out.push({
      a: i,
      b: leftCount === null ? j : j - leftCount,
      weight: w,
      probability: 1 / (1 + 2 ** -w),
      decision: byId || (w >= cfg.matchThreshold && levels[F.id] !== LEVEL.conflict) ? 'match' : 'possible',
      byId,
      comparisons,
      prior,
      matchThreshold: cfg.matchThreshold,
      possibleThreshold: cfg.possibleThreshold,
    });
  });
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Pairs of records within one list that are the same person ('match') or may be ('possible'), a < b.
 * @example dedupe(payouts).filter((p) => p.decision === 'match')
 */
export function dedupe(records: readonly MatchInput[], config: MatchConfig = DEFAULT_MATCH_CONFIG, cache = newPrepareCache()): MatchPair[] {
  return run(records, null, config, cache);
}

/** Pairs across two lists: `a` indexes `left`, `b` indexes `right`. */
export function link(
  left: readonly MatchInput[],
  right: readonly MatchInput[],
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
  cache = newPrepareCache(),
): MatchPair[] {
  return run([...left, ...right], left.length, config, cache);
}

/**
 * For each left record, its best right record (a same valid ID first, then the highest weight) at or
 * above the possible threshold, or null: e.g. the approved beneficiary a payout belongs to.
 */
export function bestMatches(
  left: readonly MatchInput[],
  right: readonly MatchInput[],
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
  cache = newPrepareCache(),
): (MatchPair | null)[] {
  const best: (MatchPair | null)[] = left.map(() => null);
  for (const pair of link(left, right, config, cache)) {
    const current = best[pair.a];
    if (
      current === null ||
      current === undefined ||
      (pair.byId && !current.byId) ||
      (pair.byId === current.byId && pair.weight > current.weight)
    ) {
      best[pair.a] = pair;
    }
  }
  return best;
}
