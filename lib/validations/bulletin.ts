import { z } from 'zod';
import { RECORD_ID_MAX } from './record-id';
import { text } from './text';

/**
 * Inputs of the monthly bulletin (月度通报), shared by the edit form (zodResolver) and the actions in
 * lib/actions/bulletins.ts. Messages are keys under `bulletins.validation` in messages/*.json.
 */
export const BULLETIN_TITLE_MAX = 120;
/** A bulletin is a page or two of prose; the tables are not part of the text. */
export const BULLETIN_BODY_MAX = 20_000;

/** Coerced so a no-JavaScript form post (all strings) parses like a client call. */
const recordId = z.coerce
  .number({ error: 'bulletinRecordInvalid' })
  .int({ error: 'bulletinRecordInvalid' })
  .positive({ error: 'bulletinRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'bulletinRecordInvalid' });

const version = z.coerce
  .number({ error: 'bulletinRecordInvalid' })
  .int({ error: 'bulletinRecordInvalid' })
  .min(1, { error: 'bulletinRecordInvalid' })
  .max(RECORD_ID_MAX, { error: 'bulletinRecordInvalid' });

/** The plan year and month a bulletin reports on. */
export const ZBulletinMonth = z.object({
  year: z.coerce
    .number({ error: 'bulletinYearInvalid' })
    .int({ error: 'bulletinYearInvalid' })
    .min(2000, { error: 'bulletinYearInvalid' })
    .max(2100, { error: 'bulletinYearInvalid' }),
  month: z.coerce
    .number({ error: 'bulletinMonthInvalid' })
    .int({ error: 'bulletinMonthInvalid' })
    .min(1, { error: 'bulletinMonthInvalid' })
    .max(12, { error: 'bulletinMonthInvalid' }),
});
export type BulletinMonthValues = z.output<typeof ZBulletinMonth>;

/** A bulletin as the user read it: every change names the version it was made on. */
export const ZBulletinRef = z.object({ id: recordId, version });
export type BulletinRefValues = z.output<typeof ZBulletinRef>;

export const ZUpdateBulletin = ZBulletinRef.extend({
  title: text(
    z
      .string()
      .min(1, { error: 'bulletinTitleRequired', abort: true })
      .max(BULLETIN_TITLE_MAX, { error: 'bulletinTitleTooLong' }),
    { typeError: 'bulletinTitleRequired' },
  ),
  // Line breaks are the paragraphs of the bulletin: normalised to LF by the text rule, never trimmed inside.
  body: text(
    z
      .string()
      .min(1, { error: 'bulletinBodyRequired', abort: true })
      .max(BULLETIN_BODY_MAX, { error: 'bulletinBodyTooLong' }),
    { typeError: 'bulletinBodyRequired' },
  ),
});
export type UpdateBulletinValues = z.output<typeof ZUpdateBulletin>;
