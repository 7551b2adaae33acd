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
  private kept: PersonRecord[] = [];

  /** A keeper for one upload's batches, in the order the store receives them. */
  forUpload(role: Role, uploadFile: string): UploadKeeper {
    return new UploadKeeper(this.strings, role, uploadFile, (records) => {
      for (const record of records) this.kept.push(record);
    });
  }

  /** Every kept record, uploads in the order they were stored; the keeper lets go of them. */
  take(): PersonRecord[] {
    this.strings.close();
    const records = this.kept;
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
    private readonly onStored: (records: readonly PersonRecord[]) => void,
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
    const records: PersonRecord[] = new Array<PersonRecord>(this.table.length);
    for (let i = 0; i < records.length; i++) records[i] = this.table.record(i);
    if (!this.inOrder) this.sortAsStored(records);
    this.onStored(records);
  }

  /** Notes where the row just added sits, to know whether the rows arrive in the store's order. */
  private placed(index: number): void {
    const record = this.table.record(index);
    let sheet = this.sheetOrder.get(record.sheet);
    if (sheet === undefined) {
      sheet = this.sheetOrder.size;
      this.sheetOrder.set(record.sheet, sheet);
    }
    if (sheet < this.lastSheet || (sheet === this.lastSheet && record.row < this.lastRow)) this.inOrder = false;
    this.lastSheet = sheet;
    this.lastRow = record.row;
  }

  /**
   * The store numbers sheets in the order they first arrive and reads an upload back by that number, then
   * row, then arrival: the same order here, for rows that did not arrive in it.
   */
  private sortAsStored(records: PersonRecord[]): void {
    // Array sort is stable: rows of one sheet and row number keep their arrival order.
    records.sort((a, b) => (this.sheetOrder.get(a.sheet) ?? 0) - (this.sheetOrder.get(b.sheet) ?? 0) || a.row - b.row);
  }
}
