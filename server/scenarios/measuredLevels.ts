import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MEASURED_LEVELS_FILE, MeasuredLevelsSchema, type MeasuredLevels } from '../../shared/sim/measuredLevels.js';

/** The measured medians kept beside the scenarios; none if the file is missing. A broken file is an error, not an empty one. */
export async function readMeasuredLevels(dir: string): Promise<MeasuredLevels> {
  let text: string;
  try {
    text = await readFile(join(dir, MEASURED_LEVELS_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${MEASURED_LEVELS_FILE}: not JSON (${(err as Error).message})`);
  }
  const parsed = MeasuredLevelsSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${MEASURED_LEVELS_FILE}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export async function writeMeasuredLevels(dir: string, measured: MeasuredLevels): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(measured).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(join(dir, MEASURED_LEVELS_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
}
