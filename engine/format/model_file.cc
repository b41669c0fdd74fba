#include "format/model_file.h"

#include <cmath>
#include <cstring>
#include <fstream>

#include "core/crc32.h"
#include "core/error.h"

namespace tw {

size_t DTypeSize(DType t) { return t == DType::kF32 ? 4 : 1; }
const char* DTypeName(DType t) {
  switch (t) {
    case DType::kF32: return "f32";
    case DType::kI8: return "i8";
    case DType::kU8: return "u8";
  }
  return "?";
}

int64_t TensorInfo::elements() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

std::string ShapeString(const std::vector<int64_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

namespace {

// Fuzzing builds skip the checksums so that mutated files reach the parser and loader behind them.
#ifdef TW_FUZZING_NO_CHECKSUMS
constexpr bool kVerifyChecksums = false;
#else
constexpr bool kVerifyChecksums = true;
#endif

// Bounds-checked little-endian cursor over the header.
class Reader {
 public:
  Reader(const std::vector<uint8_t>& b, const std::string& label) : b_(b), label_(label) {}
  template <typename T>
  T Read(const char* what) {
    Need(sizeof(T), what);
    T v;
    std::memcpy(&v, b_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string String(const char* what) {
    uint32_t n = Read<uint32_t>(what);
    if (n > 4096 * 1024) Fail(ErrorCode::kCorrupt, std::string(what) + " length " + std::to_string(n) + " is implausible");
    Need(n, what);
    std::string s(reinterpret_cast<const char*>(b_.data() + pos_), n);
    pos_ += n;
    return s;
  }
  size_t pos() const { return pos_; }
  [[noreturn]] void Fail(ErrorCode code, const std::string& msg) const {
    throw Error(code, label_ + ": " + msg);
  }

 private:
  void Need(size_t n, const char* what) {
    if (n > b_.size() || pos_ > b_.size() - n)
      Fail(ErrorCode::kTruncated, std::string("file ends inside the header (reading ") + what + " at byte " +
                                      std::to_string(pos_) + " of " + std::to_string(b_.size()) + ")");
  }
  const std::vector<uint8_t>& b_;
  std::string label_;
  size_t pos_ = 0;
};

}  // namespace

ModelFile ModelFile::FromPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open model file");
  std::streamoff n = in.tellg();
  std::vector<uint8_t> bytes(static_cast<size_t>(n));
  in.seekg(0);
  if (n > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), n)) throw Error(ErrorCode::kIo, path + ": read failed");
  return FromBytes(std::move(bytes), path);
}

ModelFile ModelFile::FromBytes(std::vector<uint8_t> bytes, const std::string& label) {
  ModelFile f;
  f.bytes_ = std::move(bytes);
  f.label_ = label;
  Reader r(f.bytes_, label);
  if (f.bytes_.size() < 8 || std::memcmp(f.bytes_.data(), kModelMagic, 8) != 0)
    r.Fail(ErrorCode::kBadMagic, "not a TWMODEL file (wrong magic bytes)");
  r.Read<uint64_t>("magic");
  uint32_t version = r.Read<uint32_t>("version");
  if (version > kModelFileVersion)
    r.Fail(ErrorCode::kTooNew, "model file version " + std::to_string(version) + " is newer than this engine supports (" +
                                   std::to_string(kModelFileVersion) + "); update the engine");
  if (version == 0) r.Fail(ErrorCode::kCorrupt, "model file version 0 is invalid");
  uint32_t meta_count = r.Read<uint32_t>("meta_count");
  uint32_t tensor_count = r.Read<uint32_t>("tensor_count");
  uint32_t header_bytes = r.Read<uint32_t>("header_bytes");
  if (header_bytes > f.bytes_.size())
    r.Fail(ErrorCode::kTruncated, "header declares " + std::to_string(header_bytes) + " bytes but the file has " +
                                      std::to_string(f.bytes_.size()));
  if (header_bytes < 28) r.Fail(ErrorCode::kCorrupt, "header_bytes " + std::to_string(header_bytes) + " is too small");
  // The checksum covers the whole header, so damage anywhere in it is reported as such before
  // any field of it is trusted.
  uint32_t stored_crc;
  std::memcpy(&stored_crc, f.bytes_.data() + header_bytes - 4, 4);
  if (kVerifyChecksums && Crc32(f.bytes_.data(), header_bytes - 4) != stored_crc)
    r.Fail(ErrorCode::kCorrupt, "header checksum mismatch (file is corrupted)");
  if (meta_count > 10000 || tensor_count > 100000)
    r.Fail(ErrorCode::kCorrupt, "implausible counts (" + std::to_string(meta_count) + " metadata, " +
                                    std::to_string(tensor_count) + " tensors)");
  for (uint32_t i = 0; i < meta_count; ++i) {
    std::string key = r.String("metadata key");
    f.meta_[key] = r.String("metadata value");
  }
  for (uint32_t i = 0; i < tensor_count; ++i) {
    TensorInfo t;
    t.name = r.String("tensor name");
    uint32_t dtype = r.Read<uint32_t>("dtype");
    if (dtype < 1 || dtype > 3) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' has unknown dtype " + std::to_string(dtype));
    t.dtype = static_cast<DType>(dtype);
    uint32_t ndim = r.Read<uint32_t>("ndim");
    if (ndim < 1 || ndim > 4) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' has " + std::to_string(ndim) + " dimensions");
    uint64_t elements = 1;
    for (uint32_t d = 0; d < ndim; ++d) {
      uint64_t dim = r.Read<uint64_t>("dim");
      if (dim == 0 || dim > (1ull << 32)) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' has dimension " + std::to_string(dim));
      elements *= dim;
      if (elements > (1ull << 40)) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' is implausibly large");
      t.shape.push_back(static_cast<int64_t>(dim));
    }
    t.offset = r.Read<uint64_t>("offset");
    t.nbytes = r.Read<uint64_t>("nbytes");
    t.crc = r.Read<uint32_t>("crc");
    if (t.nbytes != elements * DTypeSize(t.dtype))
      r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' declares " + std::to_string(t.nbytes) + " bytes for shape " +
                                      ShapeString(t.shape));
    if (t.offset % 64 != 0) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' data is not 64-byte aligned");
    if (t.offset < header_bytes) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' data overlaps the header");
    if (t.offset > f.bytes_.size() || t.nbytes > f.bytes_.size() - t.offset)
      r.Fail(ErrorCode::kTruncated, "file is truncated: tensor '" + t.name + "' needs bytes up to " +
                                        std::to_string(t.offset + t.nbytes) + " but the file has " +
                                        std::to_string(f.bytes_.size()));
    if (f.tensors_.count(t.name)) r.Fail(ErrorCode::kCorrupt, "tensor '" + t.name + "' appears twice");
    f.order_.push_back(t.name);
    f.tensors_[t.name] = t;
  }
  r.Read<uint32_t>("header crc");
  if (r.pos() != header_bytes) r.Fail(ErrorCode::kCorrupt, "header length does not match header_bytes");
  for (const auto& name : f.order_) {
    const TensorInfo& t = f.tensors_[name];
    if (kVerifyChecksums && Crc32(f.bytes_.data() + t.offset, t.nbytes) != t.crc)
      r.Fail(ErrorCode::kCorrupt, "checksum mismatch in tensor '" + name + "' (file is corrupted)");
  }
  // Checksums cannot tell a NaN written by a broken exporter from a real weight.
  for (const auto& name : f.order_) {
    const TensorInfo& t = f.tensors_[name];
    if (t.dtype != DType::kF32) continue;
    const uint8_t* p = f.bytes_.data() + t.offset;
    for (uint64_t i = 0; i < t.nbytes; i += 4) {
      float v;
      std::memcpy(&v, p + i, 4);
      if (!std::isfinite(v))
        r.Fail(ErrorCode::kCorrupt, "tensor '" + name + "' contains NaN or infinity at element " + std::to_string(i / 4));
    }
  }
  return f;
}

