import { describe, expect, it } from 'vitest';
import { auditEnv, CHECKS_HEAP_GROWING_PERCENT, collectGarbage, HEAP_GROWING_PERCENT, heapGrowingPercent, LATE_CHECKS_HEAP_GROWING_PERCENT, limitHeapGrowth, lowerLateChecksHeapGrowth, raiseChecksHeapGrowth } from '../../src/config/heap.js';

describe('raiseChecksHeapGrowth', () => {
  it('raises the limit for overlapping runs and restores it when the last one ends', () => {
    limitHeapGrowth();
    expect(heapGrowingPercent()).toBe(HEAP_GROWING_PERCENT);
    const first = raiseChecksHeapGrowth();
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT);
    const second = raiseChecksHeapGrowth();
    second();
    // The first run is still going: the limit stays raised.
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT);
    first();
    expect(heapGrowingPercent()).toBe(HEAP_GROWING_PERCENT);
  });

  it('ends a raise once however often it is ended, while an overlapping run keeps it', () => {
    limitHeapGrowth();
    const other = raiseChecksHeapGrowth();
    const lower = raiseChecksHeapGrowth();
    lower();
    lower(); // a second call does not end the other run's raise
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT);
    other();
    expect(heapGrowingPercent()).toBe(HEAP_GROWING_PERCENT);
  });

  it('lowers the growth for the checks after the matcher, under any overlapping raise, and restores it', () => {
    limitHeapGrowth();
    const late = lowerLateChecksHeapGrowth();
    expect(heapGrowingPercent()).toBe(LATE_CHECKS_HEAP_GROWING_PERCENT);
    const other = raiseChecksHeapGrowth(); // another audit's matcher, in the service
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT);
    other();
    expect(heapGrowingPercent()).toBe(LATE_CHECKS_HEAP_GROWING_PERCENT);
    late();
    late();
    expect(heapGrowingPercent()).toBe(HEAP_GROWING_PERCENT);
    limitHeapGrowth(10); // a lower limit of the process's own stays
    const lower = lowerLateChecksHeapGrowth();
    expect(heapGrowingPercent()).toBe(10);
    lower();
    limitHeapGrowth();
  });

  it('leaves a higher limit as it is', () => {
    limitHeapGrowth(CHECKS_HEAP_GROWING_PERCENT + 50);
    const lower = raiseChecksHeapGrowth();
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT + 50);
    lower();
    expect(heapGrowingPercent()).toBe(CHECKS_HEAP_GROWING_PERCENT + 50);
    limitHeapGrowth();
  });
});

describe('collectGarbage', () => {
  it('frees what was let go at once, without putting gc in the global scope', () => {
    let held: { i: number; s: string }[] | null = Array.from({ length: 500_000 }, (_, i) => ({ i, s: `người ${i}` }));
    const holding = process.memoryUsage().heapUsed;
    expect(held.length).toBe(500_000);
    held = null;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    // Half a million small objects and strings are some 40 MB; a full collection returns most of it.
    expect(holding - after).toBeGreaterThan(25e6);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(held).toBeNull();
  });
});

describe('auditEnv', () => {
  it("adds glibc's fixed mmap threshold to the audit process's environment, keeping the caller's own value and the rest", () => {
    const env = auditEnv({ PATH: '/usr/bin', ANSINH_DB: 'a.sqlite' });
    expect(env).toEqual({ PATH: '/usr/bin', ANSINH_DB: 'a.sqlite', MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(auditEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }).MALLOC_MMAP_THRESHOLD_).toBe('65536');
  });
});
