'use client';

import { useServiceDown } from '@/components/feedback/use-service-down';
import zhCN from '@/messages/zh-CN.json';
import en from '@/messages/en.json';

/**
 * Replaces the root layout when the layout itself fails, so no translation provider is available: both languages
 * are shown, read straight from the message files. "Service temporarily unavailable" when the server says it
 * cannot serve (components/feedback/use-service-down.ts), and then the page reloads itself once it can.
 */
const fontStack = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
const reload = () => window.location.reload();

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const down = useServiceDown(reload);
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: fontStack }}>
        <main role="alert" style={{ maxWidth: 560, margin: '15vh auto', padding: 24, textAlign: 'center' }}>
          {[zhCN, en].map((messages) => (
            <section key={messages.errors.title} style={{ marginBottom: 24 }}>
              <h1 style={{ fontSize: 20, margin: 0 }}>
                {down ? messages.errors.unavailableTitle : messages.errors.title}
              </h1>
              <p style={{ color: '#475569' }}>
                {down ? messages.errors.unavailableDescription : messages.errors.description}
              </p>
            </section>
          ))}
          {error.digest && <p style={{ fontFamily: 'monospace', color: '#94a3b8' }}>{error.digest}</p>}
          <button type="button" onClick={reset} style={{ padding: '8px 16px' }}>
            {zhCN.errors.retry} / {en.errors.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
