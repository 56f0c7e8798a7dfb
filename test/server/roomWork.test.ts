import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from 'colyseus.js';
import { SCENARIO_DIR } from '../../server/scenarios/loadScenarios.js';
import type { Panel } from '../../shared/protocol/serverMessages.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, SCENARIO_DIR);
});
afterAll(async () => server.close());

const workOf = (room: Room, post: string) => panelsOf(room).get(post)?.work;

/** A draft from what the composer shows: the first line of each element, and only the claims the room has confirmed. */
function draftFrom(work: NonNullable<Panel['work']>) {
  const composer = work.composing[0]!;
  const lines = Object.fromEntries(Object.entries(composer.lines).map(([element, options]) => [element, options![0]!.id]));
  return { lines, claims: work.claims.filter((c) => c.status === 'confirmed').map((c) => c.id).slice(0, 8), tone: composer.tones[0]! };
}

describe('the rooms\' own work over a real connection', () => {
  it('lets the newsroom send a statement for approval and ops approve it; refuses everyone else; tells each room what it may see', async () => {
    const { code, trainerKey } = await server.createDrill({ mode: 'training', scenario: 'huarui-upgrade-outage', speed: 600 });
    const trainer = await server.join(code, { trainerKey });
    const pr = await server.join(code, { name: '公关', post: 'pr-officer' });
    const ops = await server.join(code, { name: 'Ops', post: 'incident-commander' });
    const branch = await server.join(code, { name: 'Branch', post: 'branch-manager' });
    for (const room of [trainer, pr, ops, branch]) panelsOf(room);
    const refusals = { pr: collect(pr, 'rejected'), ops: collect(ops, 'rejected'), branch: collect(branch, 'rejected') };
    const branchEvents = collect<unknown[]>(branch, 'events');
    const prEvents = collect<unknown[]>(pr, 'events');
    trainer.send('clock', { action: 'start' });

    await until(() => (workOf(pr, 'pr-officer')?.composing.length ?? 0) > 0, 'the holding statement to open', 20_000);
    trainer.send('clock', { action: 'speed', speed: 2 });
    const work = workOf(pr, 'pr-officer')!;
    expect(work.composing[0]).toMatchObject({ id: 'holding-statement', approver: 'incident-commander', status: 'drafting' });
    // Other rooms see no composer and no feed, only what went out.
    expect(workOf(branch, 'branch-manager')).toMatchObject({ composing: [], feed: [], reviews: [] });

    const draft = draftFrom(work);
    pr.send('intent', { ref: 1, intent: { type: 'publish', statement: 'holding-statement', draft } });
    await until(() => refusals.pr.some((r) => r.ref === 1), 'the refusal of a direct publish');
    expect(refusals.pr.find((r) => r.ref === 1).code).toBe('needs-approval');

    pr.send('intent', { ref: 2, intent: { type: 'submitDraft', statement: 'holding-statement', draft } });
    await until(() => (workOf(ops, 'incident-commander')?.reviews.length ?? 0) === 1, 'the draft to reach ops');
    expect(workOf(pr, 'pr-officer')!.composing[0]!.status).toBe('pending');

    branch.send('intent', { ref: 3, intent: { type: 'review', statement: 'holding-statement', verdict: 'approve' } });
    ops.send('intent', { ref: 4, intent: { type: 'feed', item: 'hacker-rumour', action: 'escalate' } });
    branch.send('intent', { ref: 5, intent: { type: 'fileReport', report: 'regulator-report', fields: {} } });
    await until(() => refusals.branch.length >= 2 && refusals.ops.some((r) => r.ref === 4), 'the refusals');
    expect(refusals.branch.map((r) => r.code).sort()).toEqual(['not-your-report', 'not-your-statement']);
    expect(refusals.ops.find((r) => r.ref === 4).code).toBe('not-your-room');

    ops.send('intent', { ref: 6, intent: { type: 'review', statement: 'holding-statement', verdict: 'approve' } });
    await until(() => workOf(pr, 'pr-officer')?.composing[0]?.status === 'published', 'the statement to go out');
    await until(() => (workOf(branch, 'branch-manager')?.published.length ?? 0) === 1, 'the branch to read it');
    const published = (events: unknown[][]) => events.flat().some((e) => (e as { type: string }).type === 'statementPublished');
    await until(() => published(branchEvents) && published(prEvents), 'the public event');
    // The draft's review is the newsroom's business; the branch never hears of it.
    expect(branchEvents.flat().some((e) => (e as { type: string }).type === 'draftReviewed')).toBe(false);
    expect(prEvents.flat().some((e) => (e as { type: string }).type === 'draftReviewed')).toBe(true);
    for (const room of [trainer, pr, ops, branch]) await room.leave();
  }, 60_000);
});
