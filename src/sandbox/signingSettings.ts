import { isSigningAlgorithm, SIGNING_ALGORITHMS, V11_HMAC_SHA256, type DerivationTarget, type SigningAlgorithm } from '../core/signingAlgorithm';
import { VARIABLES as V } from '../core/variables';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';

/** How a signing mode signs: the algorithm, and for V11-HMAC-SHA256 the region and service its key is derived for. */
export interface SigningScheme {
  algorithm: SigningAlgorithm;
  derivation?: DerivationTarget;
}

/** hwc_signing_algorithm (case-insensitive; default SDK-HMAC-SHA256), with HUAWEICLOUD_REGION and hwc_signing_service for V11. */
export function readSigningScheme(readVar: VariableReader): SigningScheme {
  const text = (readVar(V.signingAlgorithm.name) ?? V.signingAlgorithm.default).toUpperCase();
  if (!isSigningAlgorithm(text)) {
    throw hwcAuthError(
      `fix ${V.signingAlgorithm.name}`,
      `${V.signingAlgorithm.name} is "${text}"; use ${SIGNING_ALGORITHMS.join(', ')} (or unset it for ${V.signingAlgorithm.default})`,
    );
  }
  if (text !== V11_HMAC_SHA256) return { algorithm: text };
  const regionId = readVar(V.region.name);
  const service = readVar(V.signingService.name);
  if (regionId === undefined || service === undefined) {
    const missing = [regionId === undefined ? V.region.name : '', service === undefined ? V.signingService.name : ''].filter(Boolean);
    throw hwcAuthError(
      `set ${missing.join(' and ')}`,
      `${V11_HMAC_SHA256} derives its key for a region and a service: set ${missing.join(' and ')} ` +
        `(e.g. ${V.region.name}=cn-north-4, ${V.signingService.name}=iam)`,
    );
  }
  return { algorithm: text, derivation: { regionId, service } };
}
