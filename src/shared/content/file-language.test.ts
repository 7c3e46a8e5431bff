import { describe, expect, it } from 'vitest';
import { isFileWanted } from './file-language';

const offered = new Set(['en', 'pt', 'pt-br', 'zh-cn', 'zh-tw', 'fr']);

describe('isFileWanted', () => {
  it('always takes language-neutral files', () => {
    expect(isFileWanted('', ['fr'], offered)).toBe(true);
  });
  it('takes every culture of a bare language', () => {
    expect(isFileWanted('en-us', ['en'], offered)).toBe(true);
    expect(isFileWanted('en-gb', ['en'], offered)).toBe(true);
    expect(isFileWanted('fr-fr', ['en'], offered)).toBe(false);
  });
  it('keeps cultures the Languages tab offers on their own apart', () => {
    expect(isFileWanted('pt-br', ['pt'], offered)).toBe(false);
    expect(isFileWanted('pt-pt', ['pt'], offered)).toBe(true);
    expect(isFileWanted('pt-br', ['pt-br'], offered)).toBe(true);
    expect(isFileWanted('zh-tw', ['zh-cn'], offered)).toBe(false);
  });
});
