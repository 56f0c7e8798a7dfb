/** The log the rest of the server writes to. */
export interface OperatorLog {
  info(message: string): void;
  error(message: string): void;
}

const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');

/**
 * What Colyseus itself would print, said in the operator log's own words. Its messages about
 * pages that try to resume a connection the server no longer has ("Did you miss
 * .allowReconnection()?") are what every page does after a restart: they are reworded, not shown
 * as faults. Anything else it reports goes through unchanged, as an error or as information.
 */
export function colyseusLogger(log: OperatorLog) {
  /** Known messages about what clients do, in our words (null: not worth a line); undefined for anything else. */
  const reword = (message: string): string | null | undefined => {
    if (/reconnection token invalid or expired/.test(message)) return 'A page tried to resume a connection this server no longer has (after a restart, or once its seat was given up); it rejoins by its seat token if it still has one.';
    const disposed = /room "([^"]+)" has been disposed/.exec(message);
    if (disposed) return `A page tried to resume its connection to drill ${disposed[1]}, which is no longer running here.`;
    if (/Max payload size exceeded/.test(message)) return 'A connection sent a frame over the size limit and was closed.';
    if (/onAuth\(\) defined at the instance level/.test(message)) return null;
    return undefined;
  };
  const say = (level: 'info' | 'error', args: unknown[]) => {
    const message = text(args);
    const known = reword(message);
    if (known === null) return;
    if (known !== undefined) log.info(known);
    else if (level === 'info') log.info(message);
    else log.error(`colyseus: ${message}`);
  };
  return {
    debug: () => {},
    trace: () => {},
    info: (...args: unknown[]) => say('info', args),
    warn: (...args: unknown[]) => say('error', args),
    error: (...args: unknown[]) => say('error', args),
  };
}
