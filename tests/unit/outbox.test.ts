import { describe, expect, it } from 'vitest';
import {
  maskWebhookUrl,
  MAX_DELIVERY_ATTEMPTS,
  outboxMessageId,
  retryDelaySeconds,
  RETRY_CAP_SECONDS,
  robotAccepted,
  signedDingtalkUrl,
  robotBody,
  ROBOT_CONTENT_MAX_BYTES,
  truncateUtf8,
} from '@/lib/domain/outbox';

const payload = {
  subject: '提醒',
  text: '区交通局尚有3个项目的月报逾期未报送',
  link: 'https://keystone.example/reports',
};

describe('retryDelaySeconds', () => {
  it('waits 30 s after the first failure and doubles after each further one', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS - 1)).toBe(RETRY_CAP_SECONDS);
  });

  it('gives up at the last attempt', () => {
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS + 5)).toBeNull();
  });

  it('refuses an attempt count below 1', () => {
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1.5)).toThrow(RangeError);
  });
});

describe('signedDingtalkUrl (钉钉 加签)', () => {
  const secret = `SEC${'0123456789abcdef'.repeat(4)}`;
  // the signature computed independently (Python's hmac/hashlib/base64) for this secret and timestamp
  const SIGN = 'kYXlIaWB8MryWVP38m2hWx2Dz8a8lPwZFyvzP/aERNM=';

  it('adds the timestamp and the Base64 HMAC-SHA256 signature, URL-encoded, to the robot URL', () => {
    const url = signedDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=T', secret, 1733450000000);
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1733450000000&sign=kYXlIaWB8MryWVP38m2hWx2Dz8a8lPwZFyvzP%2FaERNM%3D',
    );
    expect(new URL(url).searchParams.get('sign')).toBe(SIGN);
  });

  it('replaces a timestamp and signature already in the saved URL', () => {
    const url = new URL(
      signedDingtalkUrl(
        'https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1&sign=old',
        secret,
        1733450000000,
      ),
    );
    expect(url.searchParams.getAll('timestamp')).toEqual(['1733450000000']);
    expect(url.searchParams.getAll('sign')).toEqual([SIGN]);
    expect(url.searchParams.get('access_token')).toBe('T');
  });
});

describe('robotBody', () => {
  it('writes the text format both robots read, the link on its own line', () => {
    expect(JSON.parse(robotBody('WECOM', payload))).toEqual({
      msgtype: 'text',
      text: { content: `${payload.text}\n${payload.link}` },
    });
  });

  it('leads with 钉钉’s keyword unless the text already has it', () => {
    expect(JSON.parse(robotBody('DINGTALK', payload, '调度')).text.content).toMatch(/^【调度】区交通局/);
    expect(JSON.parse(robotBody('DINGTALK', payload, '月报')).text.content).toMatch(/^区交通局/);
    expect(JSON.parse(robotBody('WECOM', payload, '调度')).text.content).toMatch(/^区交通局/);
  });

  it('keeps the content within 2048 bytes of UTF-8, cut on a character', () => {
    const long = { ...payload, text: '催'.repeat(3000) };
    const content = JSON.parse(robotBody('WECOM', long)).text.content as string;
    expect(new TextEncoder().encode(content).length).toBeLessThanOrEqual(ROBOT_CONTENT_MAX_BYTES);
    expect(content.endsWith('…')).toBe(true);
    expect(content).not.toContain('\uFFFD');
  });
});

describe('truncateUtf8', () => {
  it('leaves a text that fits as it is', () => {
    expect(truncateUtf8('短文本', 100)).toBe('短文本');
  });
  it('never splits a character of four bytes', () => {
    expect(truncateUtf8('😀😀😀', 9)).toBe('😀…');
  });
});

describe('robotAccepted', () => {
  it('takes errcode 0 or a plain 2xx as delivered', () => {
    expect(robotAccepted(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotAccepted(204, '')).toEqual({ ok: true });
  });
  it('takes a non-zero errcode, a redirect or a server error as failed', () => {
    expect(robotAccepted(200, '{"errcode":310000,"errmsg":"keywords not in content"}')).toEqual({
      ok: false,
      error: 'errcode 310000: keywords not in content',
    });
    expect(robotAccepted(302, '').ok).toBe(false);
    expect(robotAccepted(500, '').ok).toBe(false);
  });
});

describe('outboxMessageId and maskWebhookUrl', () => {
  it('gives every attempt of a row the same Message-ID', () => {
    expect(outboxMessageId(42, 'example.gov.cn')).toBe('<keystone-outbox-42@example.gov.cn>');
  });
  it('hides the robot’s key', () => {
    const masked = maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123456789abcdef');
    expect(masked).toBe('https://qyapi.weixin.qq.com/…cdef');
    expect(masked).not.toContain('0123456789');
  });
});
