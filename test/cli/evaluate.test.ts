import { describe, expect, it } from 'vitest';
import { runAnsinh } from './run-cli.js';

const DUPLICATE_RULES = new Set(['DUPLICATE_PAYMENT', 'DUPLICATE_BENEFICIARY', 'SHARED_ACCOUNT']);

describe('npm run ansinh -- evaluate', () => {
  it('prints precision and recall per check on the bundled samples, at the acceptance thresholds', async () => {
    const result = await runAnsinh(['evaluate']);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length === 6 && /^[A-Z_]+$/.test(cells[0] ?? ''));
    expect(rows.length).toBeGreaterThanOrEqual(17);
    // No trap (namesakes, household members, proxies, allowed combinations…) may be reported.
    expect(result.stdout).toMatch(/Bẫy \(.*\): [1-9]\d*, bị báo nhầm: 0\n/);
    for (const [rule = '', , , , precision = '0', recall = '0'] of rows) {
      const floor = DUPLICATE_RULES.has(rule) ? 0.9 : 0.95;
      expect(Number(precision), `${rule} precision`).toBeGreaterThanOrEqual(floor);
      expect(Number(recall), `${rule} recall`).toBeGreaterThanOrEqual(floor);
    }
  }, 300_000);
});
