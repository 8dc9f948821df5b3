/**
 * Generated hostile requests for the property-based tests of every API route (tests/integration/property-routes.test.ts):
 * query strings and path segments, made of the values of ./property-inputs.ts.
 */
import fc from 'fast-check';
import { PROTOTYPE_KEYS, weirdString } from './property-inputs';

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
