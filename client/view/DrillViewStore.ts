import type { ScenarioSummary } from '../../shared/protocol/scenarioList.js';
import type { Me, Panel } from '../../shared/protocol/serverMessages.js';
import type { StateChange } from '../../shared/protocol/stateChange.js';
import { Emitter } from '../lib/Emitter.js';
import { toViewModel, type DrillData, type ViewInput, type ViewPart } from './toViewModel.js';
import type { DrillView } from './viewModel.js';

/** A new view and the parts of it that are not the previous view's objects. */
export interface ViewUpdate {
  view: DrillView;
  changed: ReadonlySet<ViewPart>;
}

const MAPS = { seat: 'seats', room: 'rooms', duty: 'expected' } as const;
const INPUT_OF = { seat: 'seats', room: 'rooms', duty: 'expected' } as const;

/**
 * Keeps the drill's view-model and applies changes to it as they come: state changes field by
 * field, panels, who this client is, which post the trainer looks at, the scenario list. Changes
 * are collected and `flush` (once per patch) rebuilds only the parts of the view that read them,
 * then tells who listens which parts changed.
 */
export class DrillViewStore extends Emitter<{ view: ViewUpdate }> {
  view: DrillView | null = null;
  private readonly data: DrillData = {
    code: '', mode: '', scenario: '', team: '', phase: '', clock: 0, speed: 0, ending: '',
    scores: { trust: 0, reputation: 0, compliance: 0, continuity: 0, timeliness: 0, coordination: 0, total: 0 },
    seats: {}, rooms: {}, expected: {}, unseated: [], panels: {},
  };
  private readonly dirty = new Set<ViewInput>();
  private viewPost: string | null = null;
  private scenarios: readonly ScenarioSummary[] = [];
  private scenarioInfo: ScenarioSummary | null = null;

  constructor(private me: Me) {
    super();
  }

  get scenario(): ScenarioSummary | null {
    return this.scenarioInfo;
  }

  get who(): Me {
    return this.me;
  }

  apply(change: StateChange): void {
    const data = this.data;
    if (change.kind === 'field') {
      (data as unknown as Record<string, unknown>)[change.field] = change.value;
      this.dirty.add(change.field === 'clock' ? 'clock' : 'fields');
      if (change.field === 'scenario') this.pickScenario();
    } else if (change.kind === 'scores') {
      data.scores = change.scores;
      this.dirty.add('scores');
    } else if (change.kind === 'unseated') {
      data.unseated = change.names;
      this.dirty.add('unseated');
    } else {
      // Each entry is replaced whole, never edited: the old object may still be read by the last view.
      const map = { ...(data[MAPS[change.kind]] as Record<string, unknown>) };
      if (change.value) map[change.key] = change.value;
      else delete map[change.key];
      (data as unknown as Record<string, unknown>)[MAPS[change.kind]] = map;
      this.dirty.add(INPUT_OF[change.kind]);
    }
  }

  /** A post's panel arrived whole (`panel` message). */
  setPanel(panel: Panel): void {
    this.data.panels = { ...this.data.panels, [panel.post]: panel };
    this.dirty.add('panels');
  }

  /** Who this client is changed (welcome, seated, freed, a seat taken over). A player keeps only its own post's panel. */
  setMe(me: Me): void {
    if (me.role === this.me.role && me.post === this.me.post && me.name === this.me.name) return;
    this.me = me;
    this.dirty.add('me');
    if (me.role !== 'player') return;
    const kept = Object.fromEntries(Object.entries(this.data.panels ?? {}).filter(([post]) => post === me.post));
    if (Object.keys(kept).length !== Object.keys(this.data.panels ?? {}).length) {
      this.data.panels = kept;
      this.dirty.add('panels');
    }
  }

  /** The trainer looks at a post's room, or (null) at the console. */
  watch(post: string | null): void {
    this.viewPost = post;
    this.dirty.add('viewPost');
  }

  setScenarios(list: readonly ScenarioSummary[]): void {
    this.scenarios = list;
    this.pickScenario();
  }

  /** Rebuilds what changed since the last flush and emits it. Nothing until the first whole state has arrived. */
  flush(): void {
    const data = this.data;
    if (!data.code || Object.keys(data.seats).length === 0 || Object.keys(data.rooms).length === 0) return;
    if (this.dirty.size === 0 && this.view) return;
    const previous = this.view ?? undefined;
    const view = toViewModel(data, this.me, { scenario: this.scenarioInfo, viewPost: this.viewPost }, previous, new Set(this.dirty));
    this.dirty.clear();
    const changed = new Set<ViewPart>();
    if (previous) {
      if (view.clock !== previous.clock || view.phase !== previous.phase || view.scenario !== previous.scenario || view.speed !== previous.speed || view.ending !== previous.ending) changed.add('header');
      if (view.scores !== previous.scores || view.total !== previous.total) changed.add('scores');
      if (view.panel !== previous.panel || view.panels !== previous.panels) changed.add('panels');
      for (const part of ['me', 'seats', 'rooms', 'duties', 'unseated'] as const) if (view[part] !== previous[part]) changed.add(part);
    } else {
      for (const part of ['header', 'scores', 'me', 'seats', 'rooms', 'duties', 'panels', 'unseated'] as const) changed.add(part);
    }
    this.view = view;
    this.emit('view', { view, changed });
  }

  private pickScenario(): void {
    const found = this.scenarios.find((s) => s.id === this.data.scenario) ?? null;
    if (found === this.scenarioInfo) return;
    this.scenarioInfo = found;
    this.dirty.add('scenario');
  }
}
