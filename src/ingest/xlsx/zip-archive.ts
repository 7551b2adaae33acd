/**
 * Random access to the entries of a zip file (the container of .xlsx/.ods/.xlsb): the central directory is
 * read once, then any entry can be streamed, inflated, in any order and without holding it in memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number; // 0 stored, 8 deflate
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Thrown for anything that is not a readable zip; callers turn it into a user-facing AppError. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Inflated chunk size: large enough that per-chunk overhead vanishes, small enough to stay in cache. */
const CHUNK_SIZE = 256 * 1024;

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** Streams the inflated bytes of an entry. */
  stream(entry: ZipEntry): AsyncIterable<Buffer>;
  /** Reads a (small) entry whole. */
  readAll(entry: ZipEntry): Promise<Buffer>;
  close(): Promise<void>;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
}

/** Finds the end-of-central-directory record in the file's tail. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

/**
 * Opens a zip archive and reads its central directory.
 * @example const zip = await openZip('a.xlsx'); zip.entries.has('xl/workbook.xml');
 */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_535 + 22 + 20);
    const tailStart = size - tailLength;
    const tail = await readAt(handle, tailStart, tailLength);
    const eocd = findEocd(tail);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) {
      const zip64Offset = Number(tail.readBigUInt64LE(eocd - 20 + 8));
      const z = await readAt(handle, zip64Offset, 56);
      if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError('bad zip64 record');
      count = Number(z.readBigUInt64LE(32));
      cdSize = Number(z.readBigUInt64LE(40));
      cdOffset = Number(z.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw new ZipFormatError('central directory out of range');
    const cd = await readAt(handle, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const rawName = cd.subarray(p + 46, p + 46 + nameLength);
      // Bit 11 says UTF-8; otherwise CP437, which for the ASCII names of OOXML parts is the same.
      const name = (flags & 0x800) !== 0 ? rawName.toString('utf8') : rawName.toString('latin1');
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) { uncompressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
          if (localHeaderOffset === 0xffffffff) { localHeaderOffset = Number(cd.readBigUInt64LE(q)); }
        }
        e += 4 + len;
      }
      if (!name.endsWith('/')) {
        // Some writers store names with a leading slash or backslashes; normalise to zip-standard form.
        const normalised = name.replace(/\\/g, '/').replace(/^\/+/, '');
        entries.set(normalised, { name: normalised, method, compressedSize, uncompressedSize, localHeaderOffset });
      }
      p = extraEnd + commentLength;
    }

    const dataStart = async (entry: ZipEntry): Promise<number> => {
      const header = await readAt(handle, entry.localHeaderOffset, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new ZipFormatError(`bad local header for ${entry.name}`);
      return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    };

    /** Reads the compressed bytes with positional reads (a FileHandle read stream would close the shared handle). */
    async function* compressed(start: number, length: number): AsyncGenerator<Buffer> {
      const end = start + length;
      for (let position = start; position < end; ) {
        const size = Math.min(CHUNK_SIZE, end - position);
        const buffer = Buffer.allocUnsafe(size);
        const { bytesRead } = await handle.read(buffer, 0, size, position);
        if (bytesRead === 0) throw new ZipFormatError('unexpected end of file');
        position += bytesRead;
        yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
      }
    }

    async function* stream(entry: ZipEntry): AsyncGenerator<Buffer> {
      const start = await dataStart(entry);
      if (entry.compressedSize === 0) return;
      if (entry.method === 0) {
        yield* compressed(start, entry.compressedSize);
        return;
      }
      if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
      const raw = Readable.from(compressed(start, entry.compressedSize), { highWaterMark: 4 });
      const inflate = createInflateRaw({ chunkSize: CHUNK_SIZE });
      raw.on('error', (error) => inflate.destroy(error));
      raw.pipe(inflate);
      try {
        for await (const chunk of inflate) yield chunk as Buffer;
      } finally {
        raw.unpipe(inflate);
        raw.destroy();
        inflate.destroy();
      }
    }

    async function readAll(entry: ZipEntry): Promise<Buffer> {
      const parts: Buffer[] = [];
      for await (const chunk of stream(entry)) parts.push(chunk);
      return Buffer.concat(parts);
    }

    return { entries, stream, readAll, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
