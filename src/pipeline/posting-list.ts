import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/index.js';
import { AdminResolver } from '../normalize/index.js';
import { writePostingList, type PostingRow } from '../report/index.js';
import { loadPackage } from '../rules/index.js';
import { getAudit, streamRecords, type Db } from '../store/index.js';

/**
 * Writes the public posting list (danh sách niêm yết, Decision 15) of one commune: the approved
 * beneficiaries with groups and amounts, ID numbers masked. Uses payouts when no beneficiary list
 * was loaded.
 */
export async function writeCommunePostingList(db: Db, args: { auditId: number; communeCode: string; out: string }): Promise<{ rows: number }> {
  const audit = await getAudit(db, args.auditId);
  if (!audit) throw new AppError('NOT_FOUND', `không có cuộc kiểm tra số ${args.auditId}`);
  const admin = AdminResolver.load();
  const code = args.communeCode.padStart(5, '0');
  const commune = admin.commune(code);
  if (!commune) throw new AppError('BAD_INPUT', `mã xã "${args.communeCode}" không có trong danh mục đơn vị hành chính 2020`);
  const rules = loadPackage(audit.packageId);
  const groupName = new Map(Object.entries(rules.groups).map(([groupCode, g]) => [groupCode, g.name]));

  const hasBeneficiaries = await (async () => {
    for await (const batch of streamRecords(db, args.auditId, 'beneficiaries', 1)) return batch.length > 0;
    return false;
  })();
  const role = hasBeneficiaries ? 'beneficiaries' : 'payouts';
  async function* rows(): AsyncGenerator<PostingRow> {
    for await (const batch of streamRecords(db, args.auditId, role)) {
      for (const r of batch) {
        if (r.communeCode !== code || !r.fullName) continue;
        yield {
          name: r.fullName,
          birthYear: r.birthYear,
          gender: r.gender,
          idNumber: r.idNumber,
          village: r.village,
          groupCode: r.groupCode,
          groupName: (r.groupCode && groupName.get(r.groupCode)) ?? r.groupLabel ?? '',
          members: r.members,
          amount: r.amount,
        };
      }
    }
  }
  await mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
  return writePostingList(
    {
      communeCode: code,
      communeName: commune.name,
      districtName: commune.districtName,
      provinceName: commune.provinceName,
      packageTitle: rules.title,
      rows: rows(),
    },
    args.out,
  );
}
