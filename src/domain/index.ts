export * from './cells.js';
export * from './errors.js';
export * from './fields.js';
export * from './finding.js';
export * from './record.js';
export { Column, ColumnarRecords, ColumnarRecord, toPlainRecord, type FieldColumnKind } from './columnar-records.js';
export { DictionaryColumn, TextDictionary } from './text-dictionary.js';
export * from './roles.js';
