import { columnLetter, type CanonicalField, type RawRow } from '../domain/index.js';
import { foldKey } from '../normalize/index.js';
import { distinctTexts, rowTexts } from './cell-text.js';
import { genderOfHeader, matchHeader, type HeaderMatch } from './header-vocabulary.js';
import type { ColumnInfo } from './types.js';

/** Rows scanned for a header; real lists have at most a dozen title rows above it. */
export const HEADER_SCAN_ROWS = 30;
const MAX_HEADER_DEPTH = 3;
/** Fields that identify a row: a person, a household, or (population register) a commune. */
const KEY_FIELDS: readonly CanonicalField[] = ['fullName', 'idNumber', 'householdHead', 'commune', 'population'];

export interface DetectedHeader {
  headerRows: number[];
  dataStartRow: number;
  columns: ColumnInfo[];
  /** Folded texts of the header rows and of the column-number row, to spot them again after page breaks. */
  signatures: string[][];
  confidence: number;
}

/**
 * Finds the header block in the first rows of a sheet: the row (plus up to two sub-header rows
 * such as "Nam | Nữ" under "Năm sinh") whose cells match the most distinct canonical fields.
 * A row of column numbers ("(1) (2) (3)", "A B 1 2") under it is skipped. Null when no row has
 * at least three fields, or two of which one is a name or an ID.
 */
export function detectHeader(head: readonly RawRow[]): DetectedHeader | null {
  const texts = head.map((r) => rowTexts(r.cells));
  let best: { start: number; depth: number; columns: ScoredColumn[]; fields: number; total: number } | null = null;
  const limit = Math.min(head.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const first = texts[i] ?? [];
    if (distinctTexts(first).length < 2) continue;
    const block = [first];
    while (block.length < MAX_HEADER_DEPTH) {
      const next = i + block.length;
      const row = head[next];
      const prev = head[next - 1];
      const child = texts[next];
      if (!row || !prev || !child || row.row !== prev.row + 1) break;
      if (!isSubHeader(combineParents(block), child)) break;
      block.push(child);
    }
    // Keep the sub-header rows only when they do not lose fields (a section row is no sub-header).
    let columns = assignFields(combineBlock(block));
    if (block.length > 1) {
      const single = assignFields(combineBlock([first]));
      if (countFields(single) > countFields(columns)) {
        columns = single;
        block.length = 1;
      }
    }
    const fields = columns.filter((c) => c.field !== null);
    const strong = fields.some((c) => c.field !== null && KEY_FIELDS.includes(c.field));
    if (fields.length < 3 && !(fields.length >= 2 && strong)) continue;
    const total = columns.reduce((s, c) => s + c.score, 0);
    if (!best || fields.length > best.fields || (fields.length === best.fields && total > best.total)) {
      best = { start: i, depth: block.length, columns, fields: fields.length, total };
    }
  }
  if (!best) return null;
  const headerRows: number[] = [];
  const signatures: string[][] = [];
  for (let k = 0; k < best.depth; k++) {
    const row = head[best.start + k];
    if (row) headerRows.push(row.row);
    signatures.push(foldRow(texts[best.start + k] ?? []));
  }
  const last = headerRows[headerRows.length - 1] ?? 1;
  let dataStartRow = last + 1;
  const afterIndex = best.start + best.depth;
  const after = head[afterIndex];
  const afterTexts = texts[afterIndex];
  if (after && afterTexts && isColumnNumberRow(afterTexts)) {
    dataStartRow = after.row + 1;
    signatures.push(foldRow(afterTexts));
  }
  const nonEmpty = best.columns.filter((c) => c.header !== '').length;
  const confidence = Math.min(1, (best.fields / Math.max(3, nonEmpty)) * (best.columns.some((c) => c.field !== null && KEY_FIELDS.includes(c.field)) ? 1 : 0.7));
  return {
    headerRows,
    dataStartRow,
    columns: best.columns.map(({ score: _score, ...c }) => c),
    signatures,
    confidence: Math.round(confidence * 100) / 100,
  };
}

function countFields(columns: readonly ColumnInfo[]): number {
  return columns.filter((c) => c.field !== null).length;
}

function foldRow(texts: readonly (string | null)[]): string[] {
  return texts.map((t) => (t === null ? '' : foldKey(t)));
}

