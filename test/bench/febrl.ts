/**
 * FEBRL 4 benchmark of the person matcher: links dataset4a.csv to dataset4b.csv without training labels
 * (fixed m/u, value frequencies from the data) and prints pairwise precision, recall and F1 against the
 * true pairs (true_matches_dataset4.csv, or the entity number in rec_id when that file is absent).
 *
 *   npx tsx test/bench/febrl.ts PATH_TO_FEBRL_FOLDER
 *
 * The FEBRL files are read from the given folder and never copied into the project. rec_id is used only
 * for scoring the result, never for matching.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { MatchConfig, MatchInput, MatchPair } from '../../src/match/index.js';
import { DEFAULT_MATCH_CONFIG, link } from '../../src/match/index.js';

export interface FebrlRecord {
  readonly recId: string;
  readonly input: MatchInput;
}

/** FEBRL's soc_sec_id has typos in the duplicates: compared, never trusted as an ID. */
export const FEBRL_MATCH_CONFIG: MatchConfig = { ...DEFAULT_MATCH_CONFIG, idMode: 'compared' };

function isoDate(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const blankToNull = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/** Reads one FEBRL CSV (header with a space after each comma) into match inputs. */
export function readFebrl(text: string): FebrlRecord[] {
  const rows = parse(text, { columns: true, ltrim: true, rtrim: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => {
    const name = [row['surname'], row['given_name']].map(blankToNull).filter((v) => v !== null).join(' ');
    const dob = blankToNull(row['date_of_birth']);
    const year = dob !== null && /^\d{8}$/.test(dob) ? Number(dob.slice(0, 4)) : null;
    const address = [row['street_number'], row['address_1'], row['address_2']].map(blankToNull).filter((v) => v !== null).join(' ');
    return {
      recId: row['rec_id'] ?? '',
      input: {
        fullName: name === '' ? null : name,
        nameKey: null,
        birthDate: dob === null ? null : isoDate(dob),
        birthYear: year !== null && year >= 1880 && year <= 2030 ? year : null,
        gender: null,
        idNumber: blankToNull(row['soc_sec_id']),
        idKind: null,
        flags: [],
        householdCode: null,
        householdHead: null,
        communeCode: blankToNull(row['postcode']),
        village: blankToNull(row['suburb']),
        address: address === '' ? null : address,
      },
    };
  });
}

/** The entity of a FEBRL rec_id: "rec-12-dup-0" → "12". */
export const entityOf = (recId: string): string => /^rec-(\d+)-/.exec(recId)?.[1] ?? recId;

export interface Evaluation {
  readonly predicted: number;
  readonly truePositives: number;
  readonly trueLinks: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Pairwise precision / recall / F1 of the 'match' pairs (or also 'possible' ones) against true pairs. */
export function evaluate(
  pairs: readonly MatchPair[],
  left: readonly FebrlRecord[],
  right: readonly FebrlRecord[],
  truth: ReadonlySet<string>,
  includePossible = false,
): Evaluation {
  const chosen = pairs.filter((p) => p.decision === 'match' || includePossible);
  let tp = 0;
  for (const p of chosen) if (truth.has(`${left[p.a]?.recId}|${right[p.b]?.recId}`)) tp++;
  const precision = chosen.length === 0 ? 0 : tp / chosen.length;
  const recall = truth.size === 0 ? 0 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predicted: chosen.length, truePositives: tp, trueLinks: truth.size, precision, recall, f1 };
}

/** True pairs "leftRecId|rightRecId": from a truth CSV when given, else by equal entity number. */
export function truePairs(left: readonly FebrlRecord[], right: readonly FebrlRecord[], truthCsv?: string): Set<string> {
  const truth = new Set<string>();
  if (truthCsv !== undefined) {
    const rows = parse(truthCsv, { columns: false, from_line: 2, ltrim: true, rtrim: true, skip_empty_lines: true }) as string[][];
    for (const [a, b] of rows) if (a !== undefined && b !== undefined) truth.add(`${a}|${b}`);
    return truth;
  }
  const byEntity = new Map<string, string[]>();
  for (const r of right) {
    const e = entityOf(r.recId);
    byEntity.set(e, [...(byEntity.get(e) ?? []), r.recId]);
  }
  for (const l of left) for (const r of byEntity.get(entityOf(l.recId)) ?? []) truth.add(`${l.recId}|${r}`);
  return truth;
}

/** Links two FEBRL files' texts and evaluates the result. */
export function linkFebrl(
  leftCsv: string,
  rightCsv: string,
  truthCsv?: string,
  config: MatchConfig = FEBRL_MATCH_CONFIG,
): { pairs: MatchPair[]; left: FebrlRecord[]; right: FebrlRecord[]; evaluation: Evaluation; withPossible: Evaluation } {
  const left = readFebrl(leftCsv);
  const right = readFebrl(rightCsv);
  const pairs = link(left.map((r) => r.input), right.map((r) => r.input), config);
  const truth = truePairs(left, right, truthCsv);
  return {
    pairs,
    left,
    right,
    evaluation: evaluate(pairs, left, right, truth),
    withPossible: evaluate(pairs, left, right, truth, true),
  };
}

function main(folder: string): void {
  const read = (name: string): string => readFileSync(join(folder, name), 'utf8');
  const truthFile = join(folder, 'true_matches_dataset4.csv');
  const started = performance.now();
  const result = linkFebrl(read('dataset4a.csv'), read('dataset4b.csv'), existsSync(truthFile) ? read('true_matches_dataset4.csv') : undefined);
  const seconds = (performance.now() - started) / 1000;
  const show = (label: string, e: Evaluation): void =>
    console.log(
      `${label}: predicted ${e.predicted}, true positives ${e.truePositives} of ${e.trueLinks} true links; ` +
        `precision ${e.precision.toFixed(4)}, recall ${e.recall.toFixed(4)}, F1 ${e.f1.toFixed(4)}`,
    );
  console.log(`FEBRL 4: ${result.left.length} × ${result.right.length} records linked in ${seconds.toFixed(2)} s`);
  show("'match' pairs", result.evaluation);
  show("'match' + 'possible' pairs", result.withPossible);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folder = process.argv[2];
  if (folder === undefined) {
    console.error('Cách dùng: npx tsx test/bench/febrl.ts THƯ_MỤC_FEBRL');
    process.exit(2);
  }
  main(folder);
}
