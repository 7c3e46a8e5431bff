import { signedErrorCode } from '../../../shared/deployments/error-codes';

/**
 * Error codes simulated clients fail with, as real agents report them. Installs draw from the
 * site's error-code table (so View Status explains each); downloads fail with the code of what
 * went wrong.
 */
export { installFailureCodes } from '../../../shared/deployments/error-codes';

export const downloadFailureCodes = {
  /** 0x87D00607: no distribution point in the policy holds the content. */
  noContentLocation: signedErrorCode('0x87D00607'),
  /** 0x80244019: WU_E_PT_HTTP_STATUS_NOT_FOUND, the distribution point does not hold the file. */
  notFound: signedErrorCode('0x80244019'),
  /** 0x80091007: CRYPT_E_HASH_VALUE, the file's hash is not the one in the policy. */
  hashMismatch: signedErrorCode('0x80091007'),
  /** 0x80072EE2: ERROR_INTERNET_TIMEOUT, the distribution point did not answer. */
  cannotConnect: signedErrorCode('0x80072EE2'),
} as const;