const std::string& ModelFile::Meta(const std::string& key) const {
  auto it = meta_.find(key);
  if (it == meta_.end()) throw Error(ErrorCode::kBadConfig, label_ + ": metadata key '" + key + "' is missing");
  return it->second;
}

std::string ModelFile::MetaOr(const std::string& key, const std::string& fallback) const {
  auto it = meta_.find(key);
  return it == meta_.end() ? fallback : it->second;
}

const TensorInfo& ModelFile::Info(const std::string& name) const {
  auto it = tensors_.find(name);
  if (it == tensors_.end()) throw Error(ErrorCode::kMissingTensor, label_ + ": tensor '" + name + "' is missing");
  return it->second;
}

const TensorInfo& ModelFile::Checked(const std::string& name, DType dtype, const std::vector<int64_t>& shape) const {
  const TensorInfo& t = Info(name);
  if (t.dtype != dtype)
    throw Error(ErrorCode::kBadShape, label_ + ": tensor '" + name + "' is " + DTypeName(t.dtype) + ", expected " + DTypeName(dtype));
  if (t.shape != shape)
    throw Error(ErrorCode::kBadShape, label_ + ": tensor '" + name + "' has shape " + ShapeString(t.shape) +
                                          ", the configuration needs " + ShapeString(shape));
  return t;
}

