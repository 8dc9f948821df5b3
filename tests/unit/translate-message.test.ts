/**
 * An error's message is a key and values until the edge that knows the reader's language translates it, once
 * (i18n/translate-message.ts, called by the action wrapper). Values may be messages themselves: a batch refusal
 * names the project and says, in the same language, why that report could not go.
 */
import { describe, expect, it } from 'vitest';
import { hasMessage, translateMessage, type Message } from '@/i18n/translate-message';
import { AppError, ConflictError, NotFoundError } from '@/lib/server/errors';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

const inBatch: Message = {
  key: 'reports.errors.inBatch',
  params: {
    project: '山城巷二期',
    message: { key: 'reports.errors.notReviewable', params: { status: { key: 'reports.status.DRAFT' } } },
  },
};

describe('translateMessage', () => {
  it('translates nested messages in the same language, innermost first', () => {
    expect(translateMessage('zh-CN', inBatch)).toBe(
      zhCN.reports.errors.inBatch
        .replace('{project}', '山城巷二期')
        .replace('{message}', zhCN.reports.errors.notReviewable.replace('{status}', zhCN.reports.status.DRAFT)),
    );
    expect(translateMessage('en', inBatch)).toBe(
      en.reports.errors.inBatch
        .replace('{project}', '山城巷二期')
        .replace('{message}', en.reports.errors.notReviewable.replace('{status}', en.reports.status.DRAFT)),
    );
  });

  it('knows which keys name a message, and a namespace or a missing key is none', () => {
    expect(hasMessage('en', 'validation.planYearClosed')).toBe(true);
    expect(hasMessage('en', 'validation')).toBe(false);
    expect(hasMessage('zh-CN', 'validation.noSuchKey')).toBe(false);
    expect(hasMessage('zh-CN', 'Invalid input: expected string')).toBe(false);
  });
});

describe('application errors', () => {
  it('carry their message untranslated, with a Chinese text for logs and for callers outside an action', () => {
    const error = new ConflictError('validation.planYearClosed', { year: '2025' });
    expect(error.userMessage).toEqual({ key: 'validation.planYearClosed', params: { year: '2025' } });
    expect(error.message).toBe(zhCN.validation.planYearClosed.replace('{year}', '2025'));
    expect(translateMessage('en', error.userMessage)).toBe(en.validation.planYearClosed.replace('{year}', '2025'));
  });

  it('default to the message of their code', () => {
    expect(new AppError('RATE_LIMITED', { params: { seconds: 30 } }).userMessage).toEqual({
      key: 'actionErrors.RATE_LIMITED',
      params: { seconds: 30 },
    });
    expect(new NotFoundError('project')).toMatchObject({
      code: 'NOT_FOUND',
      key: 'actionErrors.NOT_FOUND',
      message: 'project not found',
    });
  });
});
