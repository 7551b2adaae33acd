import { describe, expect, it } from 'vitest';
import { PaymentItems } from '../../src/checks/helpers.js';
import { makeRecord } from '../support/records.js';

describe('PaymentItems', () => {
  const approved = [
    makeRecord({ role: 'beneficiaries', row: 5, fullName: 'Lê Thị Bình', birthYear: 1980, revenue: 120_000_000 }),
    makeRecord({ role: 'beneficiaries', row: 6, fullName: 'Trần Văn Hùng', birthYear: 1975 }),
  ];
  const paid = [
    makeRecord({ row: 2, fullName: 'Trần Văn Hùng', birthYear: null, amount: 1_500_000 }),
    makeRecord({ row: 3, fullName: 'Ngô Văn Tư', birthYear: 1990, amount: 1_500_000 }),
    makeRecord({ row: 4, fullName: 'Lê Thị Bình', birthYear: 1981, amount: 3_000_000 }),
  ];

  it('gives every payment row in order with its approved row, and the gaps of the row filled from it', () => {
    const items = new PaymentItems(paid, approved, new Int32Array([1, -1, 0]));
    const all = [...items];
    expect(all.map((item) => [item.index, item.row.row, item.approval?.row ?? null])).toEqual([
      [0, 2, 6],
      [1, 3, null],
      [2, 4, 5],
    ]);
    // The row's own value first; the approval's only where the row has none, and only for personal fields.
    expect(all.map((item) => item.filled('birthYear'))).toEqual([1975, 1990, 1981]);
    expect(all[2]?.filled('revenue')).toBe(120_000_000);
    expect(all[0]?.view.birthYear).toBe(1975);
    expect(all[0]?.view.amount).toBe(1_500_000);
    expect(all[1]?.view).toBe(paid[1]);
    expect(items.at(2)?.approval?.fullName).toBe('Lê Thị Bình');
    expect(items.at(3)).toBeUndefined();
    expect(items.length).toBe(3);
  });

  it('gives no approvals when the payouts were not matched', () => {
    const items = new PaymentItems(paid, approved, null);
    expect([...items].map((item) => item.approval)).toEqual([null, null, null]);
    expect(items.rows).toBe(paid);
  });
});
