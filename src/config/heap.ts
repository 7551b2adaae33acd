import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. By default it
 * lets a throughput-bound program grow to three or four times its live data before collecting: a
 * million-row ingest, which keeps some 100 MB live, peaked at 520–550 MB of memory. At 50 % it peaked
 * at about 310 MB in the same time (the collections it adds are short: little survives them).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Caps the heap's growth between full collections for this process and its worker threads. Called
 * first thing by the CLI (and so by the service it starts); V8 reads the flag whenever it sizes the heap.
 */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Young-generation size (MB per semi-space) for processes that run the checks over a whole audit. The
 * checks build millions of short- and medium-lived objects beside gigabytes of live records; with V8's
 * default 16 MB the scavenger ran 4,206 times and took 87 s of a 1,000,000-payout audit's checks (of
 * 410 s); at 64 MB, 536 times and 14 s, with a lower peak. Not for ingestion, whose peak it raises by
 * about 90 MB (346 → 438 MB for a million rows) for little gain.
 */
export const AUDIT_SEMI_SPACE_MB = 64;

/** The V8 flag for {@link AUDIT_SEMI_SPACE_MB}: it only takes effect when given as the process starts. */
export const AUDIT_NODE_FLAG = `--max-semi-space-size=${AUDIT_SEMI_SPACE_MB}`;

/** Whether this process was started with a young-generation size of its own. */
export function hasSemiSpaceFlag(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((a) => a.startsWith('--max-semi-space-size'));
}
