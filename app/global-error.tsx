'use client';

import { useServiceDown } from '@/components/feedback/use-service-down';
import { GLOBAL_ERROR_MESSAGES } from '@/i18n/global-error-messages';

/**
 * Replaces the root layout when the layout itself fails, so no translation provider is available: both languages
 * are shown, from the few texts kept for this page (i18n/global-error-messages.ts: the whole message files would weigh
 * on every page's JavaScript). "Service temporarily unavailable" when the server says it
 * cannot serve (components/feedback/use-service-down.ts), and then the page reloads itself once it can.
 */
const fontStack = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
const reload = () => window.location.reload();
const { 'zh-CN': zhCN, en } = GLOBAL_ERROR_MESSAGES;

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const down = useServiceDown(reload);
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: fontStack }}>
        <main role="alert" style={{ maxWidth: 560, margin: '15vh auto', padding: 24, textAlign: 'center' }}>
          {[zhCN, en].map((texts) => (
            <section key={texts.title} style={{ marginBottom: 24 }}>
              <h1 style={{ fontSize: 20, margin: 0 }}>{down ? texts.unavailableTitle : texts.title}</h1>
              <p style={{ color: '#475569' }}>{down ? texts.unavailableDescription : texts.description}</p>
            </section>
          ))}
          {error.digest && <p style={{ fontFamily: 'monospace', color: '#94a3b8' }}>{error.digest}</p>}
          <button type="button" onClick={reset} style={{ padding: '8px 16px' }}>
            {zhCN.retry} / {en.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