const COLUMN_NUMBER_TOKEN = String.raw`\(?(?:\d{1,2}|[A-Z])\)?`;
/** A column-number cell: "1", "(2)", "A", "3=1x2"; compiled once (rows are tested by the million). */
const COLUMN_NUMBER = new RegExp(`^${COLUMN_NUMBER_TOKEN}(?:[=x×*+\\-/]${COLUMN_NUMBER_TOKEN})*$`);

/** A row like "(1) (2) (3)", "A B 1 2 3" or "(10)=(8)x(9)": numbers the columns, holds no data. */
export function isColumnNumberRow(texts: readonly (string | null)[]): boolean {
  const cells = texts.filter((t): t is string => t !== null);
  if (cells.length < 3) return false;
  return cells.every((t) => COLUMN_NUMBER.test(t.replace(/\s+/g, '')));
}

/** For each column, the texts of the parent rows so far (an empty parent cell under a merge-less header takes its left neighbour). */
function combineParents(block: readonly (readonly (string | null)[])[]): (string | null)[] {
  const combined = combineBlock(block);
  return combined.map((parts) => (parts.length ? (parts[parts.length - 1] ?? null) : null));
}

/**
 * Whether `child` is a sub-header row under `parent`: each of its cells repeats the parent (a
 * vertical merge) or is itself a header word, and at least one differs from the parent.
 */
function isSubHeader(parent: readonly (string | null)[], child: readonly (string | null)[]): boolean {
  if (isColumnNumberRow(child) || distinctTexts(child).length < 2) return false;
  let differing = 0;
  let other = 0;
  child.forEach((text, c) => {
    if (text === null) return;
    const above = parent[c] ?? null;
    if (above !== null && foldKey(above) === foldKey(text)) return;
    if (genderOfHeader(text) || matchHeader(text).length > 0) differing++;
    else other++;
  });
  return differing >= 1 && other <= Math.floor(differing / 2);
}

/** Per column, the distinct texts from the top header row down, with blank parents filled from the left. */
function combineBlock(block: readonly (readonly (string | null)[])[]): string[][] {
  const width = Math.max(0, ...block.map((r) => r.length));
  const filled: (string | null)[][] = block.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  // CSV and unmerged files leave the parent blank over its second sub-column: borrow from the left.
  for (let k = 0; k < filled.length - 1; k++) {
    const row = filled[k];
    const below = filled[k + 1];
    if (!row || !below) continue;
    for (let c = 1; c < width; c++) {
      if (row[c] === null && below[c] !== null && below[c - 1] !== null && row[c - 1] !== null) row[c] = row[c - 1] ?? null;
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of filled) {
      const t = row[c] ?? null;
      if (t !== null && !parts.some((p) => foldKey(p) === foldKey(t))) parts.push(t);
    }
    return parts;
  });
}

interface ScoredColumn extends ColumnInfo {
  score: number;
}

function candidatesFor(parts: readonly string[]): HeaderMatch[] {
  if (parts.length === 0) return [];
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1) {
    const gender = genderOfHeader(last);
    const underBirth = parts.slice(0, -1).some((p) => matchHeader(p)[0]?.field === 'birthDate');
    if (gender && underBirth) return [{ field: gender === 'M' ? 'birthYearMale' : 'birthYearFemale', score: 400 }];
    const child = matchHeader(last);
    if (child.length > 0) return child;
    const joined = matchHeader(parts.join(' '));
    if (joined.length > 0) return joined;
    return matchHeader(parts[0] ?? '');
  }
  return matchHeader(last);
}

/** Maps each field to at most one column: the best kind of match, leftmost on ties. */
function assignFields(combined: readonly string[][]): ScoredColumn[] {
  const columns: ScoredColumn[] = combined.map((parts, index) => ({
    index,
    letter: columnLetter(index),
    header: parts.join(' / '),
    field: null,
    score: 0,
  }));
  const candidates: { index: number; field: CanonicalField; score: number }[] = [];
  combined.forEach((parts, index) => {
    for (const m of candidatesFor(parts)) candidates.push({ index, field: m.field, score: m.score });
  });
  // Across columns only the kind of match counts (exact, prefix, contained), so the leftmost of two
  // exact matches wins; the variant length only ranks the fields within one column.
  const weight = (score: number): number => Math.floor(score / 100);
  candidates.sort((a, b) => weight(b.score) - weight(a.score) || a.index - b.index || b.score - a.score);
  const taken = new Set<CanonicalField>();
  for (const cand of candidates) {
    const col = columns[cand.index];
    if (!col || col.field !== null || taken.has(cand.field)) continue;
    col.field = cand.field;
    col.score = cand.score;
    taken.add(cand.field);
  }
  return columns;
}
