import { describe, expect, it } from 'vitest';
import { internStrings } from '../../../shared/scenario/internStrings.js';
import { rawFixture, miniScenario } from '../../helpers/fixtures.js';
import { ScenarioSchema } from '../../../shared/scenario/schema.js';

describe('internStrings', () => {
  it('copies data exactly, leaving the original untouched', () => {
    const data = { a: 'x', list: [1, 'two', { deep: ['three', null, true] }], empty: {}, none: undefined as undefined };
    const before = JSON.stringify(data);
    const copy = internStrings(data);
    expect(copy).toEqual(data);
    expect(Object.keys(copy)).toEqual(Object.keys(data));
    expect(copy).not.toBe(data);
    expect(copy.list).not.toBe(data.list);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('keeps a "__proto__" key as plain data instead of changing the prototype', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": 1}');
    const copy = internStrings(data) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the same scenario as the schema does', () => {
    expect(miniScenario()).toEqual(ScenarioSchema.parse(rawFixture()));
  });
});
