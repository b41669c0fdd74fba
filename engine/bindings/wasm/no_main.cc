// The WASM module has no main(): JavaScript calls the C API (engine/bindings/c_api.h).
