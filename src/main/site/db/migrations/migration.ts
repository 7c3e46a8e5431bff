import type { Statement } from '../ddl';

/** One schema step. `id` orders the steps ("0003-…"); the statements print per dialect. */
export interface Migration {
  id: string;
  statements: Statement[];
}
