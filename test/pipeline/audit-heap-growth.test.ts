import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS_HEAP_GROWING_PERCENT, HEAP_GROWING_PERCENT, heapGrowingPercent, limitHeapGrowth } from '../../src/config/heap.js';
import { auditFiles } from '../../src/pipeline/audit-files.js';

const samples = path.resolve('samples');

describe('auditFiles and the heap', () => {
  it('ingests with the usual heap growth (at the checks’ 100 %, the end of a large ingest was the memory peak), and leaves the limit as it was', async () => {
    limitHeapGrowth();
    const seen: (number | undefined)[] = [];
    await auditFiles({
      name: 'heap',
      beneficiaries: [path.join(samples, 'beneficiaries-nghen.xlsx')],
      payouts: [path.join(samples, 'payouts-nghen.xlsx')],
      registers: [],
      packageId: 'nq42-2020',
      onFile: () => seen.push(heapGrowingPercent()),
    });
    expect(seen).toEqual([HEAP_GROWING_PERCENT, HEAP_GROWING_PERCENT]);
    expect(HEAP_GROWING_PERCENT).toBeLessThan(CHECKS_HEAP_GROWING_PERCENT);
    expect(heapGrowingPercent()).toBe(HEAP_GROWING_PERCENT);
  });
});
