import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { AppError } from '../../../domain/index.js';
import { writeCommunePostingList } from '../../../pipeline/index.js';
import type { AuditRow } from '../../../store/index.js';
import type { AppEnv, ServerContext } from '../../app-env.js';
import { logAction } from '../../audit-trail.js';
import { areaContains } from '../../auth/index.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The public posting list (danh sách niêm yết) of one commune of a visible audit, ID numbers masked,
 * as an .xlsx download. The commune must lie within both the audit's and the user's area
 * (NOT_FOUND otherwise). Logged as a download.
 */
export async function postingListResponse(ctx: ServerContext, c: Context<AppEnv>, audit: AuditRow, commune: string): Promise<Response> {
  if (!/^\d{5}$/.test(commune)) throw new AppError('BAD_INPUT', `mã xã "${commune}" không hợp lệ: cần mã xã 5 chữ số theo danh mục 2020`);
  if (!areaContains(audit.area, commune) || !areaContains(c.get('user').area, commune)) {
    throw new AppError('NOT_FOUND', `xã ${commune} không thuộc địa bàn của cuộc kiểm tra này`);
  }
  const dir = await mkdtemp(path.join(ctx.tempDir, 'niem-yet-'));
  try {
    const out = path.join(dir, 'danh-sach.xlsx');
    const { rows } = await writeCommunePostingList(ctx.db, { auditId: audit.id, communeCode: commune, out });
    const body = await readFile(out);
    await logAction(ctx, c, 'download', `audit:${audit.id}`, { format: 'posting-list.xlsx', commune, rows });
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': `attachment; filename="niem-yet-${audit.id}-${commune}.xlsx"`,
      'Cache-Control': 'no-store',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
