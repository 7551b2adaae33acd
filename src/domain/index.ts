export * from './cells.js';
export * from './errors.js';
export * from './fields.js';
export * from './finding.js';
export * from './record.js';
export { Column, ColumnarRecords, ColumnarRecord, toPlainRecord } from './columnar-records.js';
export * from './roles.js';
