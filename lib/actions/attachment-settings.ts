'use server';

/** The bureau's evidence setting for attachments (docs/attachments.md), on the settings page. */
import { defineAction } from '@/lib/actions/safe-action';
import { setAttachmentKeepLocation as setKeepLocation } from '@/lib/server/attachments/settings';
import { ZAttachmentKeepLocation } from '@/lib/validations/attachment-settings';

export const setAttachmentKeepLocation = defineAction({
  name: 'attachment.setKeepLocation',
  permission: 'report.review',
  input: ZAttachmentKeepLocation,
  revalidate: ['/problems/settings'],
  run: setKeepLocation,
});
