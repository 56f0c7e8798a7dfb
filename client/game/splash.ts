import Phaser from 'phaser';

/**
 * Takes away index.html's loading screen (painted before any script) once the game has drawn a
 * frame of its own, so the page never shows a blank moment between the two.
 */
export function removeSplashAfterNextFrame(game: Phaser.Game): void {
  game.events.once(Phaser.Core.Events.POST_RENDER, () => document.getElementById('splash')?.remove());
}
