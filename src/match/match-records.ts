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

function display(r: MatchInput, year: number, field: string): string | null {
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
      return year > 0 ? String(year) : null;
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

/** What a kept pair needs to explain itself later: the two records and the scorer's levels and weights. */
interface PairEvidence {
  readonly left: MatchInput;
  readonly right: MatchInput;
  readonly leftYear: number;
  readonly rightYear: number;
  /** The levels, three bits a field (see packLevels). */
  readonly levels: number;
  readonly weights: readonly number[];
}

/** The thirteen fields' levels (each below 8) as one number: level k × 8^k (39 bits, exact in a double). */
function packLevels(levels: Uint8Array): number {
  let packed = 0;
  for (let k = levels.length - 1; k >= 0; k--) packed = packed * 8 + (levels[k] ?? 0);
  return packed;
}

if (FIELD_IDS.length * 3 > 52) throw new Error('too many match fields to pack their levels into one number');

function levelOf(packed: number, field: number): number {
  return Math.floor(packed / 8 ** field) % 8;
}

/**
 * A kept pair whose field-by-field comparisons are built when first read. Most pairs are never
 * explained (only those behind a finding are), and building them for every pair of a million-row link
 * (thirteen objects and their display texts each) held more memory than the records themselves.
 */
class KeptPair implements MatchPair {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  readonly probability: number;
  readonly decision: 'match' | 'possible';
  readonly byId: boolean;
  readonly prior: number;
  readonly matchThreshold: number;
  readonly possibleThreshold: number;
  #evidence: PairEvidence | null;
  #comparisons: FieldComparison[] | null = null;

  constructor(fields: Omit<MatchPair, 'comparisons'>, evidence: PairEvidence) {
    this.a = fields.a;
    this.b = fields.b;
    this.weight = fields.weight;
    this.probability = fields.probability;
    this.decision = fields.decision;
    this.byId = fields.byId;
    this.prior = fields.prior;
    this.matchThreshold = fields.matchThreshold;
    this.possibleThreshold = fields.possibleThreshold;
    this.#evidence = evidence;
  }

  get comparisons(): readonly FieldComparison[] {
    if (this.#comparisons === null) {
      const e = this.#evidence;
      const comparisons: FieldComparison[] = [];
      if (e !== null) {
        FIELD_IDS.forEach((field, k) => {
          const level = levelOf(e.levels, k);
          if (level === LEVEL.none) return;
          comparisons.push({
            field,
            label: FIELD_LABELS[field],
            a: display(e.left, e.leftYear, field),
            b: display(e.right, e.rightYear, field),
            level: LEVEL_NAMES[level] ?? 'missing',
            weight: e.weights[k] ?? 0,
          });
        });
      }
      this.#comparisons = comparisons;
      this.#evidence = null;
    }
    return this.#comparisons;
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
    out.push(
      new KeptPair(
        {
          a: i,
          b: leftCount === null ? j : j - leftCount,
          weight: w,
          probability: 1 / (1 + 2 ** -w),
          decision: byId || (w >= cfg.matchThreshold && levels[F.id] !== LEVEL.conflict) ? 'match' : 'possible',
          byId,
          prior,
          matchThreshold: cfg.matchThreshold,
          possibleThreshold: cfg.possibleThreshold,
        },
        { left: ri, right: rj, leftYear: pi.year, rightYear: pj.year, levels: packLevels(levels), weights: Array.from(weights) },
      ),
    );
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
