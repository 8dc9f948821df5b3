'use server';

/**
 * Issuing and revoking the bearer tokens of the read-only JSON API (/api/v1), for administrators. Each action wraps
 * a function of lib/server/api/tokens.ts, which does the work and writes its one audit row (never the token).
 */
import { defineAction } from '@/lib/actions/safe-action';
import * as tokens from '@/lib/server/api/tokens';
import { ZIssueApiToken, ZRevokeApiToken } from '@/lib/validations/api';

const TOKENS_PAGE = ['/admin/api-tokens'];

/** Answers with the token in clear: the only time it is ever shown. */
export const issueApiToken = defineAction({
  name: 'apiToken.issue',
  permission: 'apiToken.manage',
  input: ZIssueApiToken,
  revalidate: TOKENS_PAGE,
  run: tokens.issueApiToken,
});

export const revokeApiToken = defineAction({
  name: 'apiToken.revoke',
  permission: 'apiToken.manage',
  input: ZRevokeApiToken,
  revalidate: TOKENS_PAGE,
  run: tokens.revokeApiToken,
});
