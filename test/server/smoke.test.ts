import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('a drill over a real WebSocket', () => {
  it('syncs state from the server to a real colyseus.js client', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'mini-outage', speed: 600 });
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    const trainer = await server.join(code, { trainerKey });
    const welcome = collect(trainer, 'welcome');
    const player = await server.join(code, { name: '小王', post: 'agent' });
    await until(() => trainer.state.seats?.get('agent')?.holder === '小王', 'the seat to show the player');
    expect(trainer.state.phase).toBe('lobby');
    trainer.send('clock', { action: 'start' });
    await until(() => trainer.state.clock > 9 * 3600 + 300, 'the clock to run');
    await until(() => (panelsOf(player).get('agent')?.waiting.length ?? 0) > 0, 'callers to reach the phone panel');
    expect(panelsOf(player).get('manager')).toBeUndefined();
    expect(welcome).toEqual([expect.objectContaining({ role: 'trainer', code, post: null })]);
    await player.leave();
    await trainer.leave();
  });
});

describe('the scenario list', () => {
  it('gives clients the bilingual names of posts, duties and endings, and none of the answers', async () => {
    const list = await (await fetch(`${server.url}/api/scenarios`)).json();
    const mini = list.find((s: { id: string }) => s.id === 'mini-outage');
    expect(mini.expected[0]).toEqual({ id: 'statement', post: 'pr', title: { 'zh-CN': '及时发声', en: 'Speak in time' } });
    expect(mini.endings.map((e: { id: string }) => e.id)).toEqual(['resolved', 'collapse', 'time-up']);
    const text = JSON.stringify(mini);
    expect(text).not.toContain('quality');
    expect(text).not.toContain('interactions');
  });
});
