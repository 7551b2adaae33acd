import type { ColumnarRecords, PersonRecord, Role } from '../domain/index.js';
import { ENCODED, ENCODED_WIDTH, type EncodedRecords } from './record-encoding.js';
import { newColumnarRecords, pushAsStored, pushRow, StringPool } from './record-columns.js';

/**
 * The records of the uploads a job stored, kept as loadRecords(db, audit, undefined, { raw: false })
 * would read them back: for a job that ingests and then checks in one process (the CLI's audit), which
 * so skips reading and decoding every row again (12 s of the 70 s of checks on a million-row district).
 * Each upload's rows are collected while it is stored and kept only once it is (see {@link UploadKeeper}),
 * in columns (see ColumnarRecords).
 */
export class KeptRecords {
  private readonly strings = new StringPool();
  /**
   * Each stored upload's table, with the order of its rows as stored when they did not arrive in it. The
   * records themselves (an object of 40 bytes each, 95 MB for a million-payout audit's 2.4 million rows) are
   * only made by {@link take}: while the ingest still runs, with its reading and writing threads, they were
   * its memory peak.
   */
  private kept: { table: ColumnarRecords; order: Int32Array | null }[] = [];

  /** A keeper for one upload's batches, in the order the store receives them. */
  forUpload(role: Role, uploadFile: string): UploadKeeper {
    return new UploadKeeper(this.strings, role, uploadFile, (table, order) => this.kept.push({ table, order }));
  }

  /** Every kept record, uploads in the order they were stored; the keeper lets go of them. */
  take(): PersonRecord[] {
    this.strings.close();
    let count = 0;
    for (const { table } of this.kept) count += table.length;
    const records = new Array<PersonRecord>(count);
    let at = 0;
    for (const { table, order } of this.kept) {
      for (let i = 0; i < table.length; i++) records[at++] = table.record(order === null ? i : (order[i] as number));
    }
    this.kept = [];
    return records;
  }
}

/** Collects one upload's records; they join the job's only when {@link UploadKeeper.stored} is called. */
export class UploadKeeper {
  private readonly table: ColumnarRecords;
  private readonly sheetOrder = new Map<string, number>();
  private inOrder = true;
  private lastSheet = -1;
  private lastRow = -Infinity;

  constructor(
    private readonly strings: StringPool,
    private readonly role: Role,
    private readonly uploadFile: string,
    private readonly onStored: (table: ColumnarRecords, order: Int32Array | null) => void,
  ) {
    this.table = newColumnarRecords(strings);
  }

  /** A batch as the store receives it: records, or records already encoded for it. */
  add(batch: readonly PersonRecord[] | EncodedRecords): void {
    if (Array.isArray(batch)) {
      for (const record of batch as readonly PersonRecord[]) this.placed(pushAsStored(this.table, record, this.role, this.uploadFile, this.strings));
      return;
    }
    const { count, values } = batch as EncodedRecords;
    for (let i = 0, o = 0; i < count; i++, o += ENCODED_WIDTH) {
      const row = {
        file: values[o + ENCODED.file] as string | null,
        sheet: String(values[o + ENCODED.sheet]),
        row_number: Number(values[o + ENCODED.row]),
        record_json: String(values[o + ENCODED.json]),
      };
      this.placed(pushRow(this.table, row, this.role, this.uploadFile, this.strings));
    }
  }

  /** The upload is stored: its records join the job's, in the order loadRecords reads them. */
  stored(): void {
    this.table.seal();
    this.onStored(this.table, this.inOrder ? null : this.storedOrder());
  }

  /** Notes where the row just added sits, to know whether the rows arrive in the store's order. */
  private placed(index: number): void {
    const name = this.table.sheetAt(index);
    const row = this.table.rowAt(index);
    let sheet = this.sheetOrder.get(name);
    if (sheet === undefined) {
      sheet = this.sheetOrder.size;
      this.sheetOrder.set(name, sheet);
    }
    if (sheet < this.lastSheet || (sheet === this.lastSheet && row < this.lastRow)) this.inOrder = false;
    this.lastSheet = sheet;
    this.lastRow = row;
  }

  /**
   * The store numbers sheets in the order they first arrive and reads an upload back by that number, then
   * row, then arrival: the table's rows in that order, for rows that did not arrive in it.
   */
  private storedOrder(): Int32Array {
    const table = this.table;
    const sheetOf = (i: number): number => this.sheetOrder.get(table.sheetAt(i)) ?? 0;
    const order = Array.from({ length: table.length }, (_, i) => i);
    // Array sort is stable: rows of one sheet and row number keep their arrival order.
    order.sort((a, b) => sheetOf(a) - sheetOf(b) || table.rowAt(a) - table.rowAt(b));
    return Int32Array.from(order);
  }
}
