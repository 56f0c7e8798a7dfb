import { readdirSync, readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuild } from '../helpers/browser.js';
import { TEST_CLIENT_DIR } from '../helpers/clientBuilds.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
let bundle: string;
beforeAll(async () => {
  await ensureClientBuild();
  server = await startTestServer();
  bundle = readdirSync(join(TEST_CLIENT_DIR, 'assets')).find((f) => /^index-[\w-]{8}\.js$/.test(f))!;
}, 120_000);
afterAll(async () => server.close());

/** A raw GET (no decoding on the way), as a browser sending this Accept-Encoding would see it. */
function fetchRaw(path: string, acceptEncoding?: string): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the client files the server sends', () => {
  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, and the plain file otherwise', async () => {
    const file = readFileSync(join(TEST_CLIENT_DIR, 'assets', bundle));
    const br = await fetchRaw(`/assets/${bundle}`, 'gzip, deflate, br');
    expect(br.res.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(file.length / 2);
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);

    const gz = await fetchRaw(`/assets/${bundle}`, 'gzip');
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(file)).toBe(true);

    const plain = await fetchRaw(`/assets/${bundle}`);
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it('lets browsers keep hashed bundles for good, revalidates the page that names them, and keeps art an hour', async () => {
    expect((await fetchRaw(`/assets/${bundle}`, 'br')).res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await fetchRaw('/', 'br');
    expect(page.res.headers['content-type']).toMatch(/text\/html/);
    expect(page.res.headers['cache-control']).toBe('no-cache');
    const art = await fetchRaw('/art/logo.svg', 'br');
    expect(art.res.statusCode).toBe(200);
    expect(art.res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves the API uncompressed', async () => {
    const api = await fetchRaw('/api/scenarios', 'br');
    expect(api.res.statusCode).toBe(200);
    expect(api.res.headers['content-encoding']).toBeUndefined();
  });
});
