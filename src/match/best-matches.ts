import type { FieldComparison, MatchPair } from './match-pair.js';

/** Each left row's best pair, read by row: an array of pairs is one, and so is {@link BestMatches}. */
export interface BestPairs {
  readonly length: number;
  /** Row i's best pair; null (or undefined) when it has none. */
  at(i: number): MatchPair | null | undefined;
}

/** A pair's scoring, asked for only when a pair by ID is read (see PairById). */
export type ScorePair = (a: number, b: number) => MatchPair;

/** In {@link BestMatches}' partners: no pair, or a pair held as an object (not by ID). */
const NONE = -1;
const HELD = -2;

/**
 * The best pair of each left row of a link (see bestMatches), in columns: a row paired by ID keeps only its
 * partner's row, and its pair is made when read. A million payouts paired by ID with the approved list
 * were a million pair objects and an array of them (some 70 MB) kept for the whole run of the checks.
 */
export class BestMatches implements BestPairs {
  /**
   * Per left row: the right row it is paired with by ID, NONE, or HELD (its pair is in `held`); null when few
   * rows are paired by ID, which `sparse` then holds (a link with a register pairs a few payouts of a million,
   * and a partner per payout was 4 MB per register for the whole run of the checks).
   */
  private readonly partner: Int32Array | null;
  private readonly sparse = new Map<number, number>();
  private readonly held = new Map<number, MatchPair>();

  /**
   * `byId[i]`: the right row left row i is paired with by ID, or −1 (taken over, not copied); `score`
   * scores such a pair when its weight or comparisons are read.
   */
  constructor(
    readonly length: number,
    byId: Int32Array | null,
    private readonly score: ScorePair | null,
  ) {
    let paired = 0;
    if (byId !== null) for (const b of byId) if (b >= 0) paired++;
    if (paired * 16 >= length) this.partner = byId ?? new Int32Array(length).fill(NONE);
    else {
      this.partner = null;
      if (byId !== null && paired > 0) byId.forEach((b, i) => b >= 0 && this.sparse.set(i, b));
    }
  }

  private partnerOf(i: number): number {
    return this.partner === null ? (this.held.has(i) ? HELD : (this.sparse.get(i) ?? NONE)) : (this.partner[i] ?? NONE);
  }

  at(i: number): MatchPair | null {
    const b = this.partnerOf(i);
    if (b === HELD) return this.held.get(i) ?? null;
    return b >= 0 && this.score !== null ? new PairById(i, b, this.score) : null;
  }

  /** Offers a pair of left row `pair.a`: kept when it beats the row's pair so far (by ID first, then weight). */
  offer(pair: MatchPair): void {
    const current = this.at(pair.a);
    if (current === null || (pair.byId && !current.byId) || (pair.byId === current.byId && pair.weight > current.weight)) {
      if (this.partner === null) this.sparse.delete(pair.a);
      else this.partner[pair.a] = HELD;
      this.held.set(pair.a, pair);
    }
  }

  /** Forgets row i's pair (ruled out by the caller). */
  drop(i: number): void {
    this.held.delete(i);
    if (this.partner === null) this.sparse.delete(i);
    else if (i >= 0 && i < this.partner.length) this.partner[i] = NONE;
  }

  /** Every row's pair, as an array. */
  toArray(): (MatchPair | null)[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/**
 * A pair by ID scored only when its weight or comparisons are first read: a link of a million payouts with
 * the approved list pairs most rows by ID and reads the scores of the few behind a finding.
 */
class PairById implements MatchPair {
  #scored: MatchPair | null = null;

  constructor(
    readonly a: number,
    readonly b: number,
    private readonly score: ScorePair,
  ) {}

  private get scored(): MatchPair {
    this.#scored ??= this.score(this.a, this.b);
    return this.#scored;
  }

  // Getters, not fields: a pass over a million payouts makes a million of these.
  get decision(): 'match' {
    return 'match';
  }

  get byId(): boolean {
    return true;
  }

  get weight(): number {
    return this.scored.weight;
  }

  get probability(): number {
    return this.scored.probability;
  }

  get prior(): number {
    return this.scored.prior;
  }

  get matchThreshold(): number {
    return this.scored.matchThreshold;
  }

  get possibleThreshold(): number {
    return this.scored.possibleThreshold;
  }

  get comparisons(): readonly FieldComparison[] {
    return this.scored.comparisons;
  }
}
