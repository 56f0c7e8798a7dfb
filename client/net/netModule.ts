// The lazily loaded network chunk (see session.ts).
export { DrillConnection, JoinError } from './DrillConnection.js';
export { validateName, MAX_NAME } from './validateName.js';
