export * from './types';
export { parseDispatchSheet } from './parse';
export { deriveMonth, type DerivedMonth, type PriorMonths } from './derive';
export { classifyColumn, detectDispatchHeader, normalizeLabel, type DispatchLayout } from './header';
