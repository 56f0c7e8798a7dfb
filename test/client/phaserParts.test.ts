import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const PARTS = readFileSync(join(ROOT, 'client/phaser/phaserParts.ts'), 'utf8');

function clientSources(dir = join(ROOT, 'client')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return clientSources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The `add.*` factories the bundled part of Phaser registers: read from the factory modules it loads. */
function registeredFactories(): Set<string> {
  const names = new Set(['existing']);
  for (const [, module] of PARTS.matchAll(/import 'phaser-src\/(gameobjects\/[\w/]+Factory\.js)'/g)) {
    const source = readFileSync(join(ROOT, 'node_modules/phaser/src', module!), 'utf8');
    for (const [, name] of source.matchAll(/GameObjectFactory\.register\('(\w+)'/g)) names.add(name!);
  }
  return names;
}

describe('the part of Phaser the client bundles', () => {
  // A factory the scenes call but the bundle does not load is `undefined` at run time: the scene
  // would throw on entry, in a room a test might not open.
  it('registers every game-object factory the scenes call', () => {
    const registered = registeredFactories();
    const called = new Set<string>();
    for (const file of clientSources()) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/\badd\.(\w+)\(/g)) called.add(name!);
    }
    expect(called.size).toBeGreaterThan(3);
    expect([...called].filter((name) => !registered.has(name))).toEqual([]);
  });

  it('leaves out what the drill never uses', () => {
    expect(PARTS).not.toMatch(/phaser-src\/(physics|tilemaps|sound|gameobjects\/particles|gameobjects\/video)/);
  });
});
