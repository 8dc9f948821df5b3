/**
 * The character rule every piece of text a person or a file gives Keystone goes through (form fields, action
 * inputs, spreadsheet cells, query parameters, the sign-in username). Pure, so the spreadsheet parser in lib/domain
 * and the zod schemas of lib/validations (lib/validations/text.ts, which says why each character is refused) apply
 * the same rule.
 */

/** The message key (under `validation` in messages/*.json) of a text with a character it may not carry. */
export const TEXT_INVALID_CHARACTERS = 'textInvalidCharacters';

/** C0/DEL/C1 controls except tab and line feed, lone surrogates, non-characters. */
const FORBIDDEN = /[^\P{Cc}\t\n]|\p{Cs}|\p{Noncharacter_Code_Point}/u;

export type CleanText = { ok: true; value: string } | { ok: false; problem: typeof TEXT_INVALID_CHARACTERS };

/** The shared rule on one string: line breaks as LF, NFC-normalised and trimmed (unless told not to), or why it is refused. */
export function cleanText(raw: string, options: { trim?: boolean } = {}): CleanText {
  const lines = raw.replace(/\r\n?/g, '\n');
  if (FORBIDDEN.test(lines)) return { ok: false, problem: TEXT_INVALID_CHARACTERS };
  const value = lines.normalize('NFC');
  return { ok: true, value: options.trim === false ? value : value.trim() };
}

/** Does the text hold a character the shared rule refuses? */
export function hasForbiddenCharacters(raw: string): boolean {
  return FORBIDDEN.test(raw.replace(/\r\n?/g, '\n'));
}
