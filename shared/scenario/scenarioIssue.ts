/** One thing wrong with a scenario file, said so that an author can find and fix it. */
export interface ScenarioIssue {
  file: string;
  /** Where in the file, for example `interactions[3](calm-elderly).responses[1].text.en`. */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.file}: ${issue.path || '(top level)'}: ${issue.message}`;
}

/** Writes a path with the id of each list entry beside its index, read from the raw document. */
export function formatPath(path: readonly PropertyKey[], raw: unknown): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const id = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined;
      out += `[${key}]${typeof id === 'string' ? `(${id})` : ''}`;
    } else {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out;
}
