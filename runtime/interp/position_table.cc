#include "runtime/interp/position_table.h"

#include <cstring>

namespace tern {

namespace {

void putVarint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(0x80 | (v & 0x7f)));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

uint32_t zigzag(int64_t v) { return static_cast<uint32_t>(v < 0 ? ((-v) << 1) - 1 : v << 1); }
int32_t unzigzag(uint32_t v) { return (v & 1) != 0 ? -static_cast<int32_t>((v + 1) >> 1) : static_cast<int32_t>(v >> 1); }

void putU32(std::string& out, size_t at, uint32_t v) { std::memcpy(&out[at], &v, 4); }

}  // namespace

std::string encodePositionTable(const InstrPosition* positions, uint32_t n) {
  uint32_t blocks = (n + kPositionBlock - 1) / kPositionBlock;
  std::string out(size_t{blocks} * 8, '\0');
  int32_t line = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (i % kPositionBlock == 0) {
      putU32(out, size_t{i / kPositionBlock} * 8, static_cast<uint32_t>(out.size()));
      putU32(out, size_t{i / kPositionBlock} * 8 + 4, static_cast<uint32_t>(line));
    }
    const InstrPosition& p = positions[i];
    putVarint(out, zigzag(int64_t{p.lineno} - line));
    putVarint(out, zigzag(int64_t{p.end_lineno} - p.lineno));
    putVarint(out, static_cast<uint32_t>(p.col + 1));
    putVarint(out, static_cast<uint32_t>(p.end_col + 1));
    line = p.lineno;
  }
  return out;
}

PositionReader::PositionReader(const CodeObj* code, uint32_t first) {
  const uint8_t* table = code->positionTable();
  end_ = table + code->pos_size;
  uint32_t block = first / kPositionBlock;
  uint32_t offset = 0;
  line_ = 0;
  if (size_t{block} * 8 + 8 <= code->pos_size) {
    std::memcpy(&offset, table + size_t{block} * 8, 4);
    std::memcpy(&line_, table + size_t{block} * 8 + 4, 4);
  }
  p_ = offset <= code->pos_size ? table + offset : end_;
  for (uint32_t i = block * kPositionBlock; i < first; ++i) next();
}

uint32_t PositionReader::varint() {
  uint32_t v = 0;
  for (int shift = 0; p_ < end_; shift += 7) {
    uint8_t b = *p_++;
    if (shift < 32) v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) break;
  }
  return v;
}

InstrPosition PositionReader::next() {
  InstrPosition p;
  p.lineno = static_cast<int32_t>(static_cast<uint32_t>(line_) + static_cast<uint32_t>(unzigzag(varint())));
  p.end_lineno = static_cast<int32_t>(static_cast<uint32_t>(p.lineno) + static_cast<uint32_t>(unzigzag(varint())));
  p.col = static_cast<int32_t>(varint() - 1);
  p.end_col = static_cast<int32_t>(varint() - 1);
  line_ = p.lineno;
  return p;
}

InstrPosition codePosition(const CodeObj* code, uint32_t index) { return PositionReader(code, index).next(); }

std::vector<InstrPosition> codePositions(const CodeObj* code) {
  std::vector<InstrPosition> out(code->ninstr);
  PositionReader reader(code);
  for (InstrPosition& p : out) p = reader.next();
  return out;
}

}  // namespace tern
