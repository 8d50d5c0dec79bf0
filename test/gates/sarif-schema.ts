import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json' with { type: 'json' };

const here = dirname(fileURLToPath(import.meta.url));
/** Vendored from an npm package; test/fixtures/sarif/SOURCE.md says which. */
const schema = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

/** Validates against the SARIF 2.1.0 schema (draft-04) and returns the errors, empty when valid. */
export function sarifValidator(): (data: unknown) => string[] {
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true, jsonPointers: true });
  ajv.addMetaSchema(draft04);
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message ?? ''}`));
}
