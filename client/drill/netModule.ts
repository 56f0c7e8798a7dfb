// The lazily loaded network chunk (see session.ts): colyseus.js, the drill's connection and the view it feeds.
export { JoinError, REJOIN_WINDOW_MS, retryPause } from '../net/DrillConnection.js';
export { validateName, MAX_NAME } from '../net/validateName.js';
export { LiveDrill } from './LiveDrill.js';
