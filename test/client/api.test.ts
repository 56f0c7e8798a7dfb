import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createDrill, fetchBoard, fetchReplay } from '../../client/net/api.js';

// Every answer the client gets over HTTP is checked against its schema in shared/: one that does
// not fit is an ApiError saying what is wrong, never a half-read object.

function answer(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
}

beforeEach(() => vi.stubGlobal('location', { protocol: 'http:', host: 'example.test' }));
afterEach(() => vi.unstubAllGlobals());

describe('the HTTP client', () => {
  it('returns an answer that fits its schema', async () => {
    answer(201, { code: 'ABCD2345', mode: 'training', trainerKey: 'k'.repeat(32) });
    await expect(createDrill({ mode: 'training', scenario: 'mini' })).resolves.toMatchObject({ code: 'ABCD2345', mode: 'training' });
  });

  it('turns an answer that does not fit into an ApiError naming the field', async () => {
    answer(200, { scenario: 'mini', mode: 'team', rows: 'nope' });
    const err = await fetchBoard('mini', null, 1, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'bad-response' });
    expect((err as Error).message).toMatch(/GET \/api\/leaderboard: /);
  });

  it("passes the server's error code on", async () => {
    answer(404, { error: { code: 'not-found', message: 'no such drill' } });
    await expect(fetchReplay('d1', 't')).rejects.toMatchObject({ status: 404, code: 'not-found', message: 'no such drill' });
  });

  it('says status 0 when nothing answered at all', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(createDrill({ mode: 'training', scenario: 'mini' })).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
