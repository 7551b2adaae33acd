import type { GroupCode, Person, Ymd } from './model.js';
import type { World } from './world.js';

/** A date literal. */
export const ymd = (y: number, m: number, d: number): Ymd => ({ y, m, d });

/** Commune pickers and person factories shared by the planting functions. */
export interface PlantHelpers {
  readonly xlsx: readonly number[];
  readonly any: (list?: readonly number[]) => number;
  readonly otherVillage: (c: number, v: number) => number;
  readonly fresh: (c: number, group: GroupCode, extra?: Parameters<World['person']>[2]) => Person;
}

/** Helpers of the amount and data-quality plants. */
export interface AmountHelpers {
  readonly xlsx: readonly number[];
  readonly any: (list?: readonly number[]) => number;
  readonly withBank: readonly number[];
  readonly withCommuneColumn: readonly number[];
  readonly noSections: readonly number[];
  readonly fresh: (c: number, group: GroupCode, extra?: Parameters<World['person']>[2]) => Person;
}
