// The CAMEO event codebook (data/codebook/cameo.tsv): label, Goldstein value,
// quad class and PLOVER type of every code. Immutable after Load; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "util/tsv.h"
#include "warta/status.h"

namespace warta {

struct CameoCode {
  std::string code;
  std::string label;
  double goldstein = 0;
  std::string plover;  // empty when PLOVER has no counterpart
  int quad_class = 0;  // 1..4, from the root
};

class Codebook {
 public:
  static Result<std::unique_ptr<Codebook>> Load(const std::string& data_dir,
                                                Diagnostics* diagnostics = nullptr);
  // nullptr for an unknown code.
  const CameoCode* Find(const std::string& code) const;
  size_t size() const { return codes_.size(); }

  static int QuadClassOfRoot(int root);

 private:
  Codebook() = default;
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace warta
