export {
  detectSecrets,
  looksLikeSecret,
  maskSecrets,
  PASSWORD_MASK,
  type SecretFinding,
  type SecretKind,
  type SecretScan,
} from './detect.js';
export { isPaymentCardNumber } from './cards.js';
