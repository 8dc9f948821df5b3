/**
 * Generated hostile inputs for the property-based tests of every server action and API route, and the database
 * fingerprint that proves a refusal wrote nothing.
 *
 * KEYSTONE_PBT_RUNS sets the number of generated inputs per action and per route (default below); the default keeps
 * both property files to a minute or two on a 2-core machine.
 */
import fc from 'fast-check';
import type { Db } from '@/lib/prisma';

export const PBT_RUNS = Math.max(1, Number(process.env.KEYSTONE_PBT_RUNS) || 1000);

/** Characters that broke inputs before, or could: controls, non-characters, lone surrogates, bidi, combining marks. */
const NASTY = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009B',
  '\uFFFE',
  '\uFFFF',
  '\uFDD0',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u{10FFFF}',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '\r',
  '\n',
  '\t',
  'e\u0301',
  '\u3000',
  '％',
  '１',
];
const PLAIN = [
  'a',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '.',
  ',',
  ' ',
  '中',
  '渝',
  '😀',
  '"',
  "'",
  '<',
  '>',
  '&',
  '%',
  '\\',
  '/',
  '$',
  '{',
  '}',
];

/** One UTF-16 unit or a character worth trying, any of which may be a lone surrogate. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

export const weirdString = fc.oneof(
  { weight: 6, arbitrary: fc.array(unit, { maxLength: 40 }).map((u) => u.join('')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1e309',
      'NaN',
      'Infinity',
      '１２３',
      '0x10',
      ' 12.50 ',
      '1,000.00',
      '99999999999999999999',
      '-0',
      '2025-02-30',
      '2025-13-01',
      'true',
      'null',
      '__proto__',
      'constructor',
      "'; DROP TABLE x;--",
    ),
  },
  // huge texts: past every field's bound and past the text rule's ceiling
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(10_000, 150_000, 1_100_000)
      .chain((n) => fc.constantFrom('x', '\u0000', '中').map((c) => c.repeat(n))),
  },
);

export const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    11,
    12,
    13,
    2025,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON,
    Infinity,
    -Infinity,
    Number.NaN,
    1e21,
    0.1,
    12.345,
    1e-7,
  ),
  fc.integer(),
  fc.double(),
);

/** Values a client can send to a server action (React serialises these): leaves of the generated trees. */
const leaf = fc.oneof(
  { weight: 5, arbitrary: weirdString },
  { weight: 3, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: fc.constantFrom(new Date(Number.NaN), new Date(0), new Map(), new Set([1])) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        weirdString,
        fc.constantFrom('a.csv', 'a.xlsx', 'a.xls', 'a.txt', 'a\u0000.csv', '\uD800.csv', 'x'.repeat(300) + '.csv'),
      )
      .map(([body, name]) => new File([body], name)),
  },
);

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];

/** An object with these own properties, `__proto__` included as a plain own key (never a prototype). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const key = (known: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...PROTOTYPE_KEYS),
    weirdString.filter((s) => s.length < 50),
    ...(known.length ? [fc.constantFrom(...known)] : []),
  );

/** Any value: leaves, arrays and objects nested a few levels, keys from the known ones, prototype names and noise. */
export function anyValue(known: readonly string[] = []) {
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: leaf },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 5 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(key(known), tie('value')), { maxLength: 6 }).map(objectOf) },
    ),
  })).value;
}

/** Every key of a seed input, nested ones as paths. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object' && !(value instanceof File)) {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  }
  return [prefix];
}

export function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  // an earlier change may have replaced a parent with a leaf: nothing left to change below it
  if (root === null || typeof root !== 'object' || root instanceof File) return root;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? setAt(v, rest, value) : v));
  const entries = Object.entries(root as Record<string, unknown>).map(([k, v]): [string, unknown] => [
    k,
    k === head ? setAt(v, rest, value) : v,
  ]);
  return objectOf(entries);
}

export function stringPaths(value: unknown): (string | number)[][] {
  return paths(value).filter((p) => {
    let v: unknown = value;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return typeof v === 'string';
  });
}

/** The seed as a form post: every value a string (what a no-JavaScript form sends). */
function asFormData(seed: unknown, extra: [string, unknown][]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(seed as Record<string, unknown>)) {
    if (v instanceof File) form.append(k, v);
    else if (Array.isArray(v)) v.forEach((x) => form.append(k, String(x)));
    else if (v !== undefined && v !== null) form.append(k, String(v));
  }
  for (const [k, v] of extra) form.append(k, v instanceof File ? v : String(v));
  return form;
}

/**
 * Inputs around a valid seed, so most get past the first check and reach the deeper code: one to three values
 * replaced by anything, a string given a nasty character, unknown and prototype keys added, the whole input
 * replaced (an array where an object is expected, a string, null), or the seed posted as a form.
 */
