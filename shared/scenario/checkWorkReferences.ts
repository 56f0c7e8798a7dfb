import { LINE_ELEMENTS } from './work/statements.js';
import { boardLists, effectListsOf } from './work/opsBoard.js';
import { checkRoomWorkReferences } from './checkRoomWorkReferences.js';
import type { Condition, Effect, Scenario } from './schema.js';

type Path = (string | number)[];

/** The checks of `checkReferences` a part of the rooms' work needs: ids declared, conditions and effects sound. */
export interface ReferenceTools {
  report: (path: Path, message: string) => void;
  known: (kind: 'room' | 'post' | 'fact' | 'flag', id: string, path: Path) => void;
  checkCondition: (c: Condition, path: Path, inInteraction: boolean) => void;
  checkEffects: (effects: Effect[], path: Path, inInteraction: boolean) => void;
  uniqueIds: (items: { id: string }[], path: Path, what: string) => Set<string>;
}

/**
 * What the schema cannot check of claims and statements: that their facts and posts exist, that
 * a claim can be what it says (a true claim is never disproved, a rumour never confirmed), that
 * every question a statement asks has a true claim that can be confirmed, and that every list of
 * lines has a best one to find.
 */
export function checkWorkReferences(s: Scenario, t: ReferenceTools): void {
  const claimIds = t.uniqueIds(s.claims, ['claims'], 'claim');
  s.claims.forEach((c, i) => {
    const at: Path = ['claims', i];
    if (c.confirmedBy !== undefined) t.known('fact', c.confirmedBy, [...at, 'confirmedBy']);
    if (c.disprovedBy !== undefined) t.known('fact', c.disprovedBy, [...at, 'disprovedBy']);
    if (c.heardWith !== undefined) t.known('fact', c.heardWith, [...at, 'heardWith']);
    if (c.accurate && c.disprovedBy !== undefined) t.report([...at, 'disprovedBy'], 'a true claim cannot be disproved');
    if (!c.accurate && c.confirmedBy !== undefined) t.report([...at, 'confirmedBy'], 'a claim that is not true cannot be confirmed');
  });
  s.interactions.forEach((it, i) =>
    it.responses.forEach((r, j) => r.says.forEach((id, k) => claimIds.has(id) || t.report(['interactions', i, 'responses', j, 'says', k], `unknown claim "${id}"`))),
  );

  t.uniqueIds(s.feed, ['feed'], 'feed item');
  if (s.feed.length > 0 && !s.rooms.some((r) => r.type === 'newsroom')) t.report(['feed'], 'a feed needs a newsroom to answer it');
  s.feed.forEach((f, i) => {
    const at: Path = ['feed', i];
    if (f.claim !== undefined && !claimIds.has(f.claim)) t.report([...at, 'claim'], `unknown claim "${f.claim}"`);
    if (f.heat >= f.threshold) t.report([...at, 'heat'], 'a post must start below its threshold, or it blows up before anyone can act');
    t.checkEffects(f.onThreshold, [...at, 'onThreshold'], false);
    for (const action of ['reply', 'rebut', 'escalate'] as const) t.checkEffects(f.actions[action].effects, [...at, 'actions', action, 'effects'], false);
    if (!(['reply', 'rebut', 'escalate'] as const).some((a) => f.actions[a].quality === 'best')) t.report([...at, 'actions'], 'needs a best action, so that the procedure can be followed');
  });

  t.uniqueIds(s.reports, ['reports'], 'report');
  s.reports.forEach((r, i) => {
    const at: Path = ['reports', i];
    t.known('post', r.post, [...at, 'post']);
    if (r.opens) t.checkCondition(r.opens, [...at, 'opens'], false);
    t.checkEffects(r.onFiled, [...at, 'onFiled'], false);
    t.checkEffects(r.onInaccurate, [...at, 'onInaccurate'], false);
    t.uniqueIds(r.fields, [...at, 'fields'], 'field');
    r.fields.forEach((f, j) => {
      f.claims.forEach((c, k) => claimIds.has(c) || t.report([...at, 'fields', j, 'claims', k], `unknown claim "${c}"`));
      if (new Set(f.claims).size !== f.claims.length) t.report([...at, 'fields', j, 'claims'], 'a claim is offered twice');
      const offered = s.claims.filter((c) => f.claims.includes(c.id));
      if (offered.length && !offered.some((c) => c.accurate && c.confirmedBy !== undefined)) t.report([...at, 'fields', j, 'claims'], 'offers no accurate claim that can be confirmed, so the field can never be answered well');
    });
  });

  if (s.board) {
    const b = s.board;
    if (!s.rooms.some((r) => r.type === 'ops')) t.report(['board'], 'an incident board needs an ops room to work it');
    if (b.opens) t.checkCondition(b.opens, ['board', 'opens'], false);
    for (const [name, options] of Object.entries(boardLists(b))) {
      t.uniqueIds([...options], ['board', name], name);
      options.forEach((o, i) => {
        const at: Path = ['board', name, i];
        if (o.requires) t.checkCondition(o.requires, [...at, 'requires'], false);
        if ('staff' in o && o.staff > b.staff) t.report([...at, 'staff'], `needs ${o.staff} people; the board has ${b.staff}`);
        for (const [key, effects] of effectListsOf(o)) t.checkEffects(effects, [...at, key], false);
      });
      if (options.length > 0 && (name === 'levels' || name === 'fixes') && !options.some((o) => o.quality === 'best')) t.report(['board', name], 'needs a best option, so that the procedure can be followed');
    }
  }

  t.uniqueIds(s.statements, ['statements'], 'statement');
  const roomOf = new Map(s.posts.map((p) => [p.id, p.room]));
  s.statements.forEach((st, i) => {
    const at: Path = ['statements', i];
    t.known('post', st.post, [...at, 'post']);
    if (st.approver !== undefined) {
      t.known('post', st.approver, [...at, 'approver']);
      if (roomOf.get(st.approver) === roomOf.get(st.post)) t.report([...at, 'approver'], 'the approver must sit in another room than the writer');
    }
    if (st.opens) t.checkCondition(st.opens, [...at, 'opens'], false);
    t.checkEffects(st.onPublish, [...at, 'onPublish'], false);
    t.checkEffects(st.onRisky, [...at, 'onRisky'], false);
    for (const element of st.elements) {
      if (element !== 'facts' && !st.lines[element as (typeof LINE_ELEMENTS)[number]]) t.report([...at, 'lines'], `the procedure requires "${element}" but no lines are offered for it`);
    }
    if (st.elements.includes('facts') && st.topics.length === 0) t.report([...at, 'topics'], 'a statement with facts needs the questions they answer');
    for (const element of LINE_ELEMENTS) {
      const lines = st.lines[element];
      if (!lines) continue;
      t.uniqueIds(lines, [...at, 'lines', element], 'line');
      lines.forEach((line, j) => t.checkEffects(line.effects, [...at, 'lines', element, j, 'effects'], false));
      if (!lines.some((l) => l.quality === 'best')) t.report([...at, 'lines', element], 'needs a best line, so that the procedure can be followed');
    }
    st.topics.forEach(({ topic }, j) => {
      if (!s.claims.some((c) => c.topic === topic && c.accurate && c.confirmedBy !== undefined)) {
        t.report([...at, 'topics', j], `no true claim on "${topic}" can be confirmed, so the question can never be answered well`);
      }
    });
  });
  checkRoomWorkReferences(s, t);
}
