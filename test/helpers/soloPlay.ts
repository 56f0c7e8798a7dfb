import { expect } from 'vitest';
import { typeName, type GamePage } from './browser.js';

export interface SoloRoom {
  /** The scenario to pick on the menu (it lists the flagship first, then the others by id). */
  scenario?: string;
  /** How many times "next scenario" must be pressed to reach it. */
  scenarioSteps?: number;
  post: string;
  scene: string;
  shot: string;
  locale: 'zh-CN' | 'en';
}

/** From the menu into a solo drill of the flagship at `post`, started, with the room's scene on screen. */
export async function startSolo(game: GamePage, solo: { name: string; post: string; skill?: 'novice' | 'competent' | 'expert'; scene: string }): Promise<void> {
  await typeName(game, solo.name);
  await game.click('menu.solo');
  await game.click(`solo.post.${solo.post}`);
  await game.click(`solo.skill.${solo.skill ?? 'expert'}`);
  await game.click('solo.start');
  await game.waitForScene('Lobby');
  await game.click('lobby.start');
  expect(await game.waitForScene(solo.scene)).toBe(solo.scene);
}

/**
 * Plays like a hurried trainee: pick whoever waits, answer with the first answer on offer, until
 * the results appear. Every action is a mouse click on the canvas.
 */
export async function playToTheEnd(game: GamePage, shot?: string): Promise<number> {
  let answered = 0;
  let screenshot = shot === undefined;
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline && (await game.scene()) !== 'Results') {
    const npc = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('npc.'));
    if (npc) await game.page.mouse.click(npc.x, npc.y);
    const response = (await game.buttons()).find((b) => b.enabled && b.id.startsWith('response.'));
    if (response) {
      if (!screenshot && answered >= 2) {
        await game.screenshot(shot!);
        screenshot = true;
      }
      await game.page.mouse.click(response.x, response.y);
      answered++;
    }
    await game.page.waitForTimeout(120);
  }
  if (!screenshot) await game.screenshot(shot!);
  return answered;
}

/** Menu → (scenario) → solo → post → lobby → the room, played to the results, checked on the way. */
export async function playSolo(game: GamePage, room: SoloRoom): Promise<void> {
  const name = room.locale === 'en' ? 'Alex' : '李雷';
  await typeName(game, name);
  for (let i = 0; i < (room.scenarioSteps ?? 0); i++) await game.click('menu.nextScenario');
  await game.click('menu.solo');
  await game.click(`solo.post.${room.post}`);
  await game.click('solo.skill.expert');
  await game.click('solo.start');
  await game.waitForScene('Lobby');
  await game.waitForView(`view.mode === 'solo' && view.me.post === '${room.post}'`);
  if (room.scenario) expect((await game.view())!.scenario.id).toBe(room.scenario);
  await game.click('lobby.start');
  expect(await game.waitForScene(room.scene)).toBe(room.scene);

  const answered = await playToTheEnd(game, room.shot);
  expect(await game.waitForScene('Results', 60_000)).toBe('Results');
  expect(answered).toBeGreaterThan(0);
  const view = (await game.view())!;
  expect(view.phase).toBe('ended');
  expect(view.me.post).toBe(room.post);
  expect(view.scenario.title).not.toBeNull();
  // The player's own answers moved scores, and the page said so with the cause.
  expect((await game.scoreChanges()).some((c) => c.includes(name))).toBe(true);
  await game.findButton('results.menu');
  await game.page.waitForTimeout(1200); // the meters fill up first
  await game.screenshot(`results-${room.shot}`);
  expect(game.errors).toEqual([]);
  await game.click('results.menu');
  await game.waitForScene('Menu');
}
