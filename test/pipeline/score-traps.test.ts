import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/domain/index.js';
import { scoreTraps, type AnswerKey } from '../../src/pipeline/index.js';

const row = (n: number) => ({ role: 'payouts' as const, file: 'a.xlsx', sheet: 'Thôn 1', row: n });
const finding = (rule: string, rows: number[], category: Finding['category'] = 'duplicate'): Finding => ({
  id: `${rule}-${rows.join('-')}`,
  rule,
  category,
  severity: 'high',
  score: 1,
  amountAtRisk: 0,
  subject: { name: null, idNumber: null, commune: null },
  records: rows.map(row),
  explanation: '',
  evidence: {},
  status: 'new',
  version: 1,
});
const key: AnswerKey = {
  schema: 'ansinh.answers/1',
  package: 'nq42-2020',
  files: [{ file: 'a.xlsx', role: 'payouts' }],
  anomalies: [],
  traps: [{ kind: 'namesake', note: 'hai người trùng tên', records: [row(5), row(9)] }],
};

describe('scoreTraps', () => {
  it('reports a row-level finding that cites both rows of a namesake trap', () => {
    expect(scoreTraps([finding('DUPLICATE_PAYMENT', [5, 9])], key)[0]?.trippedBy).toEqual(['DUPLICATE_PAYMENT']);
  });

  it('ignores findings citing only one of the rows, and statistical samples of a commune', () => {
    expect(scoreTraps([finding('DUPLICATE_PAYMENT', [5, 12]), finding('NAME_CLUSTER', [5, 9], 'statistical')], key)[0]?.trippedBy).toEqual([]);
  });
});
