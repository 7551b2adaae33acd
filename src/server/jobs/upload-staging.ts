import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CanonicalField, Role } from '../../domain/index.js';
import type { ServerContext } from '../app-env.js';
import { HttpError } from '../errors.js';
import { safeFileName, type SavedUpload } from './upload-job.js';

/** How long a preview's files wait for "Nạp dữ liệu" before they are removed. */
export const STAGING_TTL_MS = 2 * 60 * 60 * 1000;

const ROOT = 'ansinh-staging';
const MANIFEST = 'staging.json';
const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** One column of a previewed sheet: its letter, header text and the field detection gave it. */
export interface StagedColumn {
  readonly letter: string;
  readonly header: string;
  readonly field: CanonicalField | null;
}

/** One previewed sheet, as shown on the preview page (kept to show it again after a mistake). */
export interface StagedSheet {
  readonly sheet: string;
  readonly isDataSheet: boolean;
  readonly reason: string | null;
  readonly headerRows: readonly number[];
  readonly dataStartRow: number;
  readonly confidence: number;
  readonly title: string | null;
  readonly columns: readonly StagedColumn[];
  readonly rowsRead: number;
  readonly rowsSkipped: number;
  readonly rowsRejected: number;
  /** Skipped rows by Vietnamese reason label. */
  readonly skipped: Readonly<Record<string, number>>;
  /** The first records as they will be stored: display label → text. */
  readonly samples: readonly { readonly row: number; readonly values: Readonly<Record<string, string>> }[];
}

export interface StagedFile {
  /** The name the user sees. */
  readonly name: string;
  /** The file's folder inside the staging folder. */
  readonly folder: string;
  readonly rowsRead: number;
  readonly sheets: readonly StagedSheet[];
}

/** A file the preview could not read: not staged, shown with its Vietnamese error. */
export interface RefusedFile {
  readonly name: string;
  readonly message: string;
}

/** What a preview staged: whose, for which audit and role, and each file's inspection. */
export interface StagingManifest {
  readonly id: string;
  readonly username: string;
  readonly auditId: number;
  readonly role: Role;
  readonly createdAt: string;
  readonly files: readonly StagedFile[];
  readonly refused: readonly RefusedFile[];
}

function rootOf(ctx: ServerContext): string {
  return path.join(ctx.tempDir, ROOT);
}

/** A new private staging folder with an unguessable id; the caller saves files into it, then {@link writeManifest}. */
export async function createStaging(ctx: ServerContext): Promise<{ id: string; dir: string }> {
  await removeExpiredStaging(ctx);
  const id = randomBytes(24).toString('base64url');
  const dir = path.join(rootOf(ctx), id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return { id, dir };
}

/** Saves one uploaded file into the staging folder `dir` under its own sub-folder; returns its path. */
export async function stageFile(dir: string, index: number, file: File): Promise<{ folder: string; name: string; path: string }> {
  const folder = String(index);
  const name = safeFileName(file.name);
  await mkdir(path.join(dir, folder), { mode: 0o700 });
  const filePath = path.join(dir, folder, name);
  await writeFile(filePath, new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
  return { folder, name, path: filePath };
}

export async function writeManifest(ctx: ServerContext, manifest: StagingManifest): Promise<void> {
  await writeFile(path.join(rootOf(ctx), manifest.id, MANIFEST), JSON.stringify(manifest), { mode: 0o600 });
}

/** Removes a staging folder (a file the preview refused, a preview with nothing to stage). */
export async function removeStaging(ctx: ServerContext, id: string): Promise<void> {
  if (ID_PATTERN.test(id)) await rm(path.join(rootOf(ctx), id), { recursive: true, force: true });
}

const GONE = 'Bản xem trước này không còn (đã nạp, đã hết hạn sau 2 giờ hoặc không phải của bạn). Hãy chọn tệp và xem trước lại.';

/**
 * The manifest of a staging id, only for the user and audit that created it and before it expires;
 * otherwise NOT_FOUND (an id of another user is indistinguishable from one that never existed).
 */
export async function loadStaging(ctx: ServerContext, id: string, owner: { username: string; auditId: number }): Promise<StagingManifest> {
  if (!ID_PATTERN.test(id)) throw new HttpError('NOT_FOUND', GONE);
  let manifest: StagingManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(rootOf(ctx), id, MANIFEST), 'utf8')) as StagingManifest;
  } catch {
    throw new HttpError('NOT_FOUND', GONE);
  }
  if (manifest.id !== id || manifest.username !== owner.username || manifest.auditId !== owner.auditId) throw new HttpError('NOT_FOUND', GONE);
  if (isExpired(ctx, manifest.createdAt)) {
    await removeStaging(ctx, id);
    throw new HttpError('NOT_FOUND', GONE);
  }
  return manifest;
}

/**
 * Takes the staged files out of the staging folder for ingesting: each moves into its own upload
 * folder (removed by its job), and the staging folder is removed. Claiming is atomic (a rename), so
 * a form sent twice queues the files once; the second claim is NOT_FOUND.
 */
export async function claimStaging(ctx: ServerContext, manifest: StagingManifest): Promise<Map<string, Pick<SavedUpload, 'dir' | 'path' | 'name'>>> {
  const from = path.join(rootOf(ctx), manifest.id);
  const claimed = `${from}.claimed-${randomBytes(6).toString('hex')}`;
  try {
    await rename(from, claimed);
  } catch {
    throw new HttpError('NOT_FOUND', GONE);
  }
  const out = new Map<string, Pick<SavedUpload, 'dir' | 'path' | 'name'>>();
  try {
    for (const file of manifest.files) {
      const dir = await mkdtemp(path.join(ctx.tempDir, 'ansinh-upload-'));
      const target = path.join(dir, file.name);
      await rename(path.join(claimed, file.folder, file.name), target);
      out.set(file.folder, { dir, path: target, name: file.name });
    }
  } catch (error) {
    await Promise.all([...out.values()].map((s) => rm(s.dir, { recursive: true, force: true })));
    throw error;
  } finally {
    await rm(claimed, { recursive: true, force: true });
  }
  return out;
}

function isExpired(ctx: ServerContext, createdAt: string): boolean {
  const created = Date.parse(createdAt);
  return !Number.isFinite(created) || ctx.now().getTime() - created > STAGING_TTL_MS;
}

/** Removes staging folders older than {@link STAGING_TTL_MS} (run whenever a new preview starts). */
export async function removeExpiredStaging(ctx: ServerContext): Promise<void> {
  let names: string[];
  try {
    names = await readdir(rootOf(ctx));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(rootOf(ctx), name);
    let createdAt: string;
    try {
      createdAt = (JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as StagingManifest).createdAt;
    } catch {
      // A folder without a manifest is a preview still being written or one that failed half-way.
      createdAt = await stat(dir).then((s) => s.mtime.toISOString(), () => '');
    }
    if (isExpired(ctx, createdAt)) await rm(dir, { recursive: true, force: true });
  }
}
