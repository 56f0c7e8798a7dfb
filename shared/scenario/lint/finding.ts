/** One thing the authoring checker has to say about a scenario. Errors fail CI; warnings do not. */
export interface Finding {
  severity: 'error' | 'warning';
  /** Where, as a path of keys and indexes into the scenario file. */
  path: (string | number)[];
  message: string;
}
