import { writeFileSync } from 'node:fs';
import { printSchemaTypes } from '../../src/main/site/db/schema-types-source';

writeFileSync('src/main/site/db/schema-types.ts', printSchemaTypes());
console.log('Wrote src/main/site/db/schema-types.ts');
