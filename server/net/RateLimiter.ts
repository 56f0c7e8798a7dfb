/**
 * A token bucket per client: `burst` messages at once, refilled at `perSecond`. A client that
 * keeps sending while empty collects strikes; past `maxStrikes` in a row it is cut off.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  strikes = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxStrikes: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** 'ok' to handle the message, 'throttled' to refuse it, 'cut-off' to disconnect the client. */
  take(now: number): 'ok' | 'throttled' | 'cut-off' {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.strikes = 0;
      return 'ok';
    }
    this.strikes += 1;
    return this.strikes > this.maxStrikes ? 'cut-off' : 'throttled';
  }
}
