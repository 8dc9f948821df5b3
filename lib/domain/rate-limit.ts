/**
 * How many requests one caller may make in a window, as the operator writes it in an environment variable:
 * "300/60" is 300 in any 60 seconds; "off" turns the limit off (behind a gateway that limits already). Pure.
 */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** the upper bounds a setting may name: a typo such as "3000000/1" is refused rather than obeyed */
const MAX_POINTS = 1_000_000;
const MAX_SECONDS = 24 * 60 * 60;

/**
 * The limit a setting names: `fallback` when unset or blank, null for "off". Throws (naming the variable) on
 * anything else, so a mistyped setting stops the server at its first request instead of silently limiting nothing.
 */
export function parseRateLimit(name: string, text: string | undefined, fallback: RateLimit): RateLimit | null {
  const value = text?.trim() ?? '';
  if (value === '') return fallback;
  if (value.toLowerCase() === 'off') return null;
  const match = /^(\d{1,7})\s*\/\s*(\d{1,5})$/.exec(value);
  const points = match ? Number(match[1]) : NaN;
  const durationSeconds = match ? Number(match[2]) : NaN;
  if (!(points >= 1 && points <= MAX_POINTS && durationSeconds >= 1 && durationSeconds <= MAX_SECONDS)) {
    throw new Error(
      `${name}="${value}" is not a rate limit: write "<requests>/<seconds>" (e.g. "300/60", at most ` +
        `${MAX_POINTS} requests and ${MAX_SECONDS} seconds) or "off".`,
    );
  }
  return { points, durationSeconds };
}
