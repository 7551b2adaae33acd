/**
 * dedupe / link / bestMatches: prepare every record once, generate candidates by blocking, score each
 * candidate without allocating, and build the field-by-field comparisons only for pairs that are kept.
 */
import type { MatchConfig } from './match-config.js';
import { DEFAULT_MATCH_CONFIG, FIELD_IDS, FIELD_LABELS, resolveConfig, type ResolvedMatchConfig } from './match-config.js';
import type { FieldComparison, MatchPair } from './match-pair.js';
import { defaultNameFrequencies } from './name-frequencies.js';
import type { MatchInput } from './prepare.js';
import { newPrepareCache, preparedList, RunRows, ValueCounts, type PrepareCache } from './prepare.js';
import { FIELD_INDEX, LEVEL, LEVEL_NAMES, Scorer } from './scorer.js';
import { forEachCandidate } from './blocking.js';
import { scratchArrays } from './scratch-arrays.js';
import { BestMatches, type MakePair, type ScorePair } from './best-matches.js';
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

/**
 * What the kept pairs of one run need to explain themselves later: the run's scorer, which scores a pair
 * again when its comparisons are read. Most pairs are never explained (only those behind a finding are);
 * their levels and weights kept per pair (120 bytes each) were tens of MB of a million-payout audit.
 */
class RunEvidence {
  constructor(
    readonly left: readonly MatchInput[],
    readonly right: readonly MatchInput[],
    readonly prior: number,
    readonly matchThreshold: number,
    readonly possibleThreshold: number,
    readonly recs: RunRows,
    private readonly scorer: Scorer,
  ) {}

  /** The field-by-field comparisons of left row `a` and right row `b` (list rows). */
  comparisons(a: number, b: number): FieldComparison[] {
    const left = this.left[a];
    const right = this.right[b];
    const out: FieldComparison[] = [];
    if (left === undefined || right === undefined) return out;
    const i = a;
    const j = this.recs.right === null ? b : b + this.recs.leftCount;
    this.scorer.score(i, j);
    const { levels, weights } = this.scorer;
    const leftYear = this.recs.rowsOf(i).year[this.recs.indexOf(i)] ?? 0;
    const rightYear = this.recs.rowsOf(j).year[this.recs.indexOf(j)] ?? 0;
    FIELD_IDS.forEach((field, k) => {
      const level = levels[k] ?? LEVEL.none;
      if (level === LEVEL.none) return;
      out.push({
        field,
        label: FIELD_LABELS[field],
        a: display(left, leftYear, field),
        b: display(right, rightYear, field),
        level: LEVEL_NAMES[level] ?? 'missing',
        weight: weights[k] ?? 0,
      });
    });
    return out;
  }
}

/**
 * A kept pair whose field-by-field comparisons are built when first read, by scoring it again (see
 * RunEvidence). Most pairs are never explained (only those behind a finding are).
 */
class KeptPair implements MatchPair {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  readonly decision: 'match' | 'possible';
  readonly byId: boolean;
  readonly #run: RunEvidence;
  #comparisons: FieldComparison[] | null = null;

  constructor(a: number, b: number, weight: number, decision: 'match' | 'possible', byId: boolean, run: RunEvidence) {
    this.a = a;
    this.b = b;
    this.weight = weight;
    this.decision = decision;
    this.byId = byId;
    this.#run = run;
  }

  get probability(): number {
    return 1 / (1 + 2 ** -this.weight);
  }

  get prior(): number {
    return this.#run.prior;
  }

  get matchThreshold(): number {
    return this.#run.matchThreshold;
  }

  get possibleThreshold(): number {
    return this.#run.possibleThreshold;
  }

  get comparisons(): readonly FieldComparison[] {
    this.#comparisons ??= this.#run.comparisons(this.a, this.b);
    return this.#comparisons;
  }
}

/**
 * The pair of run rows i and j if it is kept (a pair by ID always is), with its evidence. Made outside
 * {@link run}, as are {@link pairMakers}: closures made in a function share one context, and the functions a
 * BestMatches keeps held the run's list of pairs through it (164,000 pairs of a million payouts, some 15 MB,
 * for the whole run of the checks).
 */
