// The lazily loaded network chunk (see session.ts).
export { DrillConnection, JoinError, REJOIN_WINDOW_MS, retryPause } from './DrillConnection.js';
export { validateName, MAX_NAME } from './validateName.js';
