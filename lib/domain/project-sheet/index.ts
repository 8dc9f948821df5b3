export * from './columns';
export * from './parse';
export * from './read-grid';
export { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, ZProjectImportUpload, type ProjectImportUpload } from './upload';
