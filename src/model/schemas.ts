/**
 * All zod 4 schemas and their helpers, in one import: field builders, Instellingen and
 * Partners (configSchemas), catalog overrides and stored records (recordSchemas), Dutch issue
 * lines (issues) and reading sheet tabs (sheetTable, settingsSheet).
 */
export * from './configSchemas';
export * from './fields';
export * from './issues';
export * from './recordSchemas';
export * from './settingsSheet';
export * from './sheetTable';
