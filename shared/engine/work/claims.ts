import type { Claim } from '../../scenario/schema.js';
import type { Cause, DrillState } from '../drillState.js';
import { changeScore } from '../effects.js';
import { emit, type Transition } from '../transition.js';
import type { SaidClaim } from './workState.js';

/** What a room can tell of a claim: it knows the fact that confirms it, or that disproves it, or neither. */
export type ClaimStatus = 'confirmed' | 'unconfirmed' | 'disproved';

const knows = (state: DrillState, fact: string | undefined, room: string) => fact !== undefined && (state.facts[fact]?.includes(room) ?? false);
const anyRoomKnows = (state: DrillState, fact: string | undefined) => fact !== undefined && (state.facts[fact]?.length ?? 0) > 0;

export function claimStatus(state: DrillState, claim: Claim, room: string): ClaimStatus {
  if (knows(state, claim.disprovedBy, room)) return 'disproved';
  return claim.accurate && knows(state, claim.confirmedBy, room) ? 'confirmed' : 'unconfirmed';
}

/** Whether the room has heard the claim at all, so that it can state it. */
export function hasHeard(state: DrillState, claim: Claim, room: string): boolean {
  return claim.heardWith === undefined || knows(state, claim.heardWith, room);
}

/** What saying a claim in public costs beyond the choice that said it. */
export const CLAIM_POINTS = {
  /** Two rooms told the public different things on one question. */
  contradiction: -5,
} as const;

/**
 * What a claim that proved wrong costs once the proof is known, by how far it was said: a
 * published statement or a reply in the feed misled the public, a line read to the queue misled
 * the branch, one answer misled one customer. A front-line slip still costs, but it is not the
 * bank's word to everyone, and a drill where one hotline answer costs as much as a press release
 * punishes the front line for the newsroom's weight.
 */
export const EXPOSURE_POINTS: Record<SaidClaim['via'], { reputation: number; trust: number }> = {
  statement: { reputation: -10, trust: -5 },
  line: { reputation: -4, trust: -3 },
  response: { reputation: -2, trust: -2 },
};

/**
 * Records that `room` stated `claims` in public. Saying something another room contradicts
 * costs coordination (once per pair of claims); saying something already shown wrong is exposed
 * at once. Mutates the drill's work state.
 */
export function sayClaims(tx: Transition, room: string, claims: readonly string[], via: SaidClaim['via'], cause: Cause): void {
  const { index, state } = tx;
  const work = state.work!;
  for (const id of claims) {
    const claim = index.claims.get(id)!;
    if (work.said.some((s) => s.claim === id && s.room === room)) continue;
    // A contradiction is paid when a claim is first said beside another answer to its question.
    const firstTime = !work.said.some((s) => s.claim === id);
    // Two true claims on one question do not contradict each other (a first answer and a fuller one).
    const rival = firstTime ? work.said.find((s) => s.claim !== id && index.claims.get(s.claim)!.topic === claim.topic && !(claim.accurate && index.claims.get(s.claim)!.accurate)) : undefined;
    const said: SaidClaim = { claim: id, room, at: state.clock, via };
    work.said.push(said);
    if (rival) {
      emit(tx, { type: 'claimContradicted', claim: id, room, other: rival.claim, otherRoom: rival.room, topic: claim.topic });
      changeScore(tx, 'coordination', CLAIM_POINTS.contradiction, contradictionReason(claim, index.claims.get(rival.claim)!), cause);
    }
    if (anyRoomKnows(state, claim.disprovedBy)) expose(tx, [said], claim, cause);
  }
}

/** A fact was learned: every claim it disproves that was said and not yet exposed is exposed now. */
export function exposeClaimsBy(tx: Transition, fact: string, cause: Cause): void {
  const work = tx.state.work;
  if (!work) return;
  for (const claim of tx.index.claimsDisprovedBy.get(fact) ?? []) {
    const open = work.said.filter((s) => s.claim === claim.id && !s.exposed);
    if (open.length) expose(tx, open, claim, cause);
  }
}

function expose(tx: Transition, said: SaidClaim[], claim: Claim, cause: Cause): void {
  for (const s of said) s.exposed = true;
  emit(tx, { type: 'claimExposed', claim: claim.id, rooms: [...new Set(said.map((s) => s.room))] });
  const reason = {
    'zh-CN': `对外说法被证实有误：${claim.text['zh-CN']}`,
    en: `A public claim proved wrong: ${claim.text.en}`,
  };
  // Paid once, at the widest reach any room said it with: the costliest of the ways it was said.
  const points = said.map((s) => EXPOSURE_POINTS[s.via]).reduce((worst, p) => (p.reputation < worst.reputation ? p : worst));
  changeScore(tx, 'reputation', points.reputation, reason, cause);
  changeScore(tx, 'trust', points.trust, reason, cause);
}

function contradictionReason(claim: Claim, other: Claim) {
  return {
    'zh-CN': `对外口径不一致：“${claim.text['zh-CN']}”与“${other.text['zh-CN']}”`,
    en: `Two rooms told the public different things: "${claim.text.en}" and "${other.text.en}"`,
  };
}
