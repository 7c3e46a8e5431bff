/**
 * Error codes simulated clients fail with, as real agents report them (hex HRESULTs). The
 * fleet's one import of them: the site's error-code table can replace this list in one line.
 */
export const installFailureCodes = [
  '0x80070643', // ERROR_INSTALL_FAILURE: fatal error during installation
  '0x800F0922', // CBS_E_INSTALLERS_FAILED: processing advanced installers failed
  '0x80073712', // ERROR_SXS_COMPONENT_STORE_CORRUPT: the component store is corrupted
  '0x8024200D', // WU_E_UH_NEEDANOTHERDOWNLOAD: the update needs more content
  '0x800F081F', // CBS_E_SOURCE_MISSING: the source files could not be found
] as const;

export const downloadFailureCodes = {
  /** 0x87D00607: no distribution point in the policy holds the content. */
  noContentLocation: '0x87D00607',
  /** 0x80190194: HTTP 404, the distribution point does not hold the file. */
  notFound: '0x80190194',
  /** 0x80091007: CRYPT_E_HASH_VALUE, the file's hash is not the one in the policy. */
  hashMismatch: '0x80091007',
  /** 0x80072EFD: ERROR_INTERNET_CANNOT_CONNECT. */
  cannotConnect: '0x80072EFD',
} as const;
