import type { Finding } from '../domain/index.js';
import { checkRules, groupName, paymentItems } from './helpers.js';
import { paymentFinding } from './payment-finding.js';
import { money, personLabel } from './text.js';
import type { CheckDefinition } from './types.js';

const ID = 'HOUSEHOLD_BUSINESS_REVENUE';
const CATEGORY = 'wrong_recipient';

/**
 * HOUSEHOLD_BUSINESS_REVENUE: a household business paid although its declared revenue is at or above the
 * group's threshold (100 triệu đ/năm in NQ 42). Amount at risk: the whole payment.
 */
export const householdBusinessRevenue: CheckDefinition = {
  id: ID,
  category: CATEGORY,
  title: 'Hộ kinh doanh có doanh thu từ ngưỡng trở lên',
  legalBasis: 'NQ 42/NQ-CP điểm 2 mục II: doanh thu khai thuế dưới 100 triệu đồng/năm (rules: groups.HKD.revenueThreshold)',
  run(ctx) {
    const cfg = checkRules(ctx, ID);
    if (!cfg?.enabled) return [];
    const findings: Finding[] = [];
    for (const item of paymentItems(ctx).items) {
      const groupCode = item.filled('groupCode');
      const revenue = item.filled('revenue');
      if (groupCode === null || revenue === null) continue;
      const threshold = ctx.rules.groups[groupCode]?.revenueThreshold?.value;
      if (threshold === undefined || revenue < threshold) continue;
      const r = item.view;
      findings.push(
        paymentFinding({
          rule: ID,
          category: CATEGORY,
          severity: cfg.severity,
          item,
          explanation:
            `${personLabel(r)} được hỗ trợ theo nhóm ${groupName(ctx, r)} (${money(r.amount)}) ` +
            `nhưng doanh thu kê khai là ${money(r.revenue)}, không dưới ngưỡng ${money(threshold)}/năm.`,
          evidence: { revenue: r.revenue, revenueFrom: item.row.revenue === null ? 'beneficiaries' : item.row.role, threshold, amount: r.amount },
        }),
      );
    }
    return findings;
  },
};
