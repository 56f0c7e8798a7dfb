import type { ReferenceTools } from './checkWorkReferences.js';
import type { Scenario } from './schema.js';

type Path = (string | number)[];

/**
 * What the schema cannot check of the hotline's queue and the branch floor: that their rooms,
 * posts, interactions, archetypes and injects exist and sit where they must, that each call is
 * filed under a known category, and that the crowd meter's inject is not also fired otherwise.
 */
export function checkRoomWorkReferences(s: Scenario, t: ReferenceTools): void {
  const roomOf = new Map(s.posts.map((p) => [p.id, p.room]));
  const interactions = new Map(s.interactions.map((i) => [i.id, i]));
  if (s.phone) {
    const at: Path = ['phone'];
    const phone = s.phone;
    t.known('room', phone.room, [...at, 'room']);
    t.known('post', phone.inbox, [...at, 'inbox']);
    if (roomOf.get(phone.inbox) === phone.room) t.report([...at, 'inbox'], 'escalations go to a post in another room than the hotline');
    const categories = t.uniqueIds(phone.categories, [...at, 'categories'], 'category');
    phone.categories.forEach((c, i) => c.faq && t.checkCondition(c.faq, [...at, 'categories', i, 'faq'], false));
    const seen = new Set<string>();
    phone.calls.forEach((call, i) => {
      const cAt: Path = [...at, 'calls', i];
      const interaction = interactions.get(call.interaction);
      if (!interaction) t.report([...cAt, 'interaction'], `unknown interaction "${call.interaction}"`);
      else if (interaction.room !== phone.room) t.report([...cAt, 'interaction'], `"${call.interaction}" is in room "${interaction.room}", not the hotline's "${phone.room}"`);
      if (seen.has(call.interaction)) t.report([...cAt, 'interaction'], `"${call.interaction}" is listed twice`);
      seen.add(call.interaction);
      if (!categories.has(call.category)) t.report([...cAt, 'category'], `unknown category "${call.category}"`);
    });
  }
  if (s.floor) {
    const at: Path = ['floor'];
    const floor = s.floor;
    t.known('room', floor.room, [...at, 'room']);
    const cast = new Set(s.cast.map((a) => a.id));
    const seen = new Set<string>();
    floor.customers.forEach((c, i) => {
      const cAt: Path = [...at, 'customers', i];
      if (!cast.has(c.archetype)) t.report([...cAt, 'archetype'], `unknown archetype "${c.archetype}"`);
      if (seen.has(c.archetype)) t.report([...cAt, 'archetype'], `"${c.archetype}" is listed twice`);
      seen.add(c.archetype);
      if (!s.interactions.some((it) => it.room === floor.room && it.npc === c.archetype)) t.report([...cAt, 'archetype'], `no interaction brings "${c.archetype}" onto the floor`);
      for (const [place, service] of Object.entries(c.places)) if (service) t.checkEffects(service.effects, [...cAt, 'places', place, 'effects'], true);
    });
    const inject = s.injects.find((i) => i.id === floor.meter.inject);
    if (!inject) t.report([...at, 'meter', 'inject'], `unknown inject "${floor.meter.inject}"`);
    else if (inject.at !== undefined || inject.when !== undefined) t.report([...at, 'meter', 'inject'], `"${inject.id}" is fired by the crowd meter: give it neither "at" nor "when"`);
  }
}
