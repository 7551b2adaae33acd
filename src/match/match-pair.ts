/** Result types of the matcher. */

/** One field of a compared pair: the two values, the agreement level and its log2 contribution. */
export interface FieldComparison {
  /** Field id: id, surname, middleName, givenName, birthDate, birthYear, gender, commune, village, household, address, father, mother. */
  readonly field: string;
  /** Vietnamese label: "Họ", "Tên", "Năm sinh", … */
  readonly label: string;
  readonly a: string | null;
  readonly b: string | null;
  /** 'exact' | 'close' | 'differ' | 'missing' (one side empty) | 'conflict' (two valid IDs of one kind differ, or two families' names) | 'incomparable' (e.g. CMND vs CCCD). */
  readonly level: string;
  /** log2 contribution to the match weight. */
  readonly weight: number;
}

/** A scored pair at or above the possible threshold. `weight` = `prior` + the sum of the comparisons' weights. */
export interface MatchPair {
  /** Index into the (left) input. */
  readonly a: number;
  /** Index into the same input (dedupe) or the right input (link). */
  readonly b: number;
  readonly weight: number;
  /** Posterior probability 2^w / (1 + 2^w). */
  readonly probability: number;
  readonly decision: 'match' | 'possible';
  /** True when both carry the same valid CMND/CCCD: a match whatever the score. */
  readonly byId: boolean;
  readonly comparisons: readonly FieldComparison[];
  /** log2 prior odds used (the first bar of the waterfall). */
  readonly prior: number;
  /** Thresholds the decision was taken against, so the explanation can quote them. */
  readonly matchThreshold: number;
  readonly possibleThreshold: number;
}
