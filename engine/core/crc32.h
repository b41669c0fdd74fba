// CRC-32 (IEEE 802.3, the zlib polynomial), used by the model file to detect corruption.
#pragma once
#include <cstddef>
#include <cstdint>

namespace tw {
uint32_t Crc32(const void* data, size_t size, uint32_t crc = 0);
}
