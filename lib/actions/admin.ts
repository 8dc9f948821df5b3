'use server';

/**
 * The administration actions (users, departments, plan years). Each one is the wrapper around a function of
 * lib/server/admin: the wrapper authenticates, checks the permission, parses, opens the transaction and binds the
 * audit writer; the function does the work and writes its one audit row.
 */
import { defineAction } from '@/lib/actions/safe-action';
import * as departments from '@/lib/server/admin/departments';
import * as planYears from '@/lib/server/admin/plan-years';
import * as users from '@/lib/server/admin/users';
import {
  ZCreateDepartment,
  ZClosePlanYear,
  ZCreatePlanYear,
  ZCreateUser,
  ZDeleteDepartment,
  ZPlanYearId,
  ZResetPassword,
  ZSetDepartmentActive,
  ZSetUserActive,
  ZUpdateDepartment,
  ZUpdatePlanYear,
  ZUpdateUser,
} from '@/lib/validations/admin';

const USERS_PAGE = ['/admin/users'];
// the users table shows department names
const DEPARTMENT_PAGES = ['/admin/departments', '/admin/users'];
// the plan overview shows a year's title and status
const PLAN_YEAR_PAGES = ['/admin/plan-years', '/plan'];

export const createUser = defineAction({
  name: 'user.create',
  permission: 'user.manage',
  input: ZCreateUser,
  revalidate: USERS_PAGE,
  run: users.createUser,
});

export const updateUser = defineAction({
  name: 'user.update',
  permission: 'user.manage',
  input: ZUpdateUser,
  revalidate: USERS_PAGE,
  run: users.updateUser,
});

export const resetUserPassword = defineAction({
  name: 'user.resetPassword',
  permission: 'user.manage',
  input: ZResetPassword,
  revalidate: USERS_PAGE,
  run: users.resetPassword,
});

export const setUserActive = defineAction({
  name: 'user.setActive',
  permission: 'user.manage',
  input: ZSetUserActive,
  revalidate: USERS_PAGE,
  run: users.setUserActive,
});

export const createDepartment = defineAction({
  name: 'department.create',
  permission: 'department.manage',
  input: ZCreateDepartment,
  revalidate: DEPARTMENT_PAGES,
  run: departments.createDepartment,
});

export const updateDepartment = defineAction({
  name: 'department.update',
  permission: 'department.manage',
  input: ZUpdateDepartment,
  revalidate: DEPARTMENT_PAGES,
  run: departments.updateDepartment,
});

export const setDepartmentActive = defineAction({
  name: 'department.setActive',
  permission: 'department.manage',
  input: ZSetDepartmentActive,
  revalidate: DEPARTMENT_PAGES,
  run: departments.setDepartmentActive,
});

export const deleteDepartment = defineAction({
  name: 'department.delete',
  permission: 'department.manage',
  input: ZDeleteDepartment,
  revalidate: DEPARTMENT_PAGES,
  run: departments.deleteDepartment,
});

export const createPlanYear = defineAction({
  name: 'planYear.create',
  permission: 'planYear.manage',
  input: ZCreatePlanYear,
  revalidate: PLAN_YEAR_PAGES,
  run: planYears.createPlanYear,
});

export const updatePlanYear = defineAction({
  name: 'planYear.update',
  permission: 'planYear.manage',
  input: ZUpdatePlanYear,
  revalidate: PLAN_YEAR_PAGES,
  run: planYears.updatePlanYear,
});

export const activatePlanYear = defineAction({
  name: 'planYear.activate',
  permission: 'planYear.manage',
  input: ZPlanYearId,
  revalidate: PLAN_YEAR_PAGES,
  run: planYears.activatePlanYear,
});

export const closePlanYear = defineAction({
  name: 'planYear.close',
  permission: 'planYear.close',
  input: ZClosePlanYear,
  revalidate: [...PLAN_YEAR_PAGES, '/plan/close', '/dashboard'],
  run: planYears.closePlanYear,
});
