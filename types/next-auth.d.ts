import type { Role } from '@/generated/prisma/enums';

// What the session token carries. The database stays the authority (lib/auth/session.ts re-reads the user on
// every request); these fields only spare client components a round trip for the name in the top bar.
interface KeystoneIdentity {
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
}

// Set once at sign-in and compared on every request (lib/auth/session-policy.ts).
interface SessionStampClaims {
  /** User.sessionVersion at sign-in: any later bump ends the session */
  sessionVersion?: number;
  /** seconds since the epoch: the session ends 12 hours later whatever happens */
  signedInAt?: number;
}

declare module 'next-auth' {
  // next-auth fixes `User.id` as a string; the numeric id travels as `userId`.
  interface User extends KeystoneIdentity {
    userId: number;
    sessionVersion: number;
  }

  interface Session {
    user: KeystoneIdentity & SessionStampClaims & { id: number };
  }
}

declare module 'next-auth/jwt' {
  interface JWT extends Partial<KeystoneIdentity>, SessionStampClaims {
    userId?: number;
  }
}
