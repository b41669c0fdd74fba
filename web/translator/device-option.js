// The `device` option of createTranslator, checked on the page before anything is downloaded. What
// each value does is decided in the worker (worker/device-choice.js).
import { ErrorCodes, TranslatorError } from './errors.js';

export const DEVICES = ['auto', 'wasm', 'webgpu'];

export function checkDeviceOption(device) {
  if (!DEVICES.includes(device))
    throw new TranslatorError(ErrorCodes.INVALID_OPTION, `device must be 'auto', 'wasm' or 'webgpu', not '${device}'`);
}