function pairKeeper(evidence: RunEvidence, scorer: Scorer, cfg: ResolvedMatchConfig, leftCount: number | null): (i: number, j: number) => KeptPair | null {
  const { levels } = scorer;
  const recs = evidence.recs;
  const prior = evidence.prior;
  const F = FIELD_INDEX;
  return (i, j) => {
    const w = prior + scorer.score(i, j);
    const rowsI = recs.rowsOf(i);
    const rowsJ = recs.rowsOf(j);
    const at = recs.indexOf(i);
    const bt = recs.indexOf(j);
    const byId = levels[F.id] === LEVEL.exact && rowsI.trustedKind[at] !== 0 && rowsJ.trustedKind[bt] !== 0;
    if (!byId && w < cfg.possibleThreshold) return null;
    if (
      !byId &&
      cfg.householdMembersDistinct &&
      levels[F.household] === LEVEL.exact &&
      (levels[F.givenName] === LEVEL.differ || levels[F.birthDate] === LEVEL.differ || levels[F.birthYear] === LEVEL.differ)
    ) {
      return null;
    }
    const conflict = levels[F.id] === LEVEL.conflict || levels[F.surname] === LEVEL.conflict;
    const decision = byId || (w >= cfg.matchThreshold && !conflict) ? 'match' : 'possible';
    return new KeptPair(i, leftCount === null ? j : j - leftCount, w, decision, byId, evidence);
  };
}

/** For a link's BestMatches: scoring a pair by ID when read, and making a held pair again (see pairKeeper). */
function pairMakers(kept: (i: number, j: number) => KeptPair | null, evidence: RunEvidence, leftCount: number): { score: ScorePair; make: MakePair } {
  return {
    score: (a, b) => kept(a, b + leftCount) as KeptPair,
    make: (a, b, weight, decision, byId) => new KeptPair(a, b, weight, decision, byId, evidence),
  };
}

/**
 * Scores all candidate pairs and returns those kept: within `left` when `right` is null (dedupe), else
 * between `left` and `right` (link; `b` then indexes `right`). With `byId` (for bestMatches), a left row
 * paired by ID gets only its pairs by ID (see pairByIdFirst); a row whose ID one right row alone has is not
 * returned but noted in `byId.partner`, `byId.score` set to score such pairs when asked and `byId.make` to
 * make a kept pair again from its weight.
 */
