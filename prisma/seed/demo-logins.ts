import type { Role } from '@/generated/prisma/enums';

/** The one password of every demo user (README, "Demo logins"). Demo data only: change it before real use. */
export const DEMO_PASSWORD = 'Keystone@2025';

export interface DemoLogin {
  username: string;
  displayName: string;
  role: Role;
  /** department name, as in DEPARTMENTS */
  department: string | null;
}

/** The logins the README lists and `npm start` prints. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', department: '区发展改革委' },
  { username: 'bureau', displayName: '王审核（区发展改革委）', role: 'BUREAU', department: '区发展改革委' },
  { username: 'leader', displayName: '李区长', role: 'LEADER', department: null },
  { username: 'zjw', displayName: '张填报（区住房城乡建委）', role: 'DEPARTMENT', department: '区住房城乡建委' },
  { username: 'jtj', displayName: '刘填报（区交通局）', role: 'DEPARTMENT', department: '区交通局' },
  { username: 'jw', displayName: '陈填报（区教委）', role: 'DEPARTMENT', department: '区教委' },
  { username: 'wlw', displayName: '杨填报（区文化旅游委）', role: 'DEPARTMENT', department: '区文化旅游委' },
  { username: 'jfb', displayName: '赵填报（解放碑街道）', role: 'DEPARTMENT', department: '解放碑街道' },
];
