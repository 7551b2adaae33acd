import { describe, expect, it } from 'vitest';
import { Random } from '../../src/samples/random.js';
import { DEFAULT_DATA_DIR, loadAdminUnits } from '../../src/samples/reference-data.js';
import { PAYOUTS_PER_COMMUNE, pickArea } from '../../src/samples/world.js';

describe('pickArea', () => {
  it('picks 6–8 communes of one district for an ordinary sample, as before the large sizes existed', async () => {
    const units = await loadAdminUnits(DEFAULT_DATA_DIR);
    for (const seed of [1, 7, 42]) {
      const usual = pickArea(new Random(seed), units);
      // Up to 200,000 rows the wanted count stays at eight: the same draw as without the argument.
      const small = pickArea(new Random(seed), units, Math.ceil(200_000 / PAYOUTS_PER_COMMUNE));
      expect(small.communes.map((c) => c.communeCode)).toEqual(usual.communes.map((c) => c.communeCode));
      expect(usual.communes.length).toBeGreaterThanOrEqual(6);
      expect(usual.communes.length).toBeLessThanOrEqual(8);
    }
  });

  it('spreads a million payout rows over a large district instead of crowding 6–8 communes', async () => {
    const units = await loadAdminUnits(DEFAULT_DATA_DIR);
    const wanted = Math.ceil(1_000_000 / PAYOUTS_PER_COMMUNE);
    const { area, communes } = pickArea(new Random(1), units, wanted);
    expect(communes).toHaveLength(wanted);
    expect(new Set(communes.map((c) => c.districtCode))).toEqual(new Set([area.districtCode]));
    expect(new Set(communes.map((c) => c.communeCode)).size).toBe(wanted);
    // More communes than any district has: the largest district, every commune of it that is asked for.
    const most = pickArea(new Random(1), units, 500);
    expect(most.communes.length).toBeGreaterThan(wanted);
    expect(most.area.districtName.startsWith('Huyện')).toBe(true);
  });
});