function run(
  left: readonly MatchInput[],
  right: readonly MatchInput[] | null,
  config: MatchConfig,
  cache: PrepareCache,
  leftActive?: Uint8Array,
  byId?: { readonly partner: Int32Array; score: ScorePair | null; make: MakePair | null },
  dropIdConflicts = false,
): MatchPair[] {
  const cfg = resolveConfig(config);
  const names = defaultNameFrequencies();
  const leftCount = right === null ? null : left.length;
  const leftList = preparedList(left, cfg.idMode, names, cache);
  const rightList = right === null ? null : preparedList(right, cfg.idMode, names, cache);
  const recs = new RunRows(leftList.rows, rightList?.rows ?? null, cache);
  const counts = new ValueCounts(rightList === null ? [leftList.counts] : [leftList.counts, rightList.counts]);
  const n = recs.length;
  const prior =
    cfg.priorLog2 ?? -Math.log2(Math.max(MIN_UNIVERSE, leftCount === null ? n - 1 : n - leftCount));
  const scorer = new Scorer(recs, counts, cfg, cache);
  const out: MatchPair[] = [];
  const evidence = new RunEvidence(left, right ?? left, prior, cfg.matchThreshold, cfg.possibleThreshold, recs, scorer);
  const kept = pairKeeper(evidence, scorer, cfg, leftCount);
  const keep = (i: number, j: number): void => {
    if (dropIdConflicts && idsConflict(recs, i, j)) return;
    const pair = kept(i, j);
    if (pair !== null) out.push(pair);
  };
  let active = leftActive;
  if (byId !== undefined && leftCount !== null) {
    Object.assign(byId, pairMakers(kept, evidence, leftCount));
    active = pairByIdFirst(recs, cfg.blocking.maxBlockSize, leftActive, out, keep, byId.partner);
  }
  forEachCandidate(recs, cfg.blocking, keep, active);
  scorer.forgetMemo();
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * For {@link bestMatches}: a left row that shares its valid ID with right rows is paired by that ID, and a
 * pair by ID beats every other pair of the row, so only those pairs are scored (through `keep`) and the row
 * is left out of the blocking (the returned mask). A row whose ID group would be compared by window (over
 * `maxBlockSize` rows with the ID) or yields no pair by ID (another kind of ID) stays in the blocking.
 * Most payouts carry the ID of their approved beneficiary: at a million rows this skips most of the link.
 */
function pairByIdFirst(
  recs: RunRows,
  maxBlockSize: number,
  leftActive: Uint8Array | undefined,
  out: readonly MatchPair[],
  keep: (i: number, j: number) => void,
  partner: Int32Array,
): Uint8Array {
  const leftCount = recs.leftCount;
  const L = recs.left;
  const R = recs.right;
  const active = leftActive ? leftActive.slice() : new Uint8Array(leftCount).fill(1);
  if (R === null) return active;
  const rightCount = R.length;
  // The right rows by valid ID, counting-sorted: rightStart[k]…rightStart[k + 1] are the rows of ID k.
  // Arrays reused from one link to the next (see ScratchArrays).
  const scratch = scratchArrays();
  const ids = scratch.table('keys', rightCount);
  const idOf = scratch.int32('step.a', leftCount + rightCount, -1);
  for (let j = 0; j < rightCount; j++) {
    if (R.trustedKind[j] !== 0) idOf[leftCount + j] = ids.idOf(R.idKey[j] ?? -1);
  }
  const size = ids.size;
  const rightStart = scratch.int32('step.b', size + 1, 0);
  for (let j = 0; j < rightCount; j++) {
    const k = idOf[leftCount + j] ?? -1;
    if (k >= 0) rightStart[k + 1] = (rightStart[k + 1] ?? 0) + 1;
  }
  for (let k = 0; k < size; k++) rightStart[k + 1] = (rightStart[k + 1] ?? 0) + (rightStart[k] ?? 0);
  const fill = scratch.int32('step.c', size, 0);
  fill.set(rightStart.subarray(0, size));
  const rightRows = scratch.int32('step.d', rightStart[size] ?? 0, 0);
  for (let j = 0; j < rightCount; j++) {
    const k = idOf[leftCount + j] ?? -1;
    if (k < 0) continue;
    const at = fill[k] ?? 0;
    rightRows[at] = j;
    fill[k] = at + 1;
  }
  const leftWith = scratch.int32('step.e', size, 0);
  for (let i = 0; i < leftCount; i++) {
    if (active[i] !== 1 || L.trustedKind[i] === 0) continue;
    const k = ids.find(L.idKey[i] ?? -1);
    idOf[i] = k;
    if (k >= 0) leftWith[k] = (leftWith[k] ?? 0) + 1;
  }
  for (let i = 0; i < leftCount; i++) {
    const k = idOf[i] ?? -1;
    if (k < 0 || active[i] !== 1) continue;
    const from = rightStart[k] ?? 0;
    const to = rightStart[k + 1] ?? 0;
    if (to - from + (leftWith[k] ?? 0) > maxBlockSize) continue;
    const j = rightRows[from] ?? 0;
    if (to - from === 1 && R.trustedKind[j] === L.trustedKind[i]) {
      // The one row with this ID, of the same kind: paired by ID whatever its score, so scored only if read.
      partner[i] = j;
      active[i] = 0;
      continue;
    }
    const before = out.length;
    for (let x = from; x < to; x++) keep(i, leftCount + (rightRows[x] ?? 0));
    let byId = false;
    for (let x = before; x < out.length; x++) byId ||= out[x]?.byId === true;
    if (byId) active[i] = 0;
    else (out as MatchPair[]).length = before; // scored again by the blocking, as every other pair of the row
  }
  return active;
}

/** Two valid IDs of the same kind that differ (idMode 'trusted'): two people, unless one ID was mistyped. */
function idsConflict(recs: RunRows, i: number, j: number): boolean {
  const A = recs.rowsOf(i);
  const B = recs.rowsOf(j);
  const a = recs.indexOf(i);
  const b = recs.indexOf(j);
  const kind = A.trustedKind[a] ?? 0;
  return kind !== 0 && kind === B.trustedKind[b] && A.idKey[a] !== B.idKey[b];
}

/**
 * Pairs of records within one list that are the same person ('match') or may be ('possible'), a < b.
 * With `dropIdConflicts`, pairs of two valid IDs of one kind that differ are left out unscored: for a
 * caller that drops them anyway (the checks: see notSamePersonReason), where they were most of the
 * pairs scored among a million payouts with IDs.
 * @example dedupe(payouts).filter((p) => p.decision === 'match')
 */
export function dedupe(
  records: readonly MatchInput[],
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
  cache = newPrepareCache(),
  options: { dropIdConflicts?: boolean } = {},
): MatchPair[] {
  return run(records, null, config, cache, undefined, undefined, options.dropIdConflicts === true);
}

/**
 * Pairs across two lists: `a` indexes `left`, `b` indexes `right`. With `leftActive`, only the left rows
 * marked 1 are matched; value frequencies and the prior still come from the whole lists, so a pair scores
 * as in a link of every row (only a block over the size cap can differ: with fewer rows it may be compared
 * all-pairs instead of by window).
 */
export function link(
  left: readonly MatchInput[],
  right: readonly MatchInput[],
  config: MatchConfig = DEFAULT_MATCH_CONFIG,
  cache = newPrepareCache(),
  leftActive?: Uint8Array,
): MatchPair[] {
  return run(left, right, config, cache, leftActive);
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
  leftActive?: Uint8Array,
): BestMatches {
  const byId = { partner: new Int32Array(left.length).fill(-1), score: null as ScorePair | null, make: null as MakePair | null };
  const pairs = run(left, right, config, cache, leftActive, byId);
  const best = new BestMatches(left.length, byId.partner, byId.score, byId.make);
  for (const pair of pairs) best.offer(pair);
  return best;
}
