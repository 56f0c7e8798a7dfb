import type { ClientMessageType, Mode } from '../protocol/messages.js';
import type { Rejection } from '../protocol/rejections.js';
import type { Role, SessionPhase } from './session.js';

/** What a permission depends on beyond role and phase. */
export interface AskContext {
  /** The asker holds a post (a player's own, or one the trainer took over). */
  hasPost: boolean;
  /** The asker is the player of a solo drill, who runs its clock. */
  soloPlayer: boolean;
  /** The drill is solo practice: bots hold every other post, so there is no one to chat with. */
  soloDrill?: boolean;
  /** For `clock`: which action. */
  clock?: 'start' | 'pause' | 'resume' | 'speed';
}

/** Who runs the clock (start, pause, resume, speed): the trainer, or the player of a solo drill at its post. */
export function canControlClock(role: Role, mode: Mode, hasPost: boolean): boolean {
  return role === 'trainer' || (mode === 'solo' && role === 'player' && hasPost);
}

const over = (phase: SessionPhase) => phase === 'ended' || phase === 'failed' || phase === 'abandoned';
const refuse = (code: Rejection['code'], reason: string): Rejection => ({ code, reason });

/**
 * Who may send what, in which phase: the session's permission table. It answers before anything
 * about the message's content is looked at (which seat, which NPC): a refusal here changes
 * nothing. The finer checks (a taken seat, an unknown post, the engine's own rules) come after.
 */
export function refusalFor(role: Role, type: ClientMessageType, phase: SessionPhase, ctx: AskContext): Rejection | undefined {
  const trainer = role === 'trainer';
  switch (type) {
    case 'intent':
      if (!ctx.hasPost) return refuse('no-post', 'take a post first');
      if (phase !== 'running') return refuse('wrong-phase', `the drill is ${phase}`);
      return undefined;
    case 'seat':
      return role === 'player' ? undefined : refuse('not-allowed', 'only players take posts');
    case 'ready':
      return ctx.hasPost ? undefined : refuse('no-post', 'take a post first');
    case 'clock':
      if (!trainer && !ctx.soloPlayer) return refuse('not-allowed', 'only the trainer controls the clock');
      if (over(phase)) return refuse('drill-ended', 'the drill has ended');
      if (ctx.clock === 'start' && phase !== 'lobby') return refuse('wrong-phase', 'the drill has already started');
      if (ctx.clock === 'pause' && phase !== 'running') return refuse('wrong-phase', 'the drill is not running');
      if (ctx.clock === 'resume' && phase !== 'paused') return refuse('wrong-phase', 'the drill is not paused');
      return undefined;
    case 'control':
      if (!trainer) return refuse('not-allowed', 'only the trainer can do that');
      if (phase !== 'running' && phase !== 'paused') return refuse('wrong-phase', `the drill is ${phase}`);
      return undefined;
    case 'hint':
      return trainer ? undefined : refuse('not-allowed', 'only the trainer sends hints');
    case 'post':
      if (!trainer) return refuse('not-allowed', 'only the trainer frees or takes over posts');
      if (over(phase)) return refuse('drill-ended', 'the drill has ended');
      return undefined;
    case 'chat':
      // Which channel, what text, how fast: chatRules.ts, after this.
      if (ctx.soloDrill) return refuse('chat-unavailable', 'solo practice has no chat: bots hold the other posts');
      if (role === 'spectator') return refuse('not-allowed', 'spectators read the team channel and do not write');
      if (!trainer && !ctx.hasPost) return refuse('no-post', 'take a post first: chat is between posts');
      // Chat is part of the drill: it opens with the clock (when posts are fixed) and closes with the drill.
      if (phase === 'lobby') return refuse('wrong-phase', 'chat opens when the drill starts');
      if (phase !== 'running' && phase !== 'paused') return refuse('drill-ended', 'the drill has ended');
      return undefined;
  }
}
