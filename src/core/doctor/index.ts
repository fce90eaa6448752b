/** The signature doctor: reads a gateway's refusal, compares its canonical request with the one signed, says why. */
export { parseCanonicalRequest, type ParsedCanonicalRequest } from './canonicalParts';
export {
  compareCanonicalRequests,
  describeDifference,
  formatCanonicalRequest,
  maskSecretHeaders,
  maskCanonicalRequest,
  isSecretHeader,
  MASKED_VALUE,
  type CanonicalDifference,
} from './compareCanonical';
export { readGatewayAnswer, classifyRefusal, type GatewayAnswer, type AuthRefusal } from './gatewayAnswer';
export { diagnoseRefusal, expiredFix, type Diagnosis, type SignedFacts } from './diagnose';
