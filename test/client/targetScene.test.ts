import { describe, expect, it } from 'vitest';
import { targetScene } from '../../client/view/targetScene.js';
import { toViewModel } from '../../client/view/toViewModel.js';
import { stateJson } from './fixtures.js';

const player = { role: 'player' as const, post: 'manager' };

describe('which scene is on screen', () => {
  it('is the menu outside a drill', () => {
    expect(targetScene(null, false)).toBe('Menu');
  });

  it('is the lobby before the start, and for a player without a post', () => {
    expect(targetScene(toViewModel(stateJson({ phase: 'lobby' }), player), false)).toBe('Lobby');
    expect(targetScene(toViewModel(stateJson(), { role: 'player', post: null }), false)).toBe('Lobby');
  });

  it("is the player's room type while the drill runs or is paused", () => {
    expect(targetScene(toViewModel(stateJson(), player), false)).toBe('BranchLobby');
    expect(targetScene(toViewModel(stateJson({ phase: 'paused' }), { role: 'player', post: 'agent' }), false)).toBe('PhoneQueue');
  });

  it('follows the room the trainer watches', () => {
    expect(targetScene(toViewModel(stateJson(), { role: 'trainer', post: null }, { viewPost: 'agent' }), false)).toBe('PhoneQueue');
  });

  it('is the results once the drill has ended or failed', () => {
    expect(targetScene(toViewModel(stateJson({ phase: 'ended' }), player), false)).toBe('Results');
    expect(targetScene(toViewModel(stateJson({ phase: 'failed' }), player), false)).toBe('Results');
    expect(targetScene(toViewModel(stateJson(), player), true)).toBe('Results');
  });
});