export function inputsAround(seed: unknown) {
  const all = paths(seed).filter((p) => p.length > 0);
  const strings = stringPaths(seed);
  const known = seed && typeof seed === 'object' ? Object.keys(seed) : [];
  const replaceSome = fc
    .array(fc.tuple(fc.constantFrom(...(all.length ? all : [[]])), anyValue(known)), { minLength: 1, maxLength: 3 })
    .map((changes) => changes.reduce((acc, [p, v]) => setAt(acc, p, v), seed));
  const nastyString = fc
    .tuple(fc.constantFrom(...(strings.length ? strings : [[]])), fc.constantFrom(...NASTY), fc.nat())
    .map(([p, c, at]) => {
      let v: unknown = seed;
      for (const k of p) v = (v as Record<string | number, unknown>)[k];
      const s = typeof v === 'string' ? v : '';
      const i = s.length ? at % (s.length + 1) : 0;
      return setAt(seed, p, s.slice(0, i) + c + s.slice(i));
    });
  const extraKeys = fc
    .array(fc.tuple(key(known), anyValue(known)), { minLength: 1, maxLength: 4 })
    .map((extra) => objectOf([...Object.entries(seed as Record<string, unknown>), ...extra]));
  const formPost = fc.array(fc.tuple(key(known), leaf), { maxLength: 3 }).map((extra) => asFormData(seed, extra));
  return fc.oneof(
    { weight: 5, arbitrary: replaceSome },
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: extraKeys },
    { weight: 1, arbitrary: formPost },
    { weight: 1, arbitrary: anyValue(known) },
    { weight: 1, arbitrary: fc.constant(seed) },
  );
}

/** A query string: known names with hostile values, unknown and prototype names, repeats. */
export function queryAround(known: readonly string[], samples: Record<string, readonly string[]> = {}) {
  const name = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: weirdString.filter((s) => s.length < 30) },
  );
  const value = (n: string) =>
    fc.oneof(
      { weight: 2, arbitrary: weirdString.filter((s) => s.length < 5000) },
      { weight: 3, arbitrary: fc.constantFrom(...(Object.hasOwn(samples, n) ? samples[n]! : ['1'])) },
    );
  // raw encodings a client may send that URLSearchParams would never write: bad UTF-8, an encoded surrogate, a lone %
  const raw = fc.constantFrom(
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '%00=1',
    'q=%00',
    'q=%EF%BF%BE',
    'q=%ED%A0%80',
    'q=%FF',
    'area=%C0%80',
    'q=%',
    '__proto__=1',
    'constructor=1',
    '__proto__[x]=1',
    '=',
    '&&',
    'q',
  );
  return fc
    .tuple(
      fc.array(
        name.chain((n) => value(n).map((v) => [n, v] as const)),
        { maxLength: 4 },
      ),
      raw,
    )
    .map(([pairs, extra]) => {
      const sp = new URLSearchParams();
      for (const [n, v] of pairs) sp.append(n, v);
      return [sp.toString(), extra].filter(Boolean).join('&');
    });
}

/** A path segment as a client may send it, percent-encoded (Next decodes it before the handler sees it). */
export function pathSegment(...likely: string[]) {
  return fc.oneof(
    { weight: 1, arbitrary: weirdString.filter((s) => s.length < 200) },
    { weight: 2, arbitrary: fc.constantFrom('0', '13', '2024', ...likely) },
  );
}

/**
 * Every table's row count and newest row version (the largest xmin: every inserted or updated row carries the id of
 * the transaction that wrote it, and a delete lowers the count): equal before and after a refused call, or the
 * refusal committed a write. Cheaper than hashing every row and stricter (a committed UPDATE to the same values is
 * caught too). Cheaper still when nothing was written at all: a write needs a transaction id, so an unchanged
 * "next xid" proves the tables unchanged without reading them (see `Fingerprint.settle`).
 */
export class Fingerprint {
  private tables: string[] = [];
  private xid = '';
  private full = '';
  constructor(private readonly db: Db) {}

  private async nextXid(): Promise<string> {
    const rows = await this.db.$queryRaw<{ x: string }[]>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`;
    return rows[0]!.x;
  }

  private async compute(): Promise<string> {
    if (!this.tables.length) {
      // rate_limits is left out: a refused password check must count against the throttle, that is its point;
      // and AuditChainTip, which the audit trigger moves with every AuditLog row (AuditLog itself shows that write)
      const rows = await this.db.$queryRaw<{ t: string }[]>`
        SELECT tablename AS t FROM pg_tables
         WHERE schemaname = 'public' AND tablename NOT IN ('rate_limits', 'AuditChainTip') ORDER BY 1`;
      this.tables = rows.map((r) => r.t);
    }
    const parts = this.tables.map(
      (t) => `(SELECT '${t}:' || count(*) || ':' || COALESCE(max(xmin::text::bigint), 0) FROM "${t}")`,
    );
    const rows = await this.db.$queryRawUnsafe<{ f: string }[]>(`SELECT concat_ws('|', ${parts.join(', ')}) AS f`);
    return rows[0]!.f;
  }

  /** Take the fingerprint now. */
  async start(): Promise<void> {
    this.xid = await this.nextXid();
    this.full = await this.compute();
  }

  /** The fingerprint as of now, and whether it differs from the last one. */
  async settle(): Promise<{ changed: boolean; before: string; after: string }> {
    const xid = await this.nextXid();
    const before = this.full;
    if (xid !== this.xid) {
      this.xid = xid;
      this.full = await this.compute();
    }
    return { changed: this.full !== before, before, after: this.full };
  }

  /** The tables whose count or newest row version differ between two fingerprints. */
  static changedTables(before: string, after: string): string[] {
    const a = new Set(before.split('|'));
    return after
      .split('|')
      .filter((part) => !a.has(part))
      .map((part) => part.split(':')[0]!);
  }
}

/** A one-line tally of outcomes, printed with the count of generated cases. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(outcome: string) {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  toString() {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  }
}
