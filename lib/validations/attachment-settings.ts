import { z } from 'zod';

/** The bureau's evidence setting: keep the GPS location of uploaded photos (docs/attachments.md). */
export const ZAttachmentKeepLocation = z.object({
  keepLocation: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
