// Runtime capability checks, done before downloading anything.
import { ErrorCodes, TranslatorError } from './errors.js';

// A tiny module whose one function uses SIMD128 (i8x16.splat, i8x16.popcnt): it only
// validates where WebAssembly SIMD is implemented.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

export function hasWasmSimd() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

export const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

export function assertSupported() {
  if (!hasWasmSimd()) {
    throw new TranslatorError(ErrorCodes.UNSUPPORTED,
      'This browser does not support WebAssembly SIMD, which the translator needs. Update the browser (Chrome 91+, Firefox 89+, Safari 16.4+).');
  }
  if (!isNode && typeof Worker === 'undefined') {
    throw new TranslatorError(ErrorCodes.UNSUPPORTED, 'This browser does not support Web Workers.');
  }
}
