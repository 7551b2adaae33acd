import type { Finding, PersonRecord, Role } from '../../src/domain/index.js';
import { storeUpload, type Db, type UploadRow } from '../../src/store/index.js';

/** A finding as the checks would produce it; every field overridable. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'DUPLICATE_PAYMENT:001080001234',
    rule: 'DUPLICATE_PAYMENT',
    category: 'duplicate',
    severity: 'high',
    score: 1,
    amountAtRisk: 1_500_000,
    subject: { name: 'Nguyễn Văn An', idNumber: '001080001234', commune: '00004' },
    records: [
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 1', row: 5 },
      { role: 'payouts', file: 'chi-tra.xlsx', sheet: 'Thôn 2', row: 9 },
    ],
    explanation: 'Ông Nguyễn Văn An (CCCD 001080001234) được chi trả 2 lần cho cùng kỳ hỗ trợ.',
    evidence: { payments: 2, total: 3_000_000 },
    status: 'new',
    version: 1,
    ...overrides,
  };
}

/** Yields the given batches; throws `failAfter` batches in when set. */
export async function* batchesOf(batches: readonly (readonly PersonRecord[])[], failAfter?: number): AsyncGenerator<readonly PersonRecord[]> {
  let n = 0;
  for (const batch of batches) {
    if (failAfter !== undefined && n === failAfter) throw new Error('đọc tệp thất bại giữa chừng');
    yield batch;
    n++;
  }
}

/** Stores `records` as one upload of `role` with a made-up hash. */
export async function storeRecords(
  db: Db,
  auditId: number,
  records: readonly PersonRecord[],
  options: { file?: string; role?: Role; sha256?: string } = {},
): Promise<UploadRow> {
  const file = options.file ?? records[0]?.file ?? 'chi-tra.xlsx';
  return storeUpload(
    db,
    {
      auditId,
      file,
      sha256: options.sha256 ?? `sha-${file}-${records.length}`,
      role: options.role ?? records[0]?.role ?? 'payouts',
      mapping: {},
      sheets: [],
    },
    batchesOf([records]),
  );
}
