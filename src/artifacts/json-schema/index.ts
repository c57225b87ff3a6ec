/** JSON Schema export of every file kind, for editors' YAML support. */
export * from './artifact-json-schema.js';
export * from './write-json-schemas.js';