const float* ModelFile::F32(const std::string& name, const std::vector<int64_t>& shape) const {
  return reinterpret_cast<const float*>(Data(Checked(name, DType::kF32, shape)));
}

const int8_t* ModelFile::I8(const std::string& name, const std::vector<int64_t>& shape) const {
  return reinterpret_cast<const int8_t*>(Data(Checked(name, DType::kI8, shape)));
}

namespace {
template <typename T>
void Put(std::vector<uint8_t>& out, T v) {
  const auto* p = reinterpret_cast<const uint8_t*>(&v);
  out.insert(out.end(), p, p + sizeof(T));
}
void PutString(std::vector<uint8_t>& out, const std::string& s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}
uint64_t Align64(uint64_t x) { return (x + 63) / 64 * 64; }
}  // namespace

std::vector<uint8_t> WriteModelFile(const std::map<std::string, std::string>& meta,
                                    const std::vector<TensorToWrite>& tensors, uint32_t version) {
  // Header size first (it does not depend on offsets' values), then offsets.
  uint64_t header = 24 + 4;
  for (const auto& kv : meta) header += 8 + kv.first.size() + kv.second.size();
  for (const auto& t : tensors) header += 4 + t.name.size() + 8 + 8 * t.shape.size() + 8 + 8 + 4;
  std::vector<uint8_t> out(kModelMagic, kModelMagic + 8);
  Put<uint32_t>(out, version);
  Put<uint32_t>(out, static_cast<uint32_t>(meta.size()));
  Put<uint32_t>(out, static_cast<uint32_t>(tensors.size()));
  Put<uint32_t>(out, static_cast<uint32_t>(header));
  for (const auto& kv : meta) {
    PutString(out, kv.first);
    PutString(out, kv.second);
  }
  uint64_t offset = Align64(header);
  for (const auto& t : tensors) {
    PutString(out, t.name);
    Put<uint32_t>(out, static_cast<uint32_t>(t.dtype));
    Put<uint32_t>(out, static_cast<uint32_t>(t.shape.size()));
    for (int64_t d : t.shape) Put<uint64_t>(out, static_cast<uint64_t>(d));
    Put<uint64_t>(out, offset);
    Put<uint64_t>(out, t.data.size());
    Put<uint32_t>(out, Crc32(t.data.data(), t.data.size()));
    offset = Align64(offset + t.data.size());
  }
  Put<uint32_t>(out, Crc32(out.data(), out.size()));
  for (const auto& t : tensors) {
    out.resize(Align64(out.size()), 0);
    out.insert(out.end(), t.data.begin(), t.data.end());
  }
  return out;
}

}  // namespace tw
