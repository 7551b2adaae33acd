import path from 'node:path';
import { AppError, type PersonRecord, type Role } from '../domain/index.js';
import { readRecords, readRecordsInWorker, type ExplicitMapping, type FileStats, type IngestOptions } from '../ingest/index.js';
import type { GroupVocabulary } from '../normalize/index.js';
import { findUploadBySha, storeUpload, type Db, type UploadInput, type UploadRow } from '../store/index.js';
import { sha256File } from './file-hash.js';

export interface IngestUploadInput {
  readonly auditId: number;
  readonly path: string;
  readonly role: Role;
  readonly mapping?: ExplicitMapping;
  readonly groups?: GroupVocabulary[];
  readonly uploadedBy?: string | null;
  readonly defaultCommune?: string;
  readonly onProgress?: (rowsRead: number) => void;
  /**
   * Read and normalise the file in a worker thread while this thread stores the rows (default false).
   * Pays off only with an idle second core: on a machine already fully loaded it measured slower.
   */
  readonly readInWorker?: boolean;
}

export interface IngestUploadResult {
  readonly upload: UploadRow;
  readonly stats: FileStats;
  readonly sha256: string;
}

/**
 * Ingests one file into an audit as one upload: all its rows or none. The same file (same sha256)
 * uploaded twice into one audit is refused with DUPLICATE_UPLOAD instead of being doubled.
 */
export async function ingestUpload(db: Db, input: IngestUploadInput): Promise<IngestUploadResult> {
  const file = path.basename(input.path);
  const sha256 = await sha256File(input.path);
  const earlier = await findUploadBySha(db, input.auditId, sha256);
  if (earlier) {
    throw new AppError(
      'DUPLICATE_UPLOAD',
      `tệp này đã được tải lên cuộc kiểm tra này (lần tải số ${earlier.id}, tệp "${earlier.file}"); không nạp lại để tránh trùng dữ liệu`,
      { file },
    );
  }
  const options: IngestOptions = {
    role: input.role,
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.groups ? { groups: input.groups } : {}),
    ...(input.defaultCommune ? { defaultCommune: input.defaultCommune } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };

  const inWorker = input.readInWorker ?? false;
  let stats: FileStats | undefined;
  async function* batches(): AsyncGenerator<readonly PersonRecord[]> {
    // Typed to accept return(undefined): closing it early (the store failed) stops the reading worker.
    const generator: AsyncGenerator<PersonRecord[], FileStats | undefined> = inWorker
      ? readRecordsInWorker(input.path, options)
      : readRecords(input.path, options);
    try {
      for (;;) {
        const step = await generator.next();
        if (step.done) {
          stats = step.value;
          return;
        }
        yield step.value;
      }
    } finally {
      if (stats === undefined) await generator.return(undefined);
    }
  }
  // The counts are only known once every row is read; the store reads them at the end of the transaction.
  const uploadInput: UploadInput = {
    auditId: input.auditId,
    file,
    sha256,
    role: input.role,
    uploadedBy: input.uploadedBy ?? null,
    get mapping() {
      return stats?.mapping ?? {};
    },
    get sheets() {
      return (stats?.sheets ?? []).map((s) => ({
        sheet: s.sheet,
        headerRow: s.headerRow,
        rowsRead: s.rowsRead,
        rowsSkipped: s.rowsSkipped,
        rowsRejected: s.rowsRejected,
        skipped: s.skipped,
      }));
    },
  };
  const upload = await storeUpload(db, uploadInput, batches());
  if (!stats) throw new AppError('INTERNAL', 'không nhận được thống kê của tệp sau khi đọc', { file });
  return { upload, stats, sha256 };
}
