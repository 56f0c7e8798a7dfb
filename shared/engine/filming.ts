/**
 * Whether a person in a room is filming or posting what they see: a blogger, or a customer whose
 * archetype is a filmer ("crowd-filmer"). The lobby shows a camera over them and the feed hears
 * of it; one rule for both, here, rather than a string test in each scene.
 */
export function filmsTheRoom(npc: { archetype: string; kind: string }): boolean {
  return npc.kind === 'blogger' || npc.archetype.includes('filmer');
}
