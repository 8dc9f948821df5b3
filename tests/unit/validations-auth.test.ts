import { describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import en from '@/messages/en.json';
import { isSignInMessageKey, SIGN_IN_MESSAGES, ZSignIn } from '@/lib/validations/auth';

function messagesOf(input: unknown): string[] {
  const result = ZSignIn.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('ZSignIn', () => {
  it('accepts a username and password, trimming stray spaces around the username', () => {
    const result = ZSignIn.safeParse({ username: '  fgw_admin ', password: 'Keystone@2025' });
    expect(result.success && result.data).toEqual({ username: 'fgw_admin', password: 'Keystone@2025' });
  });

  it('keeps spaces inside and around a password, since they can be part of it', () => {
    const result = ZSignIn.safeParse({ username: 'a', password: ' pass word ' });
    expect(result.success && result.data.password).toBe(' pass word ');
  });

  it('asks for both fields when they are empty or only spaces', () => {
    expect(messagesOf({ username: '   ', password: '' })).toEqual(['usernameRequired', 'passwordRequired']);
  });

  it('asks for both fields when they are missing or not text', () => {
    expect(messagesOf({})).toEqual(['usernameRequired', 'passwordRequired']);
    expect(messagesOf({ username: 42, password: null })).toEqual(['usernameRequired', 'passwordRequired']);
  });

  it('refuses overlong input, so the server never hashes a megabyte', () => {
    expect(messagesOf({ username: 'u'.repeat(65), password: 'p'.repeat(257) })).toEqual([
      'usernameTooLong',
      'passwordTooLong',
    ]);
  });

  it('reports only message keys that both languages translate', () => {
    for (const key of Object.values(SIGN_IN_MESSAGES)) {
      expect(isSignInMessageKey(key)).toBe(true);
      expect(zhCN.validation[key]).toMatch(/\S/);
      expect(en.validation[key]).toMatch(/\S/);
    }
    expect(zhCN.validation.usernameRequired).toBe('请输入用户名');
    expect(isSignInMessageKey('toString')).toBe(false);
  });
});
