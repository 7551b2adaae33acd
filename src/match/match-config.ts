/**
 * Settings of the person matcher: decision thresholds on the log2 match weight, the prior, and the
 * m/u probabilities of each comparison level (Fellegi–Sunter). The package rules file can override any of
 * them; {@link DEFAULT_MATCH_CONFIG} holds the defaults.
 */

/** m = P(level | same person), u = P(level | different people); the level's weight is log2(m / u). */
export interface LevelProbabilities {
  readonly m: number;
  readonly u: number;
}

/**
 * One compared field. `exact`/`close`/`differ` are its agreement levels; `conflict` is two valid IDs of the
 * same kind that differ, or two family names of two families (see the scorer). With `tf`, the u of an exact
 * agreement is the frequency of the agreed value (in the data, shrunk towards `exact.u` or, for names,
 * towards the reference name tables).
 */
export interface FieldSettings {
  readonly exact: LevelProbabilities;
  readonly close: LevelProbabilities;
  readonly differ: LevelProbabilities;
  readonly conflict?: LevelProbabilities;
  readonly tf?: boolean;
}

export const FIELD_IDS = [
  'id',
  'surname',
  'middleName',
  'givenName',
  'birthDate',
  'birthYear',
  'gender',
  'commune',
  'village',
  'household',
  'address',
  'father',
  'mother',
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** Vietnamese labels of the compared fields, as shown in explanations. */
export const FIELD_LABELS: Readonly<Record<FieldId, string>> = {
  id: 'Số CMND/CCCD',
  surname: 'Họ',
  middleName: 'Tên đệm',
  givenName: 'Tên',
  birthDate: 'Ngày sinh',
  birthYear: 'Năm sinh',
  gender: 'Giới tính',
  commune: 'Xã/phường',
  village: 'Thôn/ấp/tổ',
  household: 'Hộ gia đình',
  address: 'Địa chỉ',
  father: 'Tên cha',
  mother: 'Tên mẹ',
};

export interface BlockingSettings {
  /** A block with more records than this is not compared all-pairs but by a sorted window. */
  readonly maxBlockSize: number;
  /** Neighbours each record is compared with inside an oversized block (sorted by name and birth date). */
  readonly window: number;
}

export interface MatchConfig {
  /**
   * Total log2 weight (prior included) at or above which a pair is a 'match'. Two valid IDs of one kind
   * that differ, or two families' names, cap the decision at 'possible', however high the weight: one of
   * them would have to be a typo.
   */
  readonly matchThreshold: number;
  /** Total log2 weight at or above which a pair is at least 'possible' (for review). */
  readonly possibleThreshold: number;
  /**
   * log2 prior odds that two records compared are the same person. When absent: one expected partner
   * per record among at least 1,000, i.e. −log2(max(n − 1, 1000)) for `dedupe` of n records and
   * −log2(max(m, 1000)) for `link` against m records (small test lists are judged like a commune's list).
   */
  readonly priorLog2?: number;
  /**
   * 'trusted' (default): a valid CMND/CCCD (no ID_INVALID or ID_SCIENTIFIC_NOTATION flag) equal on both
   * sides is a match outright, and two valid IDs of the same kind that differ are a conflict.
   * 'compared': the ID column is only one compared field (exact / one edit / differ) and never a short cut
   * (for sources whose ID column has typos, such as FEBRL's soc_sec_id).
   */
  readonly idMode?: 'trusted' | 'compared';
  /** Per-field m/u overrides; missing fields use the defaults. */
  readonly fields?: Partial<Record<FieldId, FieldSettings>>;
  /** Pseudo-records with which the reference frequency is blended into the data's own frequency. */
  readonly tfPriorWeight?: number;
  /** Jaro–Winkler similarity from which two name tokens count as 'close'. */
  readonly closeSimilarity?: number;
  /**
   * Two records of the same household (same household code, or same head when there are no codes) whose
   * given names or birth dates disagree are never paired: they are household members, not duplicates.
   */
  readonly householdMembersDistinct?: boolean;
  readonly blocking?: BlockingSettings;
}

const p = (m: number, u: number): LevelProbabilities => ({ m, u });

/** Default m/u probabilities per field. */
export const DEFAULT_FIELD_SETTINGS: Readonly<Record<FieldId, FieldSettings>> = {
  id: { exact: p(0.9, 1e-5), close: p(0.06, 1e-4), differ: p(0.04, 0.9999), conflict: p(0.0001, 0.9999), tf: true },
  // Conflict: two families (Nguyễn / Trần, Lưu / Đặng): a family name is inherited and kept for life, and a
  // keying slip seldom makes another family's; at a million payouts the plain 'differ' let namesakes with a
  // rare middle name through as duplicates.
  surname: { exact: p(0.936, 0.1), close: p(0.06, 0.01), differ: p(0.004, 0.89), conflict: p(0.0001, 0.89), tf: true },
  middleName: { exact: p(0.85, 0.1), close: p(0.08, 0.02), differ: p(0.07, 0.88), tf: true },
  givenName: { exact: p(0.92, 0.01), close: p(0.07, 0.02), differ: p(0.01, 0.97), tf: true },
  birthDate: { exact: p(0.85, 1 / 22000), close: p(0.1, 0.001), differ: p(0.05, 0.999), tf: true },
  birthYear: { exact: p(0.92, 1 / 60), close: p(0.07, 0.3), differ: p(0.005, 0.68), tf: true },
  gender: { exact: p(0.97, 0.5), close: p(0.97, 0.5), differ: p(0.03, 0.5) },
  commune: { exact: p(0.95, 0.1), close: p(0.95, 0.1), differ: p(0.05, 0.9), tf: true },
  village: { exact: p(0.85, 0.1), close: p(0.05, 0.02), differ: p(0.1, 0.88), tf: true },
  household: { exact: p(0.9, 0.05), close: p(0.04, 0.02), differ: p(0.003, 0.93) },
  address: { exact: p(0.7, 0.01), close: p(0.2, 0.05), differ: p(0.1, 0.94), tf: true },
  father: { exact: p(0.85, 0.005), close: p(0.1, 0.01), differ: p(0.05, 0.985) },
  mother: { exact: p(0.85, 0.005), close: p(0.1, 0.01), differ: p(0.05, 0.985) },
};

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  matchThreshold: 6,
  possibleThreshold: 3,
  idMode: 'trusted',
  fields: DEFAULT_FIELD_SETTINGS,
  tfPriorWeight: 200,
  closeSimilarity: 0.9,
  householdMembersDistinct: true,
  blocking: { maxBlockSize: 400, window: 25 },
};

/** A config with every optional part filled in from the defaults. */
export interface ResolvedMatchConfig {
  readonly matchThreshold: number;
  readonly possibleThreshold: number;
  readonly priorLog2: number | undefined;
  readonly idMode: 'trusted' | 'compared';
  readonly fields: Readonly<Record<FieldId, FieldSettings>>;
  readonly tfPriorWeight: number;
  readonly closeSimilarity: number;
  readonly householdMembersDistinct: boolean;
  readonly blocking: BlockingSettings;
}

export function resolveConfig(config: MatchConfig = DEFAULT_MATCH_CONFIG): ResolvedMatchConfig {
  return {
    matchThreshold: config.matchThreshold,
    possibleThreshold: config.possibleThreshold,
    priorLog2: config.priorLog2,
    idMode: config.idMode ?? 'trusted',
    fields: { ...DEFAULT_FIELD_SETTINGS, ...config.fields },
    tfPriorWeight: config.tfPriorWeight ?? 200,
    closeSimilarity: config.closeSimilarity ?? 0.9,
    householdMembersDistinct: config.householdMembersDistinct ?? true,
    blocking: config.blocking ?? { maxBlockSize: 400, window: 25 },
  };
}
