import { parse } from 'csv-parse/sync';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../server/report/decisionsCsv.js';
import { buildDebrief } from '../../shared/debrief/buildDebrief.js';
import { DebriefSchema, type Debrief } from '../../shared/debrief/schema.js';
import { DIMENSIONS } from '../../shared/scores/dimensions.js';
import { FLAGSHIP_DIR, HAS_CHROMIUM, launchBrowser, SCREENSHOTS, warnNoChromium } from '../helpers/browser.js';
import { collect, startTestServer, until, type TestServer } from '../helpers/server.js';
import { panelsOf } from '../helpers/panels.js';
import { drawMorning } from '../../shared/scenario/drawMorning.js';

warnNoChromium('test/server/report.test.ts (the report printed to PDF)');

/** A display name that would run as HTML if the report did not escape it. */
const HOSTILE = '<img src=x onerror=1>';
const POST = 'pr-officer';

let server: TestServer;
let drillId: string;
let token: string;

/** A solo flagship drill at high speed, the human answering whatever is on offer first. */
async function playSoloDrill(): Promise<{ record: string; reportToken: string }> {
  const { code } = await server.createDrill({ mode: 'solo', scenario: 'huarui-upgrade-outage', post: POST, skill: 'competent', speed: 3600 });
  const me = await server.join(code, { name: HOSTILE });
  const ended = collect(me, 'ended');
  const play = setInterval(() => {
    const card = panelsOf(me).get(POST)?.waiting.at(0);
    const option = card && (card.responses as { id: string; available: boolean }[]).find((o) => o.available);
    if (card && option) me.send('intent', { intent: { type: 'respond', npc: card.id, response: option.id } });
  }, 30);
  me.send('ready', { ready: true });
  await until(() => ended.length === 1, 'the end of the drill', 40_000);
  clearInterval(play);
  await me.leave();
  return ended[0];
}

/**
 * Whether `needle` occurs in `text` with at most one character in ten different. The PDF's CJK
 * font maps a few characters to look-alike radicals (马 to ⻢, U+2EE2) that no normalisation undoes.
 */
function containsNearly(text: string, needle: string): boolean {
  const allowed = Math.floor(needle.length / 10);
  for (let i = 0; i + needle.length <= text.length; i++) {
    let misses = 0;
    for (let j = 0; j < needle.length && misses <= allowed; j++) if (text[i + j] !== needle[j]) misses++;
    if (misses <= allowed) return true;
  }
  return false;
}

const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api/drills/${path}`, init);
const postSurvey = (id: string, body: unknown) => api(`${id}/survey`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const survey = (over: object = {}) => ({
  token,
  name: HOSTILE,
  post: POST,
  answers: { wentWell: '核实后再发声 & <b>统一口径</b>', toChange: 'Share the cause with PR sooner', confidenceBefore: 2, confidenceAfter: 4 },
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({}, FLAGSHIP_DIR);
  const ended = await playSoloDrill();
  drillId = ended.record;
  token = ended.reportToken;
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe('report links', () => {
  it('gives every player the report token when the drill ends', () => {
    expect(drillId).toBeTruthy();
    expect(token.length).toBeGreaterThanOrEqual(16);
  });

  it('answers a wrong, missing or borrowed token and an unknown drill with the same 404, revealing nothing', async () => {
    const other = await server.services.store.getDrill(drillId);
    const tries = [
      `${drillId}/report?token=${token.slice(0, -1)}x`,
      `${drillId}/report`,
      `${drillId}/report?token=`,
      `${drillId}/report.csv?token=nope`,
      `${drillId}/report.json?token=${'A'.repeat(22)}`,
      `${drillId}/debrief?token=${token}x`,
      `00000000-0000-0000-0000-000000000000/report?token=${token}`,
      `not%20an%20id/report?token=${token}`,
      `${drillId}/report?token[]=${token}`,
    ];
    const bodies = new Set<string>();
    for (const path of tries) {
      const res = await api(path);
      expect(res.status, path).toBe(404);
      bodies.add(await res.text());
    }
    const posted = await postSurvey(drillId, survey({ token: 'x'.repeat(22) }));
    expect(posted.status).toBe(404);
    bodies.add(await posted.text());
    expect([...bodies]).toEqual([JSON.stringify({ error: { code: 'not-found', message: 'no such report' } })]);
    expect(other?.reportToken).toBe(token);
    expect(await server.services.store.listSurveys(drillId)).toEqual([]);
  });
});

describe('the debrief route', () => {
  let debrief: Debrief;

  it('serves the debrief whose numbers are the replay of the stored drill', async () => {
    const res = await api(`${drillId}/debrief?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    debrief = DebriefSchema.parse(body.debrief);
    const record = (await server.services.store.getDrill(drillId))!;
    const scenario = drawMorning(server.services.scenarios.get(record.scenarioId)!.scenario, record.seed, record.level).scenario;
    expect(debrief).toEqual(JSON.parse(JSON.stringify(buildDebrief(scenario, record).debrief)));
    for (const d of debrief.dimensions) expect(d.final).toBe(record.scores[d.dim]);
    expect(debrief.total.final).toBe(record.total);
    expect(debrief.decisions.some((d) => d.post === POST && d.kind === 'response')).toBe(true);
  });

  it('narrows to one post when asked, and refuses a post the drill does not have', async () => {
    const mine = await (await api(`${drillId}/debrief?token=${token}&post=${POST}`)).json();
    expect(mine.debrief.forPost).toBe(POST);
    expect(mine.debrief.expected.every((x: { post: string }) => x.post === POST)).toBe(true);
    expect((await api(`${drillId}/debrief?token=${token}&post=nobody`)).status).toBe(400);
  });
});

