/**
 * Remembered console layout (pane sizes, column layouts, jobs panel dock), per user profile.
 * Stored in localStorage; a broken or foreign value is ignored rather than trusted.
 */
export class Preferences {
  constructor(
    private readonly storage: Storage | null,
    private readonly prefix = 'patchbay.',
  ) {}

  read<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
    try {
      const text = this.storage?.getItem(this.prefix + key);
      if (text == null) return undefined;
      const value: unknown = JSON.parse(text);
      return isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  write(key: string, value: unknown): void {
    try {
      this.storage?.setItem(this.prefix + key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the layout is simply not remembered.
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(this.prefix + key);
    } catch {
      // As above.
    }
  }
}

export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
