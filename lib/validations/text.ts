import { z } from 'zod';
import { cleanText } from '@/lib/domain/text-rule';

/**
 * The one rule every piece of text a person or a file gives Keystone goes through: form fields, action inputs,
 * spreadsheet cells, query parameters and the sign-in username.
 *
 * - Line breaks are normalised (CRLF and CR → LF): a browser posts a textarea's lines as CRLF.
 * - Control characters are refused with a field message (`textInvalidCharacters`): C0 except tab and line feed,
 *   DEL and C1. PostgreSQL cannot store NUL at all (it answered with a server error), and the others are invisible,
 *   break XML (an exported .xlsx) and can hide text in logs and terminals.
 * - Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last two code points of every plane) and lone
 *   surrogates are refused too, not stripped. Neither ever comes from a keyboard or a well-formed file, so refusing
 *   costs a real user nothing; stripping would silently store something other than what was sent, and can turn two
 *   different inputs into one ("ad\uFFFEmin" → "admin"), the classic way past a filter.
 * - What is kept is NFC-normalised, so "é" typed two ways is one value (searches, unique names, exports), and
 *   trimmed unless the field says otherwise.
 * - Every text carries a length bound: the schema given to `text()` must say its own maximum.
 *
 * The character rule itself is pure and lives in lib/domain/text-rule.ts, so the spreadsheet parser applies it too.
 */

export { cleanText, hasForbiddenCharacters, TEXT_INVALID_CHARACTERS, type CleanText } from '@/lib/domain/text-rule';

/** The message key of a text longer than any field takes, refused before it is scanned. */
export const TEXT_TOO_LONG = 'textTooLong';

/** Longest raw text cleaned at all (no field takes more): beyond it, refused without scanning megabytes. */
const RAW_TEXT_CEILING = 100_000;

/**
 * Characters XML 1.0 cannot hold, removed from text written into a generated file (.xlsx): only data stored before
 * this rule existed (or written around it) can still carry them, and a download must open whatever the data is.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, '');
}

export interface TextOptions {
  /** the message when the value is not a string at all (absent, a number, an object) */
  typeError?: string;
  /** keep leading and trailing white space (default: trimmed) */
  trim?: boolean;
  /** a raw length beyond which the text is refused (`textTooLong`) before it is cleaned (default 100,000) */
  ceiling?: number;
}

/**
 * A text field under the shared rule. `then` receives the cleaned text and says what else the field needs: its
 * length bound (required), whether it may be empty, a pattern.
 *
 *   name: text(z.string().min(1, { error: 'projectNameRequired' }).max(200, { error: 'projectTextTooLong' }))
 */
export function text<T extends z.ZodType<unknown, string>>(then: T, options: TextOptions = {}) {
  const ceiling = options.ceiling ?? RAW_TEXT_CEILING;
  return z
    .string(options.typeError === undefined ? undefined : { error: options.typeError })
    .transform((raw, ctx) => {
      if (raw.length > ceiling) {
        ctx.addIssue({ code: 'custom', message: TEXT_TOO_LONG });
        return z.NEVER;
      }
      const cleaned = cleanText(raw, { trim: options.trim });
      if (!cleaned.ok) {
        ctx.addIssue({ code: 'custom', message: cleaned.problem });
        return z.NEVER;
      }
      return cleaned.value;
    })
    .pipe(then);
}

/** A query parameter's text: cleaned, or null when the shared rule refuses it (the caller says how to answer). */
export function queryText(raw: string, max: number): { ok: true; value: string } | { ok: false } {
  const cleaned = cleanText(sliceWhole(raw, max * 4));
  return cleaned.ok ? { ok: true, value: sliceWhole(cleaned.value, max) } : { ok: false };
}

/** The first `max` UTF-16 units, never ending in half a surrogate pair. */
export function sliceWhole(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
