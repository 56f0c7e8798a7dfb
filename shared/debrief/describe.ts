import type { Roster } from '../engine/drillState.js';
import type { Text } from '../i18n/text.js';
import type { Scenario } from '../scenario/schema.js';
import { say } from './strings.js';

/** Names of the scenario's things, for the debrief's sentences. Unknown ids read as themselves. */
export interface Names {
  post(id: string): Text;
  room(id: string): Text;
  /** The post and who held it: "Branch manager (Li Lei)", "PR officer (bot, expert)". */
  who(post: string): Text;
  npc(archetype: string): Text;
  fact(id: string): Text;
  flag(id: string): Text;
  inject(id: string): Text;
  duty(id: string): Text;
  roomOfPost(post: string): string;
  /** The posts that may answer in a room's interactions. */
  postsOfRoom(room: string): string[];
}

export function namesOf(scenario: Scenario, roster: Roster): Names {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const posts = byId(scenario.posts);
  const rooms = byId(scenario.rooms);
  const cast = byId(scenario.cast);
  const facts = byId(scenario.facts);
  const flags = byId(scenario.flags);
  const injects = byId(scenario.injects);
  const duties = byId(scenario.expected);
  const raw = (id: string): Text => ({ 'zh-CN': id, en: id });
  const post = (id: string) => posts.get(id)?.name ?? raw(id);
  return {
    post,
    room: (id) => rooms.get(id)?.name ?? raw(id),
    who(id) {
      const seat = roster[id];
      if (seat?.kind === 'human' && seat.name) return say('debrief.who.human', { post: post(id), name: seat.name });
      if (seat?.kind === 'bot') return say('debrief.who.bot', { post: post(id), skill: say(`skill.${seat.skill ?? 'competent'}`) });
      return post(id);
    },
    npc: (id) => cast.get(id)?.name ?? raw(id),
    fact: (id) => facts.get(id)?.text ?? raw(id),
    flag: (id) => flags.get(id)?.label ?? raw(id),
    inject: (id) => injects.get(id)?.title ?? raw(id),
    duty: (id) => duties.get(id)?.title ?? raw(id),
    roomOfPost: (id) => posts.get(id)?.room ?? '',
    postsOfRoom: (room) => scenario.posts.filter((p) => p.room === room).map((p) => p.id),
  };
}
