import { sql, type SqlBool } from 'kysely';

/**
 * A list's search box: the column contains the text, case-insensitively, with LIKE's wildcards
 * taken literally. The same on SQLite and PostgreSQL.
 */
export function containsText(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}
