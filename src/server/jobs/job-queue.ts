/**
 * An in-process queue of background work (ingesting uploads, running checks). One task at a time by
 * default: SQLite has one writer and the machine few cores, so running tasks side by side would only
 * make each slower. A task's failure is its own business (it records it); the queue keeps going.
 */
export class JobQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly concurrency = 1) {}

  /** Adds a task; it starts when a slot is free. */
  enqueue(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.pump();
  }

  /** Number of tasks queued or running. */
  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const task = this.waiting.shift();
      if (!task) break;
      this.running += 1;
      void task()
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.size === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }
}
