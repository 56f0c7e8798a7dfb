import type Phaser from 'phaser';
import { SurveyAnswersSchema, type SurveyAnswers } from '../../../shared/protocol/survey.js';

export interface SurveyLabels {
  name: string;
  wentWell: string;
  toChange: string;
  before: string;
  after: string;
  placeholder: string;
}

export interface SurveyForm {
  element: Phaser.GameObjects.DOMElement;
  /** The answers as typed, checked against the shared schema, or the first problem. */
  read(): { ok: true; name: string; answers: SurveyAnswers } | { ok: false; field: string; message: string };
  /** What is typed and chosen, to keep it across a re-render (a language switch). */
  values(): Record<string, string>;
  fill(values: Record<string, string>): void;
}

/**
 * The lessons-learned survey as a real HTML form over the canvas (like the menu's name field):
 * typing, Chinese input methods and paste work as on any page. Confidence is five radio buttons.
 */
export function addSurveyForm(scene: Phaser.Scene, x: number, y: number, width: number, textWidth: number, labels: SurveyLabels, name: string): SurveyForm {
  const form = document.createElement('form');
  form.className = 'cd-survey';
  form.style.width = `${width}px`;
  form.style.font = '17px var(--cjk, sans-serif)';
  form.style.color = '#1d2b45';
  form.addEventListener('submit', (e) => e.preventDefault());
  const label = (text: string) => {
    const l = document.createElement('div');
    l.textContent = text;
    l.style.cssText = 'font-weight:600;margin:10px 0 4px';
    return l;
  };
  const area = (field: string) => {
    const t = document.createElement('textarea');
    t.name = field;
    t.className = 'cd-input';
    t.maxLength = 1000;
    t.rows = 3;
    t.placeholder = labels.placeholder;
    t.style.cssText = `width:${textWidth}px;height:88px;padding:8px 12px;resize:none;font-size:17px`;
    return t;
  };
  const nameInput = document.createElement('input');
  nameInput.name = 'surveyName';
  nameInput.className = 'cd-input';
  nameInput.maxLength = 24;
  nameInput.value = name;
  nameInput.style.cssText = `width:${Math.min(320, textWidth)}px;height:40px;font-size:17px`;
  const scale = (field: string) => {
    const row = document.createElement('div');
    row.style.cssText = 'display:flex;gap:18px;align-items:center';
    for (let v = 1; v <= 5; v++) {
      const option = document.createElement('label');
      option.style.cssText = 'display:flex;gap:4px;align-items:center;cursor:pointer';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = field;
      radio.value = String(v);
      radio.style.cssText = 'width:20px;height:20px';
      option.append(radio, String(v));
      row.append(option);
    }
    return row;
  };
  // Written answers on the left, the two confidence scales on the right.
  const left = document.createElement('div');
  left.append(label(labels.name), nameInput, label(labels.wentWell), area('wentWell'), label(labels.toChange), area('toChange'));
  const right = document.createElement('div');
  right.append(label(labels.before), scale('confidenceBefore'), label(labels.after), scale('confidenceAfter'));
  // Phaser sets the DOM element's own display style, so the grid is an inner box.
  const columns = document.createElement('div');
  columns.style.cssText = `display:grid;grid-template-columns:${textWidth}px 1fr;column-gap:48px`;
  columns.append(left, right);
  form.append(columns);
  const element = scene.add.dom(x, y, form).setOrigin(0, 0);

  return {
    element,
    values() {
      const out: Record<string, string> = { surveyName: nameInput.value };
      new FormData(form).forEach((value, key) => (out[key] = String(value)));
      return out;
    },
    fill(values) {
      if (values.surveyName !== undefined) nameInput.value = values.surveyName;
      for (const field of ['wentWell', 'toChange']) {
        const area = form.elements.namedItem(field) as HTMLTextAreaElement | null;
        if (area && values[field] !== undefined) area.value = values[field]!;
      }
      for (const field of ['confidenceBefore', 'confidenceAfter']) {
        const radio = form.querySelector<HTMLInputElement>(`input[name=${field}][value="${values[field] ?? ''}"]`);
        if (radio) radio.checked = true;
      }
    },
    read() {
      const data = new FormData(form);
      const number = (field: string) => Number(data.get(field) ?? 0);
      const candidate = {
        wentWell: String(data.get('wentWell') ?? ''),
        toChange: String(data.get('toChange') ?? ''),
        confidenceBefore: number('confidenceBefore'),
        confidenceAfter: number('confidenceAfter'),
      };
      const nameValue = nameInput.value.trim();
      if (!nameValue) return { ok: false, field: 'name', message: labels.name };
      const parsed = SurveyAnswersSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? '');
        return { ok: false, field, message: field === 'confidenceBefore' ? labels.before : field === 'confidenceAfter' ? labels.after : issue.message };
      }
      return { ok: true, name: nameValue, answers: parsed.data };
    },
  };
}
