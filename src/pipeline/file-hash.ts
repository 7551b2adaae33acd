import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { AppError, fileSystemReason } from '../domain/index.js';

/** sha256 of a file, streamed; a missing or unreadable file is a Vietnamese AppError naming it. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (error) {
    throw new AppError('UNREADABLE_FILE', fileSystemReason(error) ?? 'không đọc được tệp', { file: path.basename(file) }, { cause: error });
  }
  return hash.digest('hex');
}
