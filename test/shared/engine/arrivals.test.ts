import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, parseScenarioOrThrow } from '../../../shared/scenario/parseScenario.js';
import { drawArrivals } from '../../../shared/engine/arrivals.js';
import { ArrivalStreamSchema } from '../../../shared/scenario/arrivals.js';
import { at, rawFixture } from '../../helpers/fixtures.js';
import { drive } from '../../helpers/drive.js';

/** The mini scenario with three routine callers that arrive only through a stream. */
function withStream(stream: Record<string, unknown> = {}) {
  const raw = rawFixture();
  for (const n of [1, 2, 3]) {
    raw.injects.push({ id: `routine-${n}`, room: 'phone', title: { 'zh-CN': '来电', en: 'A call' }, message: { 'zh-CN': '又一位客户来电。', en: 'Another customer calls.' }, spawn: ['caller-worried'] });
  }
  raw.arrivals = [{ id: 'routine-calls', from: '09:10', to: '09:40', pool: ['routine-1', 'routine-2', 'routine-3'], ...stream }];
  return raw;
}

describe('arrival streams', () => {
  it('brings each inject of the pool once, one in each equal slot of the window', () => {
    const d = drive(parseScenarioOrThrow(withStream(), 'arrivals.yaml'), 5);
    d.to('09:59');
    const arrived = d.log.filter((e) => e.type === 'inject' && e.inject.startsWith('routine-'));
    expect(arrived.map((e) => e.type === 'inject' && e.inject).sort()).toEqual(['routine-1', 'routine-2', 'routine-3']);
    arrived.forEach((e, k) => {
      expect(e.at).toBeGreaterThanOrEqual(at('09:10') + k * 600);
      expect(e.at).toBeLessThan(at('09:10') + (k + 1) * 600);
    });
  });

  it('draws the same arrivals for the same seed and others for other seeds', () => {
    const stream = ArrivalStreamSchema.parse({ id: 's', from: '09:00', to: '11:00', pool: ['a', 'b', 'c', 'd', 'e', 'f'], count: 4 });
    expect(drawArrivals(stream, 9)).toEqual(drawArrivals(stream, 9));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(drawArrivals(stream, seed))));
    expect(orders.size).toBeGreaterThan(4);
  });

  it('never brings an inject twice, never more than asked, always inside the window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 120 }), (seed, count, minutes) => {
        const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
        const stream = ArrivalStreamSchema.parse({ id: 's', from: '09:00', to: '11:00', pool, count });
        stream.to = stream.from + minutes * 60;
        const drawn = drawArrivals(stream, seed);
        expect(drawn).toHaveLength(count);
        expect(new Set(drawn.map((a) => a.inject)).size).toBe(count);
        for (let k = 0; k < drawn.length; k++) {
          expect(drawn[k]!.at).toBeGreaterThanOrEqual(stream.from);
          expect(drawn[k]!.at).toBeLessThan(stream.to);
          if (k) expect(drawn[k]!.at).toBeGreaterThanOrEqual(drawn[k - 1]!.at);
        }
      }),
    );
  });

  it('leaves every other draw of the drill as it was', () => {
    const plain = drive(parseScenarioOrThrow(rawFixture(), 'plain.yaml'), 3);
    const streamed = drive(parseScenarioOrThrow(withStream(), 'arrivals.yaml'), 3);
    plain.to('09:09');
    streamed.to('09:09');
    expect(streamed.state.rng).toBe(plain.state.rng);
    expect(streamed.state.npcs).toEqual(plain.state.npcs);
  });

  it.each([
    ['an inject that does not exist', { pool: ['routine-1', 'nowhere'] }, 'unknown inject "nowhere"'],
    ['the same inject twice', { pool: ['routine-1', 'routine-1'] }, 'in an arrival pool twice'],
    ['a window outside the clock', { to: '10:30' }, 'within the drill clock'],
    ['more than the pool holds', { count: 4 }, 'count cannot exceed the pool'],
    ['a window that ends before it starts', { from: '09:40', to: '09:10' }, '"to" must come after "from"'],
  ])('refuses a stream with %s', (_what, change, message) => {
    const result = parseScenario(withStream(change), 'arrivals.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it('refuses a pooled inject that also has its own time', () => {
    const raw = withStream();
    raw.injects.find((i: { id: string }) => i.id === 'routine-2').at = '09:20';
    const result = parseScenario(raw, 'arrivals.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')).toMatch(/arrivals.*routine-2.*cannot also have/);
  });
});
