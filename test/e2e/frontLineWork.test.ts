import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, typeName, warnNoChromium, type GamePage } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium('test/e2e/frontLineWork.test.ts (the hotline desk, the ops board and the branch floor in the flagship)');

/** Extra screenshots for a look by eye, outside the repository. */
const SHOTS = process.env.FRONT_LINE_SHOTS;

/** A screenshot at 1280×800 in both languages (switched with the page's own toggle, then back). */
async function shot(game: GamePage, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await game.page.setViewportSize({ width: 1280, height: 800 });
  const first = await game.page.evaluate(() => localStorage.getItem('crisisDrill.locale') ?? 'zh-CN');
  for (const locale of [first, first === 'en' ? 'zh-CN' : 'en']) {
    if (locale !== first) await game.click('lang.toggle');
    await game.nextFrame();
    await game.page.screenshot({ path: `${SHOTS}/${name}-${locale}.png` });
  }
  await game.click('lang.toggle');
  await game.page.setViewportSize({ width: 1280, height: 720 });
  await game.nextFrame();
}

/** A trainee joins the trainer's drill by code and takes a post. */
async function trainee(env: ReturnType<typeof useGameServer>, code: string, name: string, post: string, locale: 'zh-CN' | 'en'): Promise<GamePage> {
  const game = await openPage(env.browser, env.server.url, locale);
  await typeName(game, name);
  await game.page.fill('input[name=joinCode]', code);
  await game.click('menu.join');
  await game.waitForScene('Lobby');
  await game.clickUntil(`lobby.take.${post}`, `view.me.post === '${post}'`);
  await game.clickUntil('lobby.ready', `view.seats.some((s) => s.post === '${post}' && s.ready)`);
  return game;
}

describe.skipIf(!HAS_CHROMIUM)('the rooms’ own work in the flagship, through the real UI', () => {
  const env = useGameServer();
  let trainer: GamePage;
  let phone: GamePage;
  let lobby: GamePage;
  let ops: GamePage;

  it('a trainee on the hotline picks up a call, answers it and logs its ticket', async () => {
    trainer = await openPage(env.browser, `${env.server.url}/?speed=30`, 'en');
    await trainer.click('menu.training');
    await trainer.waitForScene('Lobby');
    await trainer.waitForView("view.code.length === 8 && view.me.isTrainer && view.scenario.id === 'huarui-upgrade-outage'");
    const code = (await trainer.view())!.codeLabel;
    phone = await trainee(env, code, '李娜', 'call-centre-lead', 'zh-CN');
    lobby = await trainee(env, code, 'Alex', 'branch-manager', 'en');
    ops = await trainee(env, code, '王芳', 'incident-commander', 'zh-CN');
    await trainer.waitForView("view.seats.filter((s) => s.kind === 'human' && s.ready).length === 3");
    await trainer.click('lobby.start');
    expect(await phone.waitForScene('PhoneQueue')).toBe('PhoneQueue');

    await phone.waitForView('view.panel.work?.phone?.queue.length > 0', 90_000);
    await shot(phone, 'phone-queue');
    await phone.click(/^phone\.pickUp\./);
    await phone.waitForView("view.panel.work.phone.line?.phase === 'talking' && view.panel.npcs.length > 0");
    await shot(phone, 'phone-talking');
    // Answer until the call ends and the wrap-up form opens.
    for (let i = 0; i < 6; i++) {
      if ((await phone.view())!.panel!.work!.phone!.line?.phase === 'wrapUp') break;
      await phone.click(/^response\./);
      await phone.waitForView("view.panel.work.phone.line?.phase !== 'talking' || view.panel.npcs.every((n) => n.responses.some((r) => r.available))", 20_000);
      await phone.page.waitForFunction(() => window.__crisisDrill!.view()?.panel?.work?.phone?.line?.phase === 'wrapUp' || (window.__crisisDrill!.view()?.panel?.npcs.length ?? 0) > 0, null, { timeout: 20_000, polling: 50 });
    }
    await phone.waitForView("view.panel.work.phone.line?.phase === 'wrapUp'");
    const before = (await phone.view())!.panel!.work!.phone!;
    const log = await phone.findButton('phone.log', 1).catch(() => null);
    expect(log, 'Log ticket waits for a category and a call-back').toBeNull();
    const category = await phone.click(/^phone\.category\./);
    await phone.click('phone.callback.15');
    await shot(phone, 'phone-wrapup');
    await phone.click('phone.log');
    await phone.waitForView(`view.panel.work.phone.tickets.length === ${before.tickets.length + 1}`);
    const ticket = (await phone.view())!.panel!.work!.phone!.tickets.at(-1)!;
    expect(`phone.category.${ticket.category}`).toBe(category.id);
    expect(ticket.callback).toBe(15);
    expect(['promised', 'due', 'kept', 'late', 'broken']).toContain(ticket.status);
    await phone.waitForView("view.panel.work.phone.line?.phase !== 'wrapUp'");
    await shot(phone, 'phone-ticket');
    expect(phone.errors).toEqual([]);
    expect(env.server.errors).toEqual([]);
  }, 240_000);

  it('the branch manager sends a waiting customer from the ticket queue to a counter', async () => {
    expect(await lobby.waitForScene('BranchLobby')).toBe('BranchLobby');
    await lobby.waitForView('view.panel.work?.floor?.queue.length > 0', 90_000);
    await shot(lobby, 'lobby-floor');
    const customer = await lobby.click(/^floor\.customer\./);
    const number = Number(customer.id.split('.').at(-1));
    await lobby.click('floor.place.counter');
    await lobby.waitForView(`view.panel.work.floor.places.some((p) => p.place === 'counter' && p.serving.some((v) => v.number === ${number}))`);
    expect((await lobby.view())!.panel!.work!.floor!.queue.map((c) => c.number)).not.toContain(number);
    await shot(lobby, 'lobby-assigned');
    expect(lobby.errors).toEqual([]);
  }, 180_000);

  it('the incident commander starts an investigation on the board and acknowledges an escalated ticket', async () => {
    expect(await ops.waitForScene('OpsRoom')).toBe('OpsRoom');
    await ops.waitForView('view.panel.work?.board?.options.length > 0');
    await ops.click('ops.tab.board');
    await ops.click('ops.kind.investigation');
    const start = await ops.click(/^board\.start\.investigation\./);
    const option = start.id.split('.').at(-1);
    await ops.waitForView(`view.panel.work.board.running.some((j) => j.kind === 'investigation' && j.id === '${option}')`);
    await shot(ops, 'ops-board');

    const ticket = (await phone.view())!.panel!.work!.phone!.tickets.at(-1)!;
    await phone.click(`phone.escalate.${ticket.id}`);
    await phone.waitForView(`!!view.panel.work.phone.tickets.find((t) => t.id === '${ticket.id}').escalation`);
    await ops.click('ops.tab.inbox');
    const ack = await ops.click(/^inbox\.ack\./);
    const escalation = ack.id.slice('inbox.ack.'.length);
    await ops.waitForView(`view.panel.work.inbox.some((e) => e.id === '${escalation}' && e.status === 'acknowledged')`);
    await shot(ops, 'ops-inbox');
    await ops.click('ops.tab.duties');
    await shot(ops, 'ops-duties');
    expect(ops.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 180_000);
});
