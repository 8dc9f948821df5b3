export * from './columns';
export * from './parse';
export * from './read-grid';
export { ACCEPTED_EXTENSIONS, ZProjectImportUpload, type ProjectImportUpload } from './upload';
export * from './limits';
