import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/prisma';
import { departmentScope } from '@/lib/server/authorize';
import { today } from '@/lib/server/clock';
import { getAttention, type Attention, type AttentionOptions } from './get-attention';
import { assertBasisReadable, getRollup, type Rollup, type RollupOptions } from './get-rollup';

/**
 * Dashboard figures cached in the app process until the data under them changes.
 *
 * Every transaction that changes a figure bumps `FiguresVersion.version` once, at commit (deferred triggers,
 * migration 20261128180000_figures_version). For the reports the trigger sits on their maintained summary
 * (migration 20261208040100_figures_version_from_summary), which is written only when a figure the reads use
 * changed: a draft autosave that moves no official or submitted figure keeps every cached figure. A request reads the version (one primary-key
 * lookup) and reuses the figures computed at that version; otherwise it computes them, and concurrent requests
 * for the same figures share that one computation. So a reader never sees figures older than the last commit it
 * could see: the version is read before the figures are computed, so figures stored under a version are at least
 * as new as it, and the next commit changes the version. Each app process keeps its own cache; nothing needs to be
 * told when another process writes. Rollups are the same for every role that may read them (`rollup.read`, and
 * `rollup.readSubmitted` for the submitted basis), checked before the cache; the attention lists depend on whose
 * projects the actor may read, which is part of their key.
 */
interface Entry {
  version: string;
  value: Promise<unknown>;
}

/** one cache per database client, so tests (and tools) on several databases never share figures */
const caches = new WeakMap<object, Map<string, Entry>>();
/**
 * distinct figure sets kept per process (year × month × basis × today, per department for drill-downs and
 * departments' attention lists); the least recently used go first
 */
const MAX_ENTRIES = 256;

/** The current figures version: it changes with every committed transaction that changes the figures. */
export async function figuresVersion(db: Db): Promise<string> {
  const rows = await db.$queryRaw<
    { version: string }[]
  >`SELECT version::text AS version FROM "FiguresVersion" WHERE id = 1`;
  return rows[0]?.version ?? 'none';
}

/** Cached figures are shared by every request: frozen, so code that would change them fails loudly instead. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `compute()`'s value, kept until the figures version moves. For anything read from the tables whose writes move
 * it (reports through their summary, plans, projects, milestones, departments, plan years): the dashboard's
 * figures, and the projects list's filter choices. The key must hold everything the value depends on besides them.
 */
export async function cachedUnderFiguresVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await figuresVersion(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key); // most recently used goes last
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { version, value: compute().then(deepFreeze) };
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // a failed computation is not kept: the next request tries again
  entry.value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.value as Promise<T>;
}

/** getRollup, cached until the figures change. The result is shared: treat it as read-only. */
export async function getRollupCached(db: Db, actor: Actor, options: RollupOptions): Promise<Rollup | null> {
  departmentScope(actor, 'rollup.read');
  assertBasisReadable(actor, options.basis, options.departmentId);
  const key = JSON.stringify([
    'rollup',
    options.year,
    options.month ?? null,
    options.basis ?? 'approved',
    options.departmentId ?? null,
  ]);
  return cachedUnderFiguresVersion(db, key, () => getRollup(db, actor, options));
}

/** getAttention, cached until the figures change or the day does (the deadline rule counts days). Read-only. */
export async function getAttentionCached(db: Db, actor: Actor, options: AttentionOptions): Promise<Attention | null> {
  departmentScope(actor, 'rollup.read');
  assertBasisReadable(actor, options.basis);
  // the lists name only the projects the actor may read: one entry per list scope (a department's own, or all)
  const listScope = departmentScope(actor, 'project.read').departmentId ?? 'all';
  const resolved = { ...options, today: options.today ?? (await today(db)) };
  const key = JSON.stringify([
    'attention',
    listScope,
    resolved.year,
    resolved.month,
    resolved.basis,
    resolved.today,
    resolved.redLimit ?? null,
    resolved.missLimit ?? null,
  ]);
  return cachedUnderFiguresVersion(db, key, () => getAttention(db, actor, resolved));
}
