import 'server-only';

/**
 * Where reminders go out, from the environment (docs/reminders.md):
 *   KEYSTONE_SMTP_URL   smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://user:pass@host:465;
 *                       unset: e-mail is off and no e-mail is queued
 *   KEYSTONE_SMTP_FROM  the sender, e.g. "重点项目调度 <noreply@example.gov.cn>" (default noreply@<SMTP host>)
 *   NEXTAUTH_URL        the app's address, for the links in e-mails and robot messages (the start scripts set it)
 * The URL carries the SMTP password: it is read here and handed to nodemailer, never logged.
 */
export interface SmtpConfig {
  url: string;
  from: string;
  /** the domain of Message-IDs */
  domain: string;
}

export function smtpConfig(env: Record<string, string | undefined> = process.env): SmtpConfig | null {
  const url = env.KEYSTONE_SMTP_URL?.trim();
  if (!url) return null;
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') return null;
    host = parsed.hostname;
  } catch {
    return null;
  }
  const from = env.KEYSTONE_SMTP_FROM?.trim() || `noreply@${host}`;
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? host;
  return { url, from, domain };
}

/** The app's own address without a trailing slash, or '' when unknown (links then stay app paths). */
export function appBaseUrl(env: Record<string, string | undefined> = process.env): string {
  try {
    return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : '';
  } catch {
    return '';
  }
}
