import { toPlainRecord, type Finding, type PersonRecord } from '../../domain/index.js';
import { paymentRows } from '../helpers.js';
import { makeFinding } from '../make-finding.js';
import { personKey } from '../person-key.js';
import { accountKey, phoneKey } from '../contact-keys.js';
import { money, textKey } from '../text.js';
import type { CheckContext } from '../types.js';
import { barChart, smallChart } from './charts.js';
import { viNumber } from './format.js';
import { byPosition, groupBy, joinNotes, RISK_BASIS, statisticalCheck, type StatSettings } from './stat-check.js';
import { communeKeyOf, communeLabel } from './units.js';

const ID = 'SHARED_CONTACT_CLUSTER';

type Kind = 'phone' | 'account' | 'address';

const LABELS: Record<Kind, string> = { phone: 'số điện thoại', account: 'số tài khoản', address: 'địa chỉ' };

/**
 * A specific address (with a house number or lot: at least one digit and 8 characters), commune-qualified;
 * bare village or commune names are shared by everyone and say nothing.
 */
export function addressKey(r: PersonRecord): string | null {
  const key = textKey(r.address);
  if (key.length < 8 || !/\d/.test(key)) return null;
  if (key === textKey(r.village) || key === textKey(r.communeName)) return null;
  return `${communeKeyOf(r) ?? ''}|${key}`;
}

/** The household of a row: its household code, else its head, else the person (commune-qualified). */
function householdOf(r: PersonRecord): string {
  const commune = communeKeyOf(r) ?? '';
  if (r.householdCode !== null && textKey(r.householdCode) !== '') return `${commune}|code:${textKey(r.householdCode)}`;
  if (r.householdHead !== null && textKey(r.householdHead) !== '') return `${commune}|head:${textKey(r.householdHead)}`;
  return personKey(r);
}

/**
 * SHARED_CONTACT_CLUSTER: one phone number or bank account shared by `minHouseholds` or more households, or
 * one specific address shared by `minHouseholdsAddress` or more, far beyond the usual one household per
 * contact (SHARED_ACCOUNT already reports every sharing between two households; this check ranks the large
 * clusters, a sign of invented people or of one person collecting for many).
 */
export const sharedContactCluster = statisticalCheck({
  id: ID,
  title: 'Nhiều hộ dùng chung số điện thoại, tài khoản hoặc địa chỉ',
  legalBasis: RISK_BASIS,
  analyse: analyseContacts,
});

function analyseContacts(ctx: CheckContext, s: StatSettings): { findings: Finding[]; note?: string } {
  const minHouseholds = s.num('minHouseholds', 4);
  const minAddress = s.num('minHouseholdsAddress', 6);
  const maxRecords = s.num('maxRecords', 50);
  const { rows } = paymentRows(ctx);
  const findings: Finding[] = [];
  const notes: string[] = [];
  const keyOf: Record<Kind, (r: PersonRecord) => string | null> = {
    phone: (r) => phoneKey(r.phone),
    account: (r) => accountKey(r.bankAccount),
    address: addressKey,
  };
  for (const kind of ['phone', 'account', 'address'] as const) {
    const threshold = kind === 'address' ? minAddress : minHouseholds;
    const groups = groupBy(rows, keyOf[kind]);
    if (groups.size === 0) continue;
    const sizes = [...groups.values()].map((list) => new Set(list.map(householdOf)).size);
    const shared = sizes.filter((n) => n >= 2).length;
    const typical = sizes.filter((n) => n === 1).length;
    notes.push(`${LABELS[kind]}: ${groups.size} giá trị, ${shared} giá trị dùng chung cho từ 2 hộ`);
    for (const [value, list] of groups) {
      const households = new Set(list.map(householdOf));
      if (households.size < threshold) continue;
      const people = new Set(list.map(personKey));
      const head = list[0] as PersonRecord;
      const cited = byPosition(list).slice(0, maxRecords);
      const names = [...new Set(list.map((r) => r.fullName ?? '(không ghi tên)'))];
      const communes = [...new Set(list.map((r) => communeLabel(r, communeKeyOf(r) ?? '')))];
      const shown = kind === 'address' ? (head.address ?? value) : value.replace(/^.*\|/, '');
      const total = list.reduce((a, r) => a + (r.amount ?? 0), 0);
      const distribution = [1, 2, 3].map((n) => ({ households: n === 3 ? '3+' : String(n), values: sizes.filter((x) => (n === 3 ? x >= 3 : x === n)).length }));
      const chart = smallChart(
        barChart({
          title: `Số hộ dùng chung ${LABELS[kind]}`,
          bars: [{ label: 'Thường gặp', value: 1 }, { label: 'Ngưỡng', value: threshold }, { label: 'Giá trị này', value: households.size, highlight: true }],
        }),
      );
      findings.push(
        makeFinding({
          rule: ID,
          category: 'statistical',
          severity: s.severity,
          score: Math.min(1, households.size / (2 * threshold)),
          amountAtRisk: 0,
          subject: { ...toPlainRecord(head), fullName: null, idNumber: null },
          records: cited,
          identities: [`${kind}:${value}`],
          explanation:
            `Cùng ${LABELS[kind]} ${shown} được ghi cho ${people.size} người thuộc ${households.size} hộ khác nhau (${communes.join(', ')}): ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}; ` +
            `tổng ${money(total)}. Thông thường mỗi ${LABELS[kind]} chỉ thuộc một hộ (${viNumber(typical, 0)}/${viNumber(groups.size, 0)} giá trị); ngưỡng ${threshold} hộ. ` +
            'Có thể một người nhận thay cho nhiều người hoặc người được khai khống; đây là dấu hiệu rủi ro cần xác minh, không phải kết luận sai phạm.',
          evidence: {
            statistic: 'householdsPerContact',
            kind,
            value: shown,
            households: households.size,
            people: people.size,
            threshold,
            total,
            distribution,
            peerGroup: { level: 'contacts', code: kind, name: LABELS[kind], size: groups.size },
            rowsTotal: list.length,
            rowsCited: cited.length,
            ...(chart ? { chart } : {}),
          },
        }),
      );
    }
  }
  return { findings, note: joinNotes([notes.length === 0 ? 'không có số điện thoại, tài khoản hay địa chỉ cụ thể để đối chiếu' : notes.join('; ')]) };
}
