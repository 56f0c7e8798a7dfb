/**
 * What a page needs to get its seat back after a reload: the drill's code and the participant
 * token from `welcome` (or the trainer key). sessionStorage, so it lives as long as the tab and
 * a second tab can join as somebody else.
 */
export interface SavedSeat {
  code: string;
  name?: string;
  participant?: string;
  trainerKey?: string;
  /** With the trainer key: joined as a spectator (the presenter view), never as the trainer. */
  spectate?: boolean;
}

const KEY = 'crisisDrill.seat';

export function loadSeat(): SavedSeat | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const seat = JSON.parse(raw) as SavedSeat;
    return typeof seat.code === 'string' && (seat.participant || seat.trainerKey) ? seat : null;
  } catch {
    return null;
  }
}

export function saveSeat(seat: SavedSeat): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(seat));
  } catch {
    // Without storage a reload simply starts at the menu.
  }
}

export function clearSeat(): void {
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
