// Lines of a gzipped corpus file (Multi30k beside the checkout), read through zcat.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace tw {

inline std::vector<std::string> ReadGz(const std::string& path) {
  std::vector<std::string> lines;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(("zcat '" + path + "'").c_str(), "r"), pclose);
  if (!p) return lines;
  std::string cur;
  int ch;
  while ((ch = fgetc(p.get())) != EOF) {
    if (ch == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += static_cast<char>(ch);
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

}  // namespace tw
