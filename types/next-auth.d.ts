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

declare module 'next-auth' {
  // next-auth fixes `User.id` as a string; the numeric id travels as `userId`.
  interface User extends KeystoneIdentity {
    userId: number;
  }

  interface Session {
    user: KeystoneIdentity & { id: number };
  }
}

declare module 'next-auth/jwt' {
  interface JWT extends Partial<KeystoneIdentity> {
    userId?: number;
  }
}
