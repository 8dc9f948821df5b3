import type { Role } from '@/generated/prisma/enums';

/** Who is acting. Every data-access function takes one, so authorization is decided on the record. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  /** set by an admin (new user, reset): nothing but changing the password is allowed until it is done */
  mustChangePassword?: boolean;
}
