/**
 * Why an input was refused. The engine and the server use the same codes; the client shows a
 * translated message per code, and `reason` carries the details in plain English for logs.
 */
export const REJECTION_CODES = [
  // from the engine
  'drill-ended',
  'unknown-post',
  'unknown-npc',
  'not-your-room',
  'npc-not-waiting',
  'not-your-interaction',
  'unknown-response',
  'response-unavailable',
  'unknown-fact',
  'fact-not-known',
  'bad-recipient',
  'already-known',
  'unknown-inject',
  'inject-not-optional',
  'unknown-expected',
  'deadline-not-open',
  'clock-backwards',
  'not-available',
  'unknown-statement',
  'not-your-statement',
  'statement-not-open',
  'already-published',
  'needs-approval',
  'no-approval-needed',
  'draft-pending',
  'nothing-to-review',
  'bad-draft',
  'unknown-item',
  'already-done',
  'nothing-published',
  'unknown-report',
  'not-your-report',
  'already-filed',
  'report-not-open',
  'bad-report',
  // from the server
  'bad-message',
  'unknown-type',
  'not-allowed',
  'no-post',
  'wrong-phase',
  'seat-taken',
  'rate-limited',
  'post-not-held',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  reason: string;
}
