import { createServer } from 'node:net';

/**
 * A free loopback port, closed again at once so another process can take it: for a process
 * that must know its address before it listens (a cluster member, a test's PostgreSQL or Redis).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
