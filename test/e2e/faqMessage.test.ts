import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, typeName, warnNoChromium } from '../helpers/browser.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium("test/e2e/faqMessage.test.ts (the hotline's queue message once the FAQ is out)");

/** Scenario seconds per real second: the bots publish the FAQ within about twenty seconds. */
const SPEED = 300;

describe.skipIf(!HAS_CHROMIUM)("the hotline's queue message, through the real UI", () => {
  const env = useGameServer();

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`tells the agent how many waiting callers the published FAQ answered (${locale})`, async () => {
      const game = await openPage(env.browser, `${env.server.url}/?speed=${SPEED}`, locale);
      await typeName(game, locale === 'en' ? 'Alex' : '李雷');
      await game.click('menu.solo');
      await game.click('solo.post.call-centre-lead');
      await game.click('solo.skill.expert');
      await game.click('solo.start');
      await game.waitForScene('Lobby');
      await game.click('lobby.start');
      expect(await game.waitForScene('PhoneQueue')).toBe('PhoneQueue');
      // Nobody picks up: the callers the FAQ covers hang up answered once it is out.
      await game.waitForView('(view.panel.work?.phone?.answeredByFaq ?? 0) > 0', 150_000);
      const phone = (await game.view())!.panel!.work!.phone!;
      expect(phone.categories.some((c) => c.faq)).toBe(true);
      await game.nextFrame();
      await game.screenshot(`phone-faq-message-${locale}`);
      expect(game.errors).toEqual([]);
      await game.close();
    }, 240_000);
  }
});
