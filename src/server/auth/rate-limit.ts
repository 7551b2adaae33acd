/** Failed attempts allowed per key within the window before further attempts are refused. */
export interface RateLimitOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: RateLimitOptions = Object.freeze({ maxFailures: 5, windowMs: 15 * 60 * 1000 });

/**
 * Counts failed logins per key (username + IP) in memory over a sliding window. A success clears
 * the key. Memory stays bounded: keys whose failures all aged out are dropped when seen.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions = DEFAULT_LOGIN_LIMIT) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? now;
    return Math.max(1, oldest + this.options.windowMs - now);
  }

  recordFailure(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}

/** The rate-limit key of a login attempt. */
export function loginKey(username: string, ip: string): string {
  return `${username.trim().toLowerCase()}\u0000${ip}`;
}
