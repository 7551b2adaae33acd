import type { JobQueue } from './job-queue.js';

/** One live progress report of a running job. */
export interface JobProgressEvent {
  readonly jobId: number;
  /** 0..1; exactly 1 only once the job is done (its final state stored). */
  readonly progress: number;
  readonly rowsRead: number;
  /** The row count the progress is measured against (from the preview or an estimate). */
  readonly rowsExpected: number | null;
}

export type JobProgressListener = (event: JobProgressEvent) => void;

/**
 * Live progress of the queue's running jobs, kept in memory: an upload stores its rows in one
 * transaction, so a progress column written meanwhile would only become visible at the end (and on
 * SQLite would wait for the single connection). Readers overlay it on the stored job; tests and
 * server-sent events subscribe to it. Reports that would move a job backwards are dropped.
 */
export class JobProgressBoard {
  private readonly live = new Map<number, JobProgressEvent>();
  private readonly listeners = new Set<JobProgressListener>();

  /** Records a running job's progress (kept below 1: only {@link finish} reports 1). */
  report(event: JobProgressEvent): void {
    const progress = Math.min(event.progress, PROGRESS_BEFORE_DONE);
    const previous = this.live.get(event.jobId);
    if (previous && progress <= previous.progress) return;
    const next = { ...event, progress };
    this.live.set(event.jobId, next);
    this.emit(next);
  }

  /** The job's final state is stored: tells listeners (1 when done) and forgets the job. */
  finish(jobId: number, outcome: 'done' | 'failed'): void {
    const previous = this.live.get(jobId);
    this.live.delete(jobId);
    if (outcome === 'done') this.emit({ jobId, progress: 1, rowsRead: previous?.rowsRead ?? 0, rowsExpected: previous?.rowsExpected ?? null });
  }

  /** The latest report of a running job, if any. */
  get(jobId: number): JobProgressEvent | undefined {
    return this.live.get(jobId);
  }

  /** Calls `listener` on every report; returns the unsubscribe function. */
  subscribe(listener: JobProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: JobProgressEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure must not fail the job that reported.
      }
    }
  }
}

/** The highest progress a job reports before it is done. */
export const PROGRESS_BEFORE_DONE = 0.99;

const boards = new WeakMap<JobQueue, JobProgressBoard>();

/** The progress board of a job queue (one per queue, created on first use). */
export function progressBoard(queue: JobQueue): JobProgressBoard {
  let board = boards.get(queue);
  if (!board) {
    board = new JobProgressBoard();
    boards.set(queue, board);
  }
  return board;
}

/** Fraction of an expected row count read so far, never reaching 1 (the count may be an estimate). */
export function readingProgress(rowsRead: number, rowsExpected: number | null): number {
  if (rowsExpected === null || rowsExpected <= 0) return 0;
  return Math.min(PROGRESS_BEFORE_DONE, Math.max(0, rowsRead / rowsExpected));
}
