'use server';

/**
 * Creating and editing projects with their plan for a year (the bureau and administrators). The work is done by
 * lib/server/projects/project-writes.ts inside the wrapper's transaction; the plan overview is revalidated because
 * any change may make the year stop (or start) matching the published plan.
 */
import { defineAction, type ActionContext } from '@/lib/actions/safe-action';
import * as writes from '@/lib/server/projects/project-writes';
import {
  ZCreateProject,
  ZUpdateProject,
  type CreateProjectValues,
  type UpdateProjectValues,
} from '@/lib/validations/project';

// '/' is the dashboard, whose rollups include every plan
const REVALIDATE = ['/projects', '/plan', '/'];

export const createProject = defineAction({
  name: 'project.create',
  permission: 'project.write',
  input: ZCreateProject,
  revalidate: REVALIDATE,
  run: (ctx: ActionContext<CreateProjectValues>) => writes.createProject(ctx),
});

export const updateProject = defineAction({
  name: 'project.update',
  permission: 'project.write',
  input: ZUpdateProject,
  revalidate: REVALIDATE,
  run: (ctx: ActionContext<UpdateProjectValues>) => writes.updateProject(ctx),
});
