/** The URL of one served variant of an attachment (app/api/attachments/[id]/[variant]); for server and client alike. */
export const attachmentUrl = (id: number, variant: 'thumbnail' | 'display' | 'original') =>
  `/api/attachments/${id}/${variant}`;
