/** What must never reach a coordinator: strings, whole values, figures and ids of other regions. */
export interface LeakRules {
  /** Found anywhere inside a string (names, refs, report ids, region and subdivision codes). */
  markers: string[];
  /** Found as a whole string value, or as a word of an error (two-letter country codes). */
  codes: Set<string>;
  /** Any integer from this up includes another region's figures. */
  big: number;
  /** Internal ids by type name (`__typename`), e.g. other regions' LetterReport ids. */
  ids: Record<string, Set<string>>;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: unknown[]; extensions?: Record<string, unknown> } | null;
  text: string;
}

/**
 * Every leak in one answer, described with its place. An error may repeat what the request said
 * (a search, a reportId the coordinator typed): a marker that is in the request is no leak there.
 */
export function findLeaks(answer: HttpAnswer, request: string, rules: LeakRules): string[] {
  const leaks: string[] = [];
  answer.headers.forEach((value, name) => {
    for (const m of rules.markers) if (value.includes(m)) leaks.push(`header ${name} contains "${m}"`);
  });
  if (!answer.body) {
    for (const m of rules.markers) if (answer.text.includes(m) && !request.includes(m)) leaks.push(`body contains "${m}"`);
    return leaks;
  }
  walk(answer.body.data, 'data', null, rules, leaks);
  const { freshness: _, ...extensions } = answer.body.extensions ?? {};
  const said = JSON.stringify([answer.body.errors ?? [], extensions]);
  for (const m of rules.markers) if (said.includes(m) && !request.includes(m)) leaks.push(`an error or extension contains "${m}"`);
  for (const word of said.match(/\b[A-Z]{2}\b/g) ?? []) {
    if (rules.codes.has(word) && !request.includes(word)) leaks.push(`an error or extension names ${word}`);
  }
  for (const figure of said.match(/\d{6,}/g) ?? []) {
    if (Number(figure) >= rules.big && !request.includes(figure)) leaks.push(`an error or extension says ${figure}`);
  }
  return leaks;
}

function walk(value: unknown, path: string, typename: string | null, rules: LeakRules, leaks: string[]): void {
  if (typeof value === 'string') {
    for (const m of rules.markers) if (value.includes(m)) leaks.push(`${path} = "${value}" contains "${m}"`);
    if (rules.codes.has(value)) leaks.push(`${path} = "${value}"`);
    if (/\.id\d*$/.test(path) && typename && rules.ids[typename]?.has(value)) leaks.push(`${path}: ${typename} ${value} of another region`);
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= rules.big && !/\.dataVersion\d*$/.test(path)) leaks.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, typename, rules, leaks));
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const type = typeof object.__typename === 'string' ? object.__typename : null;
    for (const [key, v] of Object.entries(object)) walk(v, `${path}.${key}`, type, rules, leaks);
  }
}
