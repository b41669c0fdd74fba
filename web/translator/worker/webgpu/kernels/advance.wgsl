// Moves the decoder's step counter on, on the GPU, so several steps can be queued at once.
@group(0) @binding(0) var<storage, read_write> step: array<u32>;

@compute @workgroup_size(1)
fn main() { step[0] += 1u; }
