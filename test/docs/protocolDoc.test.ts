import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, CLOSE_CODES, COLYSEUS_CODES, SERVER_MESSAGES } from '../../shared/protocol/messages.js';
import { REJECTION_CODES } from '../../shared/protocol/rejections.js';

const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
/** What the document names in code spans: `intent`, `4801`… */
const named = new Set([...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()));

describe('docs/protocol.md', () => {
  it('documents every message type of both directions', () => {
    const missing = [...Object.keys(CLIENT_MESSAGES), ...Object.values(SERVER_MESSAGES)].filter((t) => !named.has(t));
    expect(missing).toEqual([]);
  });

  it('documents every close code and Colyseus code a client meets', () => {
    const missing = [...Object.values(CLOSE_CODES), ...Object.values(COLYSEUS_CODES)].map(String).filter((c) => !named.has(c));
    expect(missing).toEqual([]);
  });

  it('documents every refusal code', () => {
    expect(REJECTION_CODES.filter((c) => !named.has(c))).toEqual([]);
  });
});
