import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** Nothing a client is answered may show how the server is built. */
const LEAK = /<html|<pre|\bat \S+ \(|\.(ts|js):\d+|\/work\/|node_modules|SyntaxError|Unexpected token|stack/i;

async function send(method: string, path: string, body?: string, type = 'application/json') {
  const res = await fetch(`${server.url}${path}`, { method, ...(body !== undefined && { body, headers: { 'content-type': type } }) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

describe('the JSON API on bad requests', () => {
  it('answers malformed, null and over-limit bodies on every body-taking route with a JSON error and no trace', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage' });
    expect(trainerKey).toBeTypeOf('string');
    const routes = ['/api/drills', '/api/competitions', '/api/competitions/abcdefgh/close', '/api/drills/0b7d4c7e-0000-4000-8000-000000000000/survey'];
    const bodies = ['{"mode": "solo",', 'null', '"text"', '[1,2', '{"a":1}garbage', 'x'.repeat(20_000), JSON.stringify({ pad: 'x'.repeat(40_000) })];
    for (const path of routes) {
      for (const body of bodies) {
        const answer = await send('POST', path, body);
        expect(answer.status, `${path} ${body.slice(0, 20)}`).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.type).toMatch(/application\/json/);
        const json = JSON.parse(answer.text) as { error: { code: string; message: string } };
        expect(json.error.code).toBeTypeOf('string');
        expect(json.error.message).toBeTypeOf('string');
        expect(answer.text).not.toMatch(LEAK);
      }
      // A body of another type is refused the same way.
      const xml = await send('POST', path, '<a/>', 'application/xml');
      expect(xml.type).toMatch(/application\/json/);
      expect(xml.text).not.toMatch(LEAK);
    }
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(server.errors).toEqual([]);
  });

  it('answers unknown API routes and methods with a JSON 404', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['POST', '/api/nope'], ['DELETE', '/api/drills'], ['GET', '/api/drills/x/nothing'], ['PUT', '/api/scenarios'], ['GET', '/api/']] as const) {
      const answer = await send(method, path, method === 'GET' ? undefined : '{}');
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.type).toMatch(/application\/json/);
      expect(JSON.parse(answer.text).error.code).toBe('not-found');
      expect(answer.text).not.toMatch(LEAK);
    }
  });
});