describe('the survey', () => {
  it('refuses a malformed answer with the reason and stores nothing', async () => {
    for (const bad of [survey({ answers: { wentWell: '', toChange: '', confidenceBefore: 0, confidenceAfter: 4 } }), survey({ post: 'nobody' }), survey({ extra: 1 }), survey({ name: '' })]) {
      const res = await postSurvey(drillId, bad);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toBeTruthy();
    }
    const broken = await api(`${drillId}/survey`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":' });
    expect(broken.status).toBe(400);
    expect(await server.services.store.listSurveys(drillId)).toEqual([]);
  });

  it('stores an answer, and a second one from the same name replaces it', async () => {
    expect((await postSurvey(drillId, survey({ answers: { wentWell: 'first', toChange: '', confidenceBefore: 1, confidenceAfter: 1 } }))).status).toBe(201);
    expect((await postSurvey(drillId, survey())).status).toBe(201);
    const stored = await server.services.store.listSurveys(drillId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual(survey().answers);
  });
});

describe('the after-action report', () => {
  it('is one UTF-8 HTML page in either language, every user string escaped, the survey summarised', async () => {
    for (const [lang, headings] of [
      ['zh-CN', ['演练评估报告与改进计划', '一、演练概况', '二、目标与评级', '三、优势', '四、待改进事项', '五、经验教训问卷', '六、改进计划', '七、时间线']],
      ['en', ['After-Action Report and Improvement Plan', '1. Exercise overview', '2. Objectives and ratings', '3. Strengths', '4. Areas for improvement', '5. Lessons-learned survey', '6. Improvement plan', '7. Timeline']],
    ] as const) {
      const res = await api(`${drillId}/report?token=${token}&lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('<meta charset="utf-8">');
      for (const h of headings) expect(html).toContain(h);
      // The level the drill ran at is part of the overview: a score means little without it.
      expect(html).toContain(lang === 'en' ? 'Level: Standard' : '难度: 标准');
      expect(html).not.toContain(HOSTILE);
      expect(html).not.toContain('<b>统一口径</b>');
      expect(html).toContain('&lt;img src=x onerror=1&gt;');
      expect(html).toContain('核实后再发声 &amp; &lt;b&gt;统一口径&lt;/b&gt;');
      expect(html).not.toMatch(/<script|src="http|href="http/);
    }
  });

  it('exports every decision as CSV (BOM, RFC 4180) that agrees with the JSON and the database', async () => {
    const csvRes = await api(`${drillId}/report.csv?token=${token}&lang=zh-CN`);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<string, string>[];
    const json = await (await api(`${drillId}/report.json?token=${token}`)).json();
    const debrief = DebriefSchema.parse(json.debrief);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => Number(r.seq))).toEqual(debrief.decisions.map((d) => d.seq));
    rows.forEach((row, i) => {
      const d = debrief.decisions[i]!;
      expect(row.choice).toBe(d.choice['zh-CN']);
      for (const dim of DIMENSIONS) expect(Number(row[dim])).toBe(d.net[dim] ?? 0);
    });
    // Every score change lands in exactly one row or belongs to no decision (a timed event).
    const inRows = rows.reduce((s, r) => s + DIMENSIONS.reduce((x, dim) => x + Number(r[dim]), 0), 0);
    const traced = debrief.changes.filter((c) => c.decision !== null).reduce((s, c) => s + c.delta, 0);
    expect(inRows).toBe(traced);

    const stored = (await server.services.store.getDrill(drillId))!;
    const { reportToken, ...record } = stored;
    expect(json.record).toEqual(record);
    expect(JSON.stringify(json)).not.toContain(reportToken);
    expect(json.verified).toBe(true);
    expect(json.surveys).toEqual(await server.services.store.listSurveys(drillId));
    expect(json.surveySummary).toMatchObject({ count: 1, before: 2, after: 4, change: 2 });
  });

  describe.skipIf(!HAS_CHROMIUM)('printed from headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    for (const lang of ['zh-CN', 'en'] as const) {
      it(`prints to an A4 PDF in ${lang} with every section and nothing cut off`, async () => {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
        await page.goto(`${server.url}/api/drills/${drillId}/report?token=${token}&lang=${lang}`);
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, `report-${lang}.png`) });
        // Laid out at the printable width of A4 (210 mm less 24 mm of margins), nothing sticks out sideways.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1000 });
        const overflow = await page.evaluate(() => Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => el.outerHTML.slice(0, 80)));
        expect(overflow).toEqual([]);

        // How many A4 pages the content would fill with no page breaks at all: the body's height at the printable
        // width over the printable height (297 mm less 30 mm of margins). The drill is a different one every run, so
        // the report's length is judged against its own content, not a fixed count.
        const contentHeight = await page.evaluate(() => document.body.scrollHeight);
        const fullPages = contentHeight / ((267 / 25.4) * 96);
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        await page.close();
        const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
        expect(doc.numPages).toBeGreaterThan(2);
        // Rows kept whole at page ends leave some paper blank, but never a third of it (one row to a page would).
        expect(doc.numPages, `${doc.numPages} pages for ${fullPages.toFixed(1)} pages of content`).toBeLessThanOrEqual(Math.ceil(fullPages * 1.33) + 1);
        let text = '';
        for (let i = 1; i <= doc.numPages; i++) {
          const content = await (await doc.getPage(i)).getTextContent();
          text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
        }
        // PDF fonts may map 一 to the Kangxi radical ⼀ and break lines anywhere: compare normalised, without spaces.
        const flat = text.normalize('NFKC').replace(/\s+/g, '');
        const debrief = DebriefSchema.parse((await (await api(`${drillId}/debrief?token=${token}`)).json()).debrief);
        const must = lang === 'zh-CN' ? ['一、演练概况', '二、目标与评级', '六、改进计划', '七、时间线', '附：每一次得分变化及其原因'] : ['1.Exerciseoverview', '2.Objectivesandratings', '6.Improvementplan', '7.Timeline', 'Annex:everyscorechangeanditscause'];
        for (const heading of must) expect(flat).toContain(heading.normalize('NFKC'));
        // The first and the last decision are both there: the table was not cut at a page end.
        for (const d of [debrief.decisions[0]!, debrief.decisions.at(-1)!]) expect(containsNearly(flat, d.choice[lang].normalize('NFKC').replace(/\s+/g, '').slice(0, 24)), d.choice[lang]).toBe(true);
        expect(flat).toContain('<imgsrc=xonerror=1>');
      }, 60_000);
    }
  });
});
