import type { Selectable } from 'kysely';
import { AppError } from '../domain/index.js';
import { isUniqueViolation, nowIso } from './in-transaction.js';
import type { AuditRow } from './rows.js';
import type { AuditsTable, Db } from './schema.js';

function toAudit(row: Selectable<AuditsTable>): AuditRow {
  return {
    id: Number(row.id),
    name: row.name,
    area: row.area,
    packageId: row.package_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Creates an audit; its name is unique (CONFLICT otherwise). */
export async function createAudit(
  db: Db,
  input: { name: string; area?: string | null; packageId: string; createdBy?: string | null },
): Promise<AuditRow> {
  try {
    const row = await db
      .insertInto('audits')
      .values({
        name: input.name,
        area: input.area ?? null,
        package_id: input.packageId,
        created_by: input.createdBy ?? null,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAudit(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `cuộc kiểm tra "${input.name}" đã tồn tại; hãy chọn tên khác`, undefined, { cause: error });
    }
    throw error;
  }
}

export async function findAuditByName(db: Db, name: string): Promise<AuditRow | undefined> {
  const row = await db.selectFrom('audits').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toAudit(row) : undefined;
}

export async function getAudit(db: Db, id: number): Promise<AuditRow | undefined> {
  const row = await db.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAudit(row) : undefined;
}

/** All audits, oldest first. */
export async function listAudits(db: Db): Promise<AuditRow[]> {
  const rows = await db.selectFrom('audits').selectAll().orderBy('id').execute();
  return rows.map(toAudit);
}
