export * from './tracking-plan.ts';
export * from './plan-check.ts';
export * from './plan-document.ts';
