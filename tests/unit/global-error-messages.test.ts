import { describe, expect, it } from 'vitest';
import { GLOBAL_ERROR_MESSAGES } from '@/i18n/global-error-messages';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

describe('the global error page’s texts', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('are the message file’s errors.* in %s', (locale, messages) => {
    const texts = GLOBAL_ERROR_MESSAGES[locale];
    for (const key of Object.keys(texts) as (keyof typeof texts)[]) {
      expect(texts[key], key).toBe(messages.errors[key]);
    }
  });
});
