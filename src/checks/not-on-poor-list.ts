import type { Finding, PersonRecord } from '../domain/index.js';
import { checkRules, groupName, paymentItems, type PaymentItem } from './helpers.js';
import { paymentFinding } from './payment-finding.js';
import { money, nameKeyOf, personLabel, textKey, viDate } from './text.js';
import type { CheckContext, CheckDefinition } from './types.js';

const ID = 'NOT_ON_POOR_LIST';
const CATEGORY = 'wrong_recipient';

function codeKey(code: string | null): string {
  return code === null ? '' : textKey(code).replace(/ /g, '');
}

/** An open row: of a poor / near-poor group, and its household code not on the register. */
interface OpenRow {
  readonly item: PaymentItem;
  readonly listDate: string;
  readonly code: string;
}

/**
 * Rows of a poor / near-poor group whose household code is not on the register, and how many codes the
 * register has: only these rows need the matcher, so only they are matched (a tenth of a district's
 * payouts, not all of them). The register's codes are let go before the matcher runs.
 */
function withoutCodeOnRegister(ctx: CheckContext, items: Iterable<PaymentItem>, register: readonly PersonRecord[]): { open: OpenRow[]; registerCodes: number } {
  const codes = new Set(register.map((p) => codeKey(p.householdCode)).filter((c) => c !== ''));
  const open: OpenRow[] = [];
  for (const item of items) {
    const groupCode = item.filled('groupCode');
    const group = groupCode === null ? undefined : ctx.rules.groups[groupCode];
    const listDate = group?.poorListDate?.value;
    if (listDate === undefined) continue;
    const code = codeKey(item.filled('householdCode'));
    if (code !== '' && codes.has(code)) continue;
    open.push({ item, listDate, code });
  }
  return { open, registerCodes: codes.size };
}

const headKey = (name: string, commune: string | null): string => `${textKey(name)}|${commune ?? ''}`;

/**
 * Which of the household heads of `rows` (by name and commune) the register holds, as a head or as a member.
 * Only the heads asked for are kept: every register row's keys were a set of 60 MB for a register of
 * 370,000 rows, held while the matcher's memory was at its highest.
 */
function headsOnRegister(register: readonly PersonRecord[], rows: readonly PersonRecord[]): Set<string> {
  const wanted = new Set<string>();
  for (const r of rows) if (r.householdHead) wanted.add(headKey(r.householdHead, r.communeCode));
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  for (const p of register) {
    const commune = p.communeCode ?? '';
    if (p.householdHead) {
      const head = headKey(p.householdHead, commune);
      if (wanted.has(head)) found.add(head);
    }
    const member = `${nameKeyOf(p)}|${commune}`;
    if (wanted.has(member)) found.add(member);
  }
  return found;
}

/**
 * NOT_ON_POOR_LIST: a row of a poor / near-poor household group (groups with `poorListDate`) whose
 * household is not on the poor-2019 register: not by household code, not by the person (matcher, a
 * 'possible' partner counts as found), and not by the household head's name in the same commune.
 * Only when that register was uploaded. Amount at risk: the whole payment.
 */
export const notOnPoorList: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Hộ nghèo/cận nghèo không có trong danh sách đến 31/12/2019',
  legalBasis: 'NQ 42/NQ-CP điểm 7 mục II: hộ nghèo, hộ cận nghèo trong danh sách đến ngày 31/12/2019',
  usesMatcher: true,
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    const register = ctx.data.registers['poor-2019'] ?? [];
    if (!cfg?.enabled || register.length === 0) return [];
    const { role, items } = paymentItems(ctx);
    const { open, registerCodes } = withoutCodeOnRegister(ctx, items, register);
    const best = open.length === 0 ? [] : ctx.matches.bestMatchesOf(role, 'poor-2019', open.map((o) => o.item.index));
    const unfound = open.filter((o) => best.at(o.item.index) == null);
    const heads = headsOnRegister(register, unfound.map((o) => o.item.view));
    const findings: Finding[] = [];
    for (const { item, listDate, code } of unfound) {
      const r = item.view;
      if (r.householdHead && heads.has(headKey(r.householdHead, r.communeCode))) continue;
      const by = code !== '' && registerCodes > 0 ? `mã hộ "${r.householdCode ?? ''}" không có trong danh sách, và ` : '';
      findings.push(
        paymentFinding({
          rule: ID,
          category: CATEGORY,
          severity: cfg.severity,
          item,
          extraIdentities: [`household:${code}`],
          explanation:
            `${personLabel(r)} được chi ${money(r.amount)} theo nhóm ${groupName(ctx, r)} nhưng ${by}không tìm thấy hộ ` +
            `(theo mã hộ, thành viên hay chủ hộ${r.householdHead ? ` "${r.householdHead}"` : ''}) trong danh sách hộ nghèo, hộ cận nghèo đến ngày ${viDate(listDate)} ` +
            `(đã đối chiếu ${register.length} dòng).`,
          evidence: { householdCode: r.householdCode, householdHead: r.householdHead, registerRows: register.length, registerCodes, listDate, amount: r.amount },
        }),
      );
    }
    return findings;
  },
};
