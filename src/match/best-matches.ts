import type { FieldComparison, MatchPair } from './match-pair.js';

/** Each left row's best pair, read by row: an array of pairs is one, and so is {@link BestMatches}. */
export interface BestPairs {
  readonly length: number;
  /** Row i's best pair; null (or undefined) when it has none. */
  at(i: number): MatchPair | null | undefined;
}

/** A pair's scoring, asked for only when a pair by ID is read (see PairById). */
export type ScorePair = (a: number, b: number) => MatchPair;

/** A kept pair made again from what {@link BestMatches} holds of it (see MakePair). */
export type MakePair = (a: number, b: number, weight: number, decision: 'match' | 'possible', byId: boolean) => MatchPair;

/** In {@link BestMatches}' partners: no pair; codes below it are held pairs (see heldCode). */
const NONE = -1;
/** The partner code of held pair `slot`, and back: −2, −3, … */
const heldCode = (slot: number): number => -2 - slot;
const heldSlot = (code: number): number => -2 - code;
/** Bits of a held pair's flags. */
const MATCH = 1;
const BY_ID = 2;

/**
 * The best pair of each left row of a link (see bestMatches), in columns: a row paired by ID keeps only its
 * partner's row, and its pair is made when read. A million payouts paired by ID with the approved list
 * were a million pair objects and an array of them (some 70 MB) kept for the whole run of the checks. The
 * other pairs kept are held as their right row, weight and decision, and made again when read: the 164,000
 * pairs of a million payouts not paired by ID, held as objects in a map, were some 23 MB at the checks' peak.
 */
export class BestMatches implements BestPairs {
  /**
   * Per left row: the right row it is paired with by ID, NONE, or the code of its held pair (see heldCode);
   * null when few rows are paired by ID, which `sparse` then holds by row (a link with a register pairs a
   * few payouts of a million, and a partner per payout was 4 MB per register for the whole run of the checks).
   */
  private readonly partner: Int32Array | null;
  private readonly sparse = new Map<number, number>();
  /** Held pairs by slot: right row, weight, flags (MATCH, BY_ID). */
  private heldB = new Int32Array(0);
  private heldWeight = new Float64Array(0);
  private heldFlags = new Uint8Array(0);
  private heldCount = 0;

  /**
   * `byId[i]`: the right row left row i is paired with by ID, or −1 (taken over, not copied); `score`
   * scores such a pair when its weight or comparisons are read; `make` makes a held pair again when read
   * (needed by {@link offer}).
   */
  constructor(
    readonly length: number,
    byId: Int32Array | null,
    private readonly score: ScorePair | null,
    private readonly make: MakePair | null = null,
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
    return this.partner === null ? (this.sparse.get(i) ?? NONE) : (this.partner[i] ?? NONE);
  }

  private setPartner(i: number, code: number): void {
    if (this.partner !== null) this.partner[i] = code;
    else if (code === NONE) this.sparse.delete(i);
    else this.sparse.set(i, code);
  }

  at(i: number): MatchPair | null {
    const code = this.partnerOf(i);
    if (code >= 0) return this.score !== null ? new PairById(i, code, this.score) : null;
    if (code === NONE || this.make === null) return null;
    const slot = heldSlot(code);
    const flags = this.heldFlags[slot] ?? 0;
    return this.make(i, this.heldB[slot] ?? 0, this.heldWeight[slot] ?? 0, (flags & MATCH) !== 0 ? 'match' : 'possible', (flags & BY_ID) !== 0);
  }

  /** Offers a pair of left row `pair.a`: kept when it beats the row's pair so far (by ID first, then weight). */
  offer(pair: MatchPair): void {
    if (this.make === null) throw new Error('BestMatches: a pair offered without a way to make it again');
    const current = this.at(pair.a);
    if (current === null || (pair.byId && !current.byId) || (pair.byId === current.byId && pair.weight > current.weight)) {
      const code = this.partnerOf(pair.a);
      const slot = code <= heldCode(0) ? heldSlot(code) : this.newSlot();
      this.heldB[slot] = pair.b;
      this.heldWeight[slot] = pair.weight;
      this.heldFlags[slot] = (pair.decision === 'match' ? MATCH : 0) | (pair.byId ? BY_ID : 0);
      this.setPartner(pair.a, heldCode(slot));
    }
  }

  private newSlot(): number {
    if (this.heldCount === this.heldB.length) {
      const room = Math.max(64, this.heldCount * 2);
      const b = new Int32Array(room);
      const weight = new Float64Array(room);
      const flags = new Uint8Array(room);
      b.set(this.heldB);
      weight.set(this.heldWeight);
      flags.set(this.heldFlags);
      [this.heldB, this.heldWeight, this.heldFlags] = [b, weight, flags];
    }
    return this.heldCount++;
  }

  /** Forgets row i's pair (ruled out by the caller). */
  drop(i: number): void {
    if (i >= 0 && i < this.length) this.setPartner(i, NONE);
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
