/**
 * Windows Update Agent and ConfigMgr client HRESULTs that deployments report (spec §9.3: Asset
 * Details show the error code in hex with its meaning). Pure: View Status, the CLI and the fleet
 * simulator (which draws its install and download failures from these lists) share one table.
 */
export interface UpdateErrorCode {
  /** Unsigned, as Windows writes it: 0x80240022. */
  readonly hex: string;
  /** The symbolic name from winerror.h / wuerror.h; '' for ConfigMgr codes that have none. */
  readonly name: string;
  readonly meaning: string;
  /** Where a simulated client may fail with it. */
  readonly phase: 'install' | 'download' | 'scan' | 'other';
}

export const updateErrorCodes: readonly UpdateErrorCode[] = [
  {
    hex: '0x80240022',
    name: 'WU_E_ALL_UPDATES_FAILED',
    meaning: 'Operation failed for all the updates.',
    phase: 'install',
  },
  {
    hex: '0x80070643',
    name: 'ERROR_INSTALL_FAILURE',
    meaning: 'Fatal error during installation.',
    phase: 'install',
  },
  {
    hex: '0x80070005',
    name: 'E_ACCESSDENIED',
    meaning: 'Access is denied.',
    phase: 'install',
  },
  {
    hex: '0x8024200D',
    name: 'WU_E_UH_NEEDANOTHERDOWNLOAD',
    meaning:
      'The update handler did not install the update because it needs to be downloaded again.',
    phase: 'install',
  },
  {
    hex: '0x800F0922',
    name: 'CBS_E_INSTALLERS_FAILED',
    meaning: 'Processing of the advanced installers and generic commands failed.',
    phase: 'install',
  },
  {
    hex: '0x80073712',
    name: 'ERROR_SXS_COMPONENT_STORE_CORRUPT',
    meaning: 'The component store has been corrupted.',
    phase: 'install',
  },
  {
    hex: '0x8007000E',
    name: 'E_OUTOFMEMORY',
    meaning: 'Not enough memory resources are available to complete this operation.',
    phase: 'install',
  },
  {
    hex: '0x80240017',
    name: 'WU_E_NOT_APPLICABLE',
    meaning: 'Operation was not performed because there are no applicable updates.',
    phase: 'install',
  },
  {
    hex: '0x87D00692',
    // A ConfigMgr client code without a published symbolic name.
    name: '',
    meaning: 'Group policy conflict.',
    phase: 'install',
  },
  {
    hex: '0x80246007',
    name: 'WU_E_DM_NOTDOWNLOADED',
    meaning: 'The update has not been downloaded.',
    phase: 'download',
  },
  {
    hex: '0x80244022',
    name: 'WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL',
    meaning: 'Same as HTTP status 503: the service is temporarily overloaded.',
    phase: 'download',
  },
  {
    hex: '0x8024402C',
    name: 'WU_E_PT_WINHTTP_NAME_NOT_RESOLVED',
    meaning: 'The proxy server or target server name cannot be resolved.',
    phase: 'download',
  },
  {
    hex: '0x80072EE2',
    name: 'ERROR_INTERNET_TIMEOUT',
    meaning: 'The operation timed out.',
    phase: 'download',
  },
  {
    hex: '0x80244019',
    name: 'WU_E_PT_HTTP_STATUS_NOT_FOUND',
    meaning: 'Same as HTTP status 404: the server cannot find the requested content.',
    phase: 'download',
  },
  {
    hex: '0x80070BC2',
    name: 'ERROR_SUCCESS_REBOOT_REQUIRED',
    meaning:
      'The requested operation is successful; changes take effect after the system restarts.',
    phase: 'other',
  },
  {
    hex: '0x8024001E',
    name: 'WU_E_SERVICE_STOP',
    meaning: 'Operation did not complete because the service or system was being shut down.',
    phase: 'other',
  },
  {
    hex: '0x80240438',
    name: 'WU_E_PT_ENDPOINT_UNREACHABLE',
    meaning: 'There is no route or network connectivity to the endpoint.',
    phase: 'scan',
  },
];

/** The signed 32-bit value a state message carries (0x80240022 is -2145124318). */
export function signedErrorCode(hex: string): number {
  return Number.parseInt(hex, 16) | 0;
}

/** "0x80240022" for any signed or unsigned form; "" for 0 (no error). */
export function errorCodeHex(code: number): string {
  if (code === 0) return '';
  return `0x${(code >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

const byValue = new Map(updateErrorCodes.map((entry) => [signedErrorCode(entry.hex), entry]));

/** What an error code means, in a sentence; "" for 0, "Unknown error 0x…" beyond the table. */
export function errorCodeMeaning(code: number): string {
  if (code === 0) return '';
  const entry = byValue.get(code | 0);
  if (!entry) return `Unknown error ${errorCodeHex(code)}.`;
  return entry.name ? `${entry.name}: ${entry.meaning}` : entry.meaning;
}

const phaseCodes = (phase: UpdateErrorCode['phase']) =>
  updateErrorCodes.filter((entry) => entry.phase === phase).map((e) => signedErrorCode(e.hex));

/** Signed codes a failed install (301/6) reports. */
export const installFailureCodes: readonly number[] = phaseCodes('install');
/** Signed codes a failed download (301/9) reports. */
export const downloadFailureCodes: readonly number[] = phaseCodes('download');
