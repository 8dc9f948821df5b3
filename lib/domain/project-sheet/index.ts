export * from './columns';
export * from './parse';
export * from './read-grid';
export { ACCEPTED_EXTENSIONS } from './upload';
export * from './limits';
