/**
 * A deep copy of plain JSON-like data in which every string is the engine's shared (interned)
 * copy. Strings read from a YAML or JSON file are slices of the file's text; each time one of
 * them is used as a key (`state.flags[flag]`, a Map of ids) or compared with another id, the
 * JavaScript engine first has to find the shared copy of it. Scenario ids are used that way a
 * few thousand times per drill, so the scenario is interned once when it is loaded.
 */
export function internStrings<T>(value: T): T {
  if (typeof value === 'string') return internString(value) as T;
  if (Array.isArray(value)) return value.map(internStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [internString(key), internStrings(inner)])) as T;
  }
  return value;
}

// A property name is always interned, and Object.keys hands back that very string.
const internString = (s: string): string => Object.keys({ [s]: 0 })[0]!;
