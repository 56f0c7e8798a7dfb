import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPage, warnNoChromium } from '../helpers/browser.js';
import { startSolo } from '../helpers/soloPlay.js';
import { useGameServer } from '../helpers/gameServer.js';

warnNoChromium("test/e2e/faqMessage.test.ts (the hotline's queue message once the FAQ is out)");

/** Scenario seconds per real second: the bots publish the FAQ within about twenty seconds. */
const SPEED = 300;

describe.skipIf(!HAS_CHROMIUM)("the hotline's queue message, through the real UI", () => {
  const env = useGameServer();

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`tells the agent how many waiting callers the published FAQ answered (${locale})`, async () => {
      const game = await openPage(env.browser, `${env.server.url}/?speed=${SPEED}`, locale);
      await startSolo(game, { name: locale === 'en' ? 'Alex' : '李雷', post: 'call-centre-lead', scene: 'PhoneQueue' });
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
