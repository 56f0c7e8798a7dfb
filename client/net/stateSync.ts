import { getStateCallbacks, type Room } from 'colyseus.js';
import type { DrillFields, StateChange } from '../../shared/protocol/stateChange.js';
import { DRILL_FIELDS, type ScoresJson } from '../../shared/protocol/stateShape.js';
import type { DrillSchema } from '../../server/state/DrillSchema.js';

/** The room as colyseus.js gives it, typed by the server's schema (server/state/DrillSchema.ts, built from shared/protocol/stateShape.ts). */
export type DrillRoom = Room<DrillSchema>;

/**
 * Follows a room's state through @colyseus/schema's change callbacks and reports each change as
 * data, as it is decoded. What is already there is reported at once. Returns the unsubscriber.
 */
export function syncState(room: DrillRoom, report: (change: StateChange) => void): () => void {
  const $ = getStateCallbacks(room);
  const state = room.state;
  const offs: (() => void)[] = [];
  for (const field of Object.keys(DRILL_FIELDS) as (keyof DrillFields)[]) {
    offs.push($(state).listen(field, (value) => report({ kind: 'field', field, value: value as DrillFields[typeof field] }), true));
  }
  // The scores, maps and list are children of the state, which may not be decoded yet: callbacks
  // go on each child when it arrives (and on its replacement, should the server assign a new one).
  const child = <K extends 'scores' | 'seats' | 'rooms' | 'expected' | 'unseated'>(prop: K, attach: (value: NonNullable<DrillSchema[K]>) => (() => void)[]) => {
    let detach: (() => void)[] = [];
    offs.push(() => detach.forEach((off) => off()));
    offs.push(
      $(state).listen(
        prop,
        (value) => {
          detach.forEach((off) => off());
          detach = value ? attach(value as NonNullable<DrillSchema[K]>) : [];
        },
        true,
      ),
    );
  };
  child('scores', (scores) => {
    const send = () => report({ kind: 'scores', scores: scores.toJSON() as ScoresJson });
    send();
    return [$(scores).onChange(send)];
  });
  const entries = (kind: 'seat' | 'room' | 'duty', prop: 'seats' | 'rooms' | 'expected') =>
    child(prop, (map) => {
      const perItem = new Map<string, () => void>();
      return [
        $(map).onAdd((item, key) => {
          const send = () => report({ kind, key, value: item.toJSON() } as StateChange);
          send();
          perItem.get(key)?.();
          perItem.set(key, $(item).onChange(send));
        }, true),
        $(map).onRemove((_item, key) => {
          perItem.get(key)?.();
          perItem.delete(key);
          report({ kind, key, value: null } as StateChange);
        }),
        () => perItem.forEach((off) => off()),
      ];
    });
  entries('seat', 'seats');
  entries('room', 'rooms');
  entries('duty', 'expected');
  child('unseated', (list) => {
    const send = () => report({ kind: 'unseated', names: [...list] });
    send();
    return [$(list).onAdd(send, false), $(list).onRemove(send), $(list).onChange(send)];
  });
  return () => offs.forEach((off) => off());
}
