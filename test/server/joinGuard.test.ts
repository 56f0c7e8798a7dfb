import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Its own file: Colyseus' matchmaker is one per process, so one server per test file.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ joinLimit: { perSecond: 0.1, burst: 10 } });
});
afterAll(async () => server.close());

describe('join codes', () => {
  it('cannot be found by trying codes: attempts per address are limited', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 15 }, () => server.client().joinById('ZZZZZZZZ', { name: 'Guess' })));
    const messages = attempts.map((a) => (a.status === 'rejected' ? String((a.reason as Error).message) : 'joined'));
    expect(messages.filter((m) => /too many join attempts/.test(m)).length).toBeGreaterThanOrEqual(5);
    expect(messages.filter((m) => /not found/.test(m)).length).toBeGreaterThanOrEqual(1);
    expect(messages).not.toContain('joined');
  });
});
