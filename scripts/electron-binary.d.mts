/** The Electron executable's path, or null when the runtime is not installed. */
export function findElectronBinary(): string | null;
