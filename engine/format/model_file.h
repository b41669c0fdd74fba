// Our model file ("TWMODEL"): one file, self-describing, every tensor looked up by name.
//
// Byte-level specification (all integers little-endian):
//
//   offset  size  field
//   0       8     magic "TWMODEL\0"
//   8       4     u32 version (this engine reads 1)
//   12      4     u32 meta_count
//   16      4     u32 tensor_count
//   20      4     u32 header_bytes: size of everything from offset 0 up to and including the
//                 header CRC below; the data section begins at or after it
//   24      ...   meta_count entries:   u32 key_len, key bytes, u32 value_len, value bytes (UTF-8)
//           ...   tensor_count entries: u32 name_len, name bytes,
//                                       u32 dtype (1 = f32, 2 = i8, 3 = u8),
//                                       u32 ndim (1..4), ndim x u64 dims,
//                                       u64 offset (absolute, multiple of 64),
//                                       u64 nbytes (= product(dims) * dtype size),
//                                       u32 crc32 of the tensor's nbytes of data
//           4     u32 crc32 of all header bytes before it
//   data:   tensors at their 64-byte aligned offsets; the gaps are zero.
//
// Conventions on top of the container:
//   * a linear layer's weight is [out, in] row-major (y = x W^T + b);
//   * an i8 tensor NAME is quantized per output channel (row): its f32 [rows] companion is
//     "NAME.scale" and the real value is q * scale[row];
//   * metadata values are strings; numbers are written in decimal (see model/config.h for keys).
//
// Loading validates everything before trusting it: sizes are checked against the file length
// before any allocation, and each failure raises tw::Error naming the exact problem.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tw {

enum class DType : uint32_t { kF32 = 1, kI8 = 2, kU8 = 3 };
size_t DTypeSize(DType t);
const char* DTypeName(DType t);

constexpr uint32_t kModelFileVersion = 1;
constexpr char kModelMagic[8] = {'T', 'W', 'M', 'O', 'D', 'E', 'L', '\0'};

struct TensorInfo {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  uint64_t offset = 0;
  uint64_t nbytes = 0;
  uint32_t crc = 0;
  int64_t elements() const;
};

class ModelFile {
 public:
  // Parses and validates a whole file held in memory (the buffer is copied).
  static ModelFile FromBytes(std::vector<uint8_t> bytes, const std::string& label = "model");
  static ModelFile FromPath(const std::string& path);

  const std::map<std::string, std::string>& metadata() const { return meta_; }
  const std::string& Meta(const std::string& key) const;  // throws kBadConfig when absent
  std::string MetaOr(const std::string& key, const std::string& fallback) const;

  bool Has(const std::string& name) const { return tensors_.count(name) != 0; }
  const TensorInfo& Info(const std::string& name) const;  // throws kMissingTensor
  const std::vector<std::string>& TensorNames() const { return order_; }
  // Typed view of a tensor's data; throws when the dtype differs or the shape is not `shape`.
  const float* F32(const std::string& name, const std::vector<int64_t>& shape) const;
  const int8_t* I8(const std::string& name, const std::vector<int64_t>& shape) const;
  const uint8_t* Data(const TensorInfo& info) const { return bytes_.data() + info.offset; }
  size_t size() const { return bytes_.size(); }

 private:
  std::vector<uint8_t> bytes_;
  std::string label_;
  std::map<std::string, std::string> meta_;
  std::map<std::string, TensorInfo> tensors_;
  std::vector<std::string> order_;
  const TensorInfo& Checked(const std::string& name, DType dtype, const std::vector<int64_t>& shape) const;
};

// Serializer with the same layout, used by tests (the Python exporter is the other writer).
struct TensorToWrite {
  std::string name;
  DType dtype;
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;
};
std::vector<uint8_t> WriteModelFile(const std::map<std::string, std::string>& meta,
                                    const std::vector<TensorToWrite>& tensors,
                                    uint32_t version = kModelFileVersion);

std::string ShapeString(const std::vector<int64_t>& shape);

}  // namespace tw
