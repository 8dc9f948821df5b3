import type { UseFormReturn } from 'react-hook-form';
import type { BuildType, Direction, InvestorType, PlanYearStatus, Stage } from '@/generated/prisma/enums';
import type { CreateProjectInput, CreateProjectValues } from '@/lib/validations/project';

export interface ProjectFormOption {
  id: number;
  name: string;
}

export interface ProjectFormYear {
  id: number;
  year: number;
  status: PlanYearStatus;
}

/** Every field as the form's inputs hold it: text, "" for empty. */
export interface ProjectFormDefaults {
  code: string;
  name: string;
  departmentId: number | '';
  ownerUnit: string;
  area: string;
  buildType: BuildType | '';
  scope: string;
  totalInvestment: string;
  plannedStart: string;
  plannedCompletion: string;
  actualStart: string;
  actualCompletion: string;
  leaderInCharge: string;
  contactName: string;
  contactPhone: string;
  planYearId: number | '';
  stage: Stage | '';
  investorType: InvestorType | '';
  direction: Direction | '';
  cumulativeBeforeYear: string;
  annualPlan: string;
  monthly: string[];
  milestoneTarget: string;
}

/** The form and its translated field errors, as the form's parts receive them. */
export interface ProjectFormParts {
  form: UseFormReturn<CreateProjectInput, unknown, CreateProjectValues>;
  errorOf: (name: ProjectFieldPath) => string | undefined;
}
export type ProjectFieldPath = Parameters<UseFormReturn<CreateProjectInput>['register']>[0];

/** The parsed values back into the form's text, so a saved form is clean and shows amounts as stored. */
export function toProjectFormDefaults(values: CreateProjectValues): ProjectFormDefaults {
  return {
    ...values,
    plannedStart: values.plannedStart ?? '',
    plannedCompletion: values.plannedCompletion ?? '',
    actualStart: values.actualStart ?? '',
    actualCompletion: values.actualCompletion ?? '',
    leaderInCharge: values.leaderInCharge ?? '',
    contactName: values.contactName ?? '',
    contactPhone: values.contactPhone ?? '',
    annualPlan: values.annualPlan ?? '',
    monthly: values.monthly.map((m) => m ?? ''),
    milestoneTarget: values.milestoneTarget ?? '',
  };
}
