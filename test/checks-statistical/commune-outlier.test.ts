import { describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../src/domain/index.js';
import { CAN_LOC, canLocPayout, registerRow, rng, run, someone, withThresholds } from './data.js';

const RATES: Record<string, number> = { NCC: 1_500_000, BTXH: 1_500_000, HN: 750_000, TUDO: 3_000_000 };

/**
 * A district of eight communes whose lists scale with population (per 1,000 residents: NCC 4, BTXH 3, HN 5,
 * TUDO 3, each ±15%), except commune `inflated` whose TUDO list is `factor` times as long.
 */
function district(options: { inflated?: number; factor?: number; seed?: number; scale?: number } = {}): { payouts: PersonRecord[]; population: PersonRecord[] } {
  const rand = rng(options.seed ?? 7);
  const payouts: PersonRecord[] = [];
  const population: PersonRecord[] = [];
  let n = 0;
  CAN_LOC.forEach(([code, name], c) => {
    const residents = Math.round((6000 + rand() * 8000) * (options.scale ?? 1));
    population.push(registerRow('population', { communeCode: code, communeName: name, districtCode: '443', provinceCode: '42', population: residents, fullName: null }));
    for (const [group, perThousand] of [['NCC', 4], ['BTXH', 3], ['HN', 5], ['TUDO', 3]] as const) {
      const factor = c === options.inflated && group === 'TUDO' ? (options.factor ?? 3) : 1;
      const count = Math.round(((residents * perThousand) / 1000) * (0.85 + rand() * 0.3) * factor);
      for (let i = 0; i < count; i++) payouts.push(canLocPayout(c, { ...someone(rand, n++), groupCode: group, amount: RATES[group] ?? 0, months: group === 'TUDO' ? 3 : null, sheet: group, row: i + 5 }));
    }
  });
  return { payouts, population };
}

describe('COMMUNE_OUTLIER', () => {
  it('flags the one commune whose informal-worker list is inflated, per 1,000 residents, and no other', () => {
    const { payouts, population } = district({ inflated: 3, factor: 3 });
    const { findings } = run('COMMUNE_OUTLIER', { payouts, registers: { population } });
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f?.subject.commune).toBe('Xã Kim Song Trường');
    expect(f?.category).toBe('statistical');
    expect(f?.evidence).toMatchObject({ metric: 'perThousand', group: 'TUDO', threshold: 3.5, peerGroup: { level: 'district', code: '443', size: 7 } });
    expect(f?.evidence.z as number).toBeGreaterThan(3.5);
    expect(f?.evidence.ratio as number).toBeGreaterThan(2);
    expect((f?.evidence.peers as unknown[]).length).toBe(7);
    expect(f?.explanation).toMatch(/Xã Kim Song Trường có [\d,]+ đối tượng\/1\.000 dân, cao gấp [\d,]+ lần trung vị của 7 xã khác cùng Huyện Can Lộc \([\d,]+\); điểm z hiệu chỉnh [\d,]+ > 3,5/);
    // Records: a bounded sample of the commune's TUDO rows; the full count in the evidence.
    expect(f?.records.length).toBe(Math.min(50, f?.evidence.rowsTotal as number));
    expect(f?.records.every((r) => r.file === 'chi-tra-18424.xlsx' && r.sheet === 'TUDO')).toBe(true);
    expect(f?.amountAtRisk).toBe(0);
    expect(f?.score).toBeGreaterThan(0);
    expect(f?.score).toBeLessThanOrEqual(1);
  });

  it('uses size-free shares when no population register is given', () => {
    const { payouts } = district({ inflated: 5, factor: 3, seed: 11 });
    const { findings } = run('COMMUNE_OUTLIER', { payouts });
    expect(findings.map((f) => [f.subject.commune, f.evidence.group])).toEqual([['Xã Thanh Lộc', 'TUDO']]);
    const metrics = (findings[0]?.evidence.metrics as { metric: string }[]).map((m) => m.metric);
    expect(metrics.some((m) => m === 'beneficiaryShare' || m === 'payoutShare')).toBe(true);
    expect(findings[0]?.explanation).toContain('% số');
  });

  it('flags nothing in a district without an inflated commune, over several random districts', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { payouts, population } = district({ seed });
      expect(run('COMMUNE_OUTLIER', { payouts, registers: { population } }).findings, `seed ${seed}`).toEqual([]);
      expect(run('COMMUNE_OUTLIER', { payouts }).findings, `seed ${seed} (shares)`).toEqual([]);
    }
  });

  it('keeps the same finding id when rows move to other files and rows', () => {
    const { payouts, population } = district({ inflated: 3 });
    const moved = payouts.map((r, i) => ({ ...r, file: `sua-${r.file}`, row: 1000 - i }));
    expect(run('COMMUNE_OUTLIER', { payouts: moved, registers: { population } }).findings.map((f) => f.id)).toEqual(
      run('COMMUNE_OUTLIER', { payouts, registers: { population } }).findings.map((f) => f.id),
    );
  });

  it('never fires on groups smaller than minGroupSize, and says so in the run note', () => {
    // Tiny communes: every group has fewer than 10 people, even the inflated one.
    const { payouts, population } = district({ inflated: 3, factor: 4, scale: 0.05 });
    const { findings, note } = run('COMMUNE_OUTLIER', { payouts, registers: { population } });
    expect(findings).toEqual([]);
    expect(note).toMatch(/cặp xã–nhóm có dưới 10 đối tượng, không đánh giá/);
    // The minimum size is what holds it back: with a minimum of 3 (and no audit-wide probability
    // cut-off, which such tiny counts could never pass) the same data fires.
    const lowered = withThresholds('COMMUNE_OUTLIER', { minGroupSize: 3, pValue: 1 });
    expect(run('COMMUNE_OUTLIER', { payouts, registers: { population } }, lowered).findings.map((f) => f.subject.commune)).toContain('Xã Kim Song Trường');
  });

  it('does not compare a commune that has fewer than minPeers peers, and says so', () => {
    const { payouts, population } = district({ inflated: 3, factor: 3 });
    const few = payouts.filter((r) => ['18406', '18415', '18418', '18424'].includes(r.communeCode ?? ''));
    const { findings, note } = run('COMMUNE_OUTLIER', { payouts: few, registers: { population } });
    expect(findings).toEqual([]);
    expect(note).toMatch(/dưới 5 xã cùng huyện\/tỉnh/);
  });

  it('carries a chart of the commune against its peers', () => {
    const { payouts, population } = district({ inflated: 3, factor: 3 });
    const chart = run('COMMUNE_OUTLIER', { payouts, registers: { population } }).findings[0]?.evidence.chart as { svg: string; pngBase64: string; width: number; height: number };
    expect(chart.svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart.svg).toContain('Kim Song Trường');
    expect(chart.svg.match(/<rect /g)?.length).toBe(1 + 8); // background + 8 communes
    expect(Buffer.from(chart.pngBase64, 'base64').subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(chart.svg.length + chart.pngBase64.length).toBeLessThan(20_000);
  });
});

describe('COMMUNE_OUTLIER multiple testing', () => {
  it('holds the audit-wide false-alarm rate: the p-value cut-off is divided by the number of commune–group pairs tested', () => {
    // With an audit-wide cut-off of (p × tests / 2), an undivided cut-off would let the commune fire;
    // divided by the number of pairs tested it is p / 2, below the commune's own p, so it must not.
    const { payouts, population } = district({ inflated: 3, factor: 2.2 });
    const single = withThresholds('COMMUNE_OUTLIER', { pValue: 1 });
    const fired = run('COMMUNE_OUTLIER', { payouts, registers: { population } }, single).findings;
    expect(fired.length).toBeGreaterThan(0);
    const evidence = fired[0]?.evidence as { pValue: number; pValueThreshold: number };
    expect(evidence.pValueThreshold).toBeLessThan(1);
    const strict = withThresholds('COMMUNE_OUTLIER', { pValue: evidence.pValue * 0.5 * (1 / evidence.pValueThreshold) });
    expect(run('COMMUNE_OUTLIER', { payouts, registers: { population } }, strict).findings).toEqual([]);
  });
});
