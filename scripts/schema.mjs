// S1: the published JSON Schema is generated from `ConsentrySettings` in src/config/types.ts, never written by hand.
//
//   node scripts/schema.mjs           writes schema/consentry.schema.json
//   node scripts/schema.mjs --check   exits 1 when the committed file differs from what would be generated
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath, URL } from 'node:url';
import { relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createGenerator } from 'ts-json-schema-generator';

const root = new URL('../', import.meta.url);
const sourcePath = fileURLToPath(new URL('src/config/types.ts', root));
const schemaPath = fileURLToPath(new URL('schema/consentry.schema.json', root));
const shownPath = relative(process.cwd(), schemaPath) || schemaPath;

/** The schema's identity. A URN, so the file names no host; editors find it through `$schema` in the settings file. */
const header = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:consentry:settings',
  title: 'Consentry settings',
  description:
    'Settings for Consentry, the consent banner. Generated from src/config/types.ts by `npm run schema`; do not edit.',
};

/** Builds the schema text exactly as it is committed. */
export async function generateSchemaText() {
  const generator = createGenerator({
    path: sourcePath,
    tsconfig: fileURLToPath(new URL('tsconfig.json', root)),
    type: 'ConsentrySettings',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    // Interfaces are closed: an unknown key is a warning at run time and an editor squiggle here (S2).
    additionalProperties: false,
    // `tsc --noEmit` type-checks the source; the generator only reads it.
    skipTypeCheck: true,
  });
  const generated = generator.createSchema('ConsentrySettings');

  // Deterministic order: header keys first, then definitions sorted by name. Property order inside a
  // definition stays the declaration order, which is also the order editors show.
  const definitions = Object.fromEntries(
    Object.entries(generated.definitions ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const schema = { ...header, $ref: generated.$ref, definitions };

  const prettierOptions = (await resolveConfig(schemaPath)) ?? {};
  return format(JSON.stringify(schema), { ...prettierOptions, parser: 'json', filepath: schemaPath });
}

async function readCommitted() {
  try {
    return await readFile(schemaPath, 'utf8');
  } catch {
    return undefined;
  }
}

async function run(argv) {
  const expected = await generateSchemaText();
  if (argv.includes('--check')) {
    const committed = await readCommitted();
    if (committed === expected) {
      console.log(`${shownPath} matches src/config/types.ts`);
      return 0;
    }
    console.error(
      committed === undefined
        ? `${shownPath} is missing. Run \`npm run schema\` and commit the result.`
        : `${shownPath} is out of date with src/config/types.ts. Run \`npm run schema\` and commit the result.`,
    );
    return 1;
  }
  await mkdir(fileURLToPath(new URL('schema/', root)), { recursive: true });
  await writeFile(schemaPath, expected);
  console.log(`wrote ${shownPath}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await run(process.argv.slice(2));
}
