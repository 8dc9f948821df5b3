/**
 * Server actions over HTTP, as the browser calls them: a POST to a page that uses the action, with the action's id
 * in the `Next-Action` header and its arguments as JSON. The ids come from the build's server-reference manifest
 * (file and exported name → id); the answer is the React Server Components payload, whose row for the action's
 * return value is read back. Used by the deadline load test (scripts/bench/deadline-load.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/postgres';

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** The id of `exportedName` from `file` (e.g. 'lib/actions/reports.ts') in the production build in distDir. */
export function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, distDir, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === file && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${file}#${exportedName} in ${distDir}: rebuild?`);
  return found[0];
}

export interface ActionCall<T> {
  status: number;
  ms: number;
  /** the action's return value; undefined when the answer carried none (an error page, a 5xx) */
  result: T | undefined;
}

/**
 * Calls the action `id` with `args` through `pagePath` (a page whose client components import it), as the
 * signed-in user of `cookie`. The payload's first row points at the row holding the return value ("$@1").
 */
export async function callAction<T>(
  base: string,
  pagePath: string,
  cookie: string,
  id: string,
  args: unknown[],
): Promise<ActionCall<T>> {
  const t0 = performance.now();
  const res = await fetch(`${base}${pagePath}`, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': id,
      origin: base,
      cookie,
    },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  let result: T | undefined;
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: string } | null;
    const ref = head?.a?.startsWith('$@') ? head.a.slice(2) : undefined;
    if (ref !== undefined && rows.has(ref)) result = JSON.parse(rows.get(ref)!) as T;
  } catch {
    result = undefined;
  }
  return { status: res.status, ms, result };
}
