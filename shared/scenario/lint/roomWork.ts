import { PLACES, type Scenario } from '../schema.js';
import type { Finding } from './finding.js';
import type { Reach } from './reachability.js';

/**
 * The authoring checks of the hotline's queue and the branch floor: an FAQ that can never come
 * out, a call nobody can take, a floor with a place nobody is served well at, and a vulnerable
 * customer the rooms' work never meets.
 */
export function lintRoomWork(s: Scenario, reach: Reach, findings: Finding[]): void {
  const error = (path: Finding['path'], message: string) => findings.push({ severity: 'error', path, message });
  const warn = (path: Finding['path'], message: string) => findings.push({ severity: 'warning', path, message });
  s.phone?.categories.forEach((c, i) => {
    if (c.faq && !reach.possible(c.faq)) error(['phone', 'categories', i, 'faq'], `no play can publish the FAQ of category "${c.id}": its condition needs a flag or fact nothing reachable sets`);
    if (!s.phone!.calls.some((call) => call.category === c.id)) warn(['phone', 'categories', i], `no call belongs to category "${c.id}": it is only ever a wrong answer`);
  });
  s.phone?.calls.forEach((call, i) => {
    if (!reach.interactions.has(call.interaction)) error(['phone', 'calls', i, 'interaction'], `no play brings the call "${call.interaction}" into the queue`);
  });
  if (s.phone && !s.phone.categories.some((c) => c.escalate)) warn(['phone', 'categories'], 'no category calls for escalation: the inbox can only be a mistake');
  if (s.floor) {
    const floor = s.floor;
    PLACES.forEach((place) => {
      if (floor.capacity[place] > 0 && !floor.customers.some((c) => c.places[place]?.quality === 'best')) warn(['floor', 'capacity', place], `no customer is served best at "${place}"`);
    });
    const vulnerable = s.cast.filter((a) => a.traits.vulnerable);
    vulnerable.forEach((a) => {
      const onFloor = floor.customers.some((c) => c.archetype === a.id);
      const onPhone = s.phone?.calls.some((call) => s.interactions.find((it) => it.id === call.interaction)?.npc === a.id) ?? false;
      if (!onFloor && !onPhone) warn(['cast', s.cast.indexOf(a), 'traits', 'vulnerable'], `"${a.id}" is vulnerable but neither queues on the phone nor takes a ticket on the floor`);
    });
  }
}
