import type { Client } from '@colyseus/core';
import { RateLimiter } from '../net/RateLimiter.js';

type Verdict = ReturnType<RateLimiter['take']>;

/**
 * Which connection speaks for each person of a drill (by their token), and each person's
 * allowance of frames. Every frame a connection sends counts, text and random bytes included, not
 * only the room messages Colyseus decodes: a listener is put in front of Colyseus's own. The
 * allowance belongs to the person, so a new connection does not refill it.
 */
export class Connections {
  private readonly clientOf = new Map<string, Client>();
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly limits: { perSecond: number; burst: number; maxStrikes: number },
    /** Whether a person is in a cool-down after a cut (their frames change nothing then). */
    private readonly coolingDown: (token: string) => boolean,
    /** Called once when a person's frames run past the allowance. */
    private readonly onFlood: (token: string, client: Client) => void,
  ) {}

  get(token: string): Client | undefined {
    return this.clientOf.get(token);
  }

  all(): IterableIterator<Client> {
    return this.clientOf.values();
  }

  /** This connection now speaks for this person. */
  bind(token: string, client: Client): void {
    this.clientOf.set(token, client);
    client.userData = { ...(client.userData as object), token };
    const { perSecond, burst, maxStrikes } = this.limits;
    if (!this.limiters.has(token)) this.limiters.set(token, new RateLimiter(perSecond, burst, maxStrikes, Date.now()));
    client.ref.prependListener('message', () => {
      if (this.clientOf.get(token) !== client) return;
      const data = client.userData as { verdict?: Verdict };
      if (this.coolingDown(token)) return void (data.verdict = 'cut-off');
      data.verdict = this.limiters.get(token)!.take(Date.now());
      if (data.verdict === 'cut-off') this.onFlood(token, client);
    });
  }

  /** The connection is gone; true if it was the one speaking for its person. */
  unbind(client: Client): string | undefined {
    const token = this.tokenOf(client);
    if (!token || this.clientOf.get(token) !== client) return undefined;
    this.clientOf.delete(token);
    return token;
  }

  /** The person a connection speaks for, if it is the current one. */
  tokenOf(client: Client): string | undefined {
    const token = (client.userData as { token?: string } | undefined)?.token;
    return token && this.clientOf.get(token) === client ? token : undefined;
  }

  /** The allowance's verdict on the frame being handled, read once. */
  verdictOf(client: Client): Verdict {
    const data = client.userData as { verdict?: Verdict };
    const verdict = data.verdict ?? 'ok';
    data.verdict = undefined;
    return verdict;
  }
}
