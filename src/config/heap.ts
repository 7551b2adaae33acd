import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. By default it
 * lets a throughput-bound program grow to three or four times its live data before collecting: a
 * million-row ingest, which keeps some 100 MB live, peaked at 520–550 MB of memory. At 50 % it peaked
 * at about 310 MB in the same time (the collections it adds are short: little survives them).
 */
export const HEAP_GROWING_PERCENT = 50;

/** The growth limit this process set (undefined: V8's own, which lets the heap grow further still). */
let limit: number | undefined;
/** The growth each run asks for now (see requestHeapGrowth); the largest applies. */
const requests: number[] = [];

/**
 * Caps the heap's growth between full collections for this process and its worker threads. Called
 * first thing by the CLI (and so by the service it starts); V8 reads the flag whenever it sizes the heap.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  limit = percent;
}

/** The heap growth this process runs with now, in percent; undefined when it never set one. */
export function heapGrowingPercent(): number | undefined {
  return limit === undefined || requests.length === 0 ? limit : Math.max(...requests);
}

/**
 * Asks for heap growth `percent` from now until the returned function is called (more calls do nothing).
 * Runs may overlap in the service: the largest growth asked for applies, and the process's limit once no
 * run asks. A process that never limited growth is left alone.
 */
function requestHeapGrowth(percent: number): () => void {
  if (limit === undefined) return () => {};
  const apply = (): void => v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent() ?? percent}`);
  requests.push(percent);
  apply();
  let asked = true;
  return () => {
    if (!asked) return;
    asked = false;
    requests.splice(requests.indexOf(percent), 1);
    apply();
  };
}

/**
 * Heap growth while the checks run over an audit. (The CLI's audit ingested the records it keeps for them
 * at this growth too until session 17: 41.2 and 41.9 s at 50 % against 38.5 and 37.0 s at 100 % then, but once
 * the records were columns the end of that ingest became the memory peak, 1,000–1,040 MB, and at 50 % it
 * stays near 970 MB.) The checks keep their records live (some 3 GB for a million
 * payouts and a million approved rows) while they build and drop millions of short-lived objects; at 50 %
 * each full collection came after about half the live data in new objects and marked all of it again. In
 * alternating runs on a million payouts the checks took 65.1 and 66.5 s at 100 %, 67.3 and 70.1 s at 50 %
 * (CPU 93–95 s against 97–103 s), with a peak some 90 MB higher.
 */
export const CHECKS_HEAP_GROWING_PERCENT = 100;

/**
 * Lets the heap grow {@link CHECKS_HEAP_GROWING_PERCENT} past the last full collection, when this process
 * limits growth to less, from now until the returned function is called (more calls do nothing); the limit
 * comes back when the last such raise ends (runs may overlap in the service). A process that never limited
 * growth is left alone. Ended early by a run once most of what it keeps live is let go (the matcher's memory):
 * at 100 % the statistical checks after it let a heap of 0.7 GB grow to 1.5 GB before a collection, the
 * audit's memory peak. Raised once the checks' rows are ready, not while they are readied: that step's
 * garbage, at 100 %, was a memory peak of a million-payout audit.
 */
export function raiseChecksHeapGrowth(): () => void {
  return requestHeapGrowth(Math.max(limit ?? 0, CHECKS_HEAP_GROWING_PERCENT));
}

/**
 * Heap growth for the checks after the matcher's last one (amounts, data quality, statistics). They keep
 * little beyond the records but build and drop many objects, village by village: at 50 % NAME_CLUSTER's
 * garbage took a million-payout audit's heap to the limit its last full collection set, some 570 MB, and
 * its memory to 850 MB, the audit's peak beside the matcher's; at 25 % it stayed near 740 MB.
 */
export const LATE_CHECKS_HEAP_GROWING_PERCENT = 25;

/** Lowers the heap's growth to {@link LATE_CHECKS_HEAP_GROWING_PERCENT} (as requestHeapGrowth) when this process limits it to more. */
export function lowerLateChecksHeapGrowth(): () => void {
  return requestHeapGrowth(Math.min(limit ?? LATE_CHECKS_HEAP_GROWING_PERCENT, LATE_CHECKS_HEAP_GROWING_PERCENT));
}

/**
 * Young-generation size (MB per semi-space) for processes that run the checks over a whole audit. The
 * checks build millions of short- and medium-lived objects beside the live records; with V8's default
 * 16 MB, when the records were 3 GB of objects, the scavenger ran 4,206 times and took 87 s of a
 * 1,000,000-payout audit's checks (of 410 s); at 64 MB, 536 times and 14 s. With the records in columns
 * (a few hundred MB, few pointers) 32 MB is enough: the whole million-payout audit scavenged 1,546 times
 * for 6.9 s against 1,027 times for 5.8 s at 64 MB, and its memory peaked some 85 MB lower (1,472 against
 * 1,557 MB; 16 MB: 1,453 MB). Not for ingestion, whose peak it raises for little gain.
 */
export const AUDIT_SEMI_SPACE_MB = 32;

/** The V8 flag for {@link AUDIT_SEMI_SPACE_MB}: it only takes effect when given as the process starts. */
export const AUDIT_NODE_FLAG = `--max-semi-space-size=${AUDIT_SEMI_SPACE_MB}`;

/**
 * The C allocator's setting for processes that run the checks over a whole audit (read when the process
 * starts, like AUDIT_NODE_FLAG). The memory of typed arrays comes from malloc, and glibc raises its mmap
 * threshold each time a large block is freed, up to 32 MB: later arrays were carved from the heap, whose
 * freed middle glibc never hands back. A million-payout audit's memory stayed at 985 MB once the matcher's
 * half gigabyte of arrays was released, and peaked at 1,306 MB. With the threshold held at glibc's default
 * 128 KiB, every block that large is mapped and unmapped on its own: 687 MB after the matcher, peak 1,207 MB,
 * in the same time. Other C libraries ignore the variable.
 */
export const AUDIT_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** The environment of a process started to run an audit's checks: `env` with AUDIT_MALLOC_ENV where it sets none of its own. */
export function auditEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return { ...AUDIT_MALLOC_ENV, ...env };
}

/** Whether this process was started with a young-generation size of its own. */
export function hasSemiSpaceFlag(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((a) => a.startsWith('--max-semi-space-size'));
}

/** V8's full collection, made reachable once (see collectGarbage); null where it cannot be. */
let fullCollection: (() => void) | null | undefined;

/**
 * Runs a full garbage collection now. For a long task that has just let go of most of its heap and goes on
 * allocating: with the heap allowed to grow (see raiseChecksHeapGrowth) V8 would first add to a heap still
 * holding what was let go. A million-payout audit's memory peaked in NAME_CLUSTER, after the matcher's 1.5 GB
 * or so were released, at 4.1 GB. Exposes V8's `gc` in a fresh context the first time (the flag is read when
 * a context is made), without changing the global one.
 */
export function collectGarbage(): void {
  if (fullCollection === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullCollection = vm.runInNewContext('gc') as () => void;
    } catch {
      fullCollection = null;
    }
  }
  fullCollection?.();
}
