#include "events/codebook.h"

#include <cstdlib>
#include <set>

namespace warta {

int Codebook::QuadClassOfRoot(int root) {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

const CameoCode* Codebook::Find(const std::string& code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

Result<std::unique_ptr<Codebook>> Codebook::Load(const std::string& data_dir,
                                                 Diagnostics* diagnostics) {
  static const std::set<std::string> kPlover = {
      "AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
      "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
      "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT", "-"};
  std::string path = data_dir + "/codebook/cameo.tsv";
  auto file = ReadTsv(path);
  if (!file.ok()) return file.status();
  Diagnostics local;
  Diagnostics* diag = &local;
  std::unique_ptr<Codebook> codebook(new Codebook());
  for (const TsvRecord& record : file.value().records) {
    const auto& f = record.fields;
    bool digits = f.size() == 4 && f[0].size() >= 2 && f[0].size() <= 4 &&
                  f[0].find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      diag->Error(path, record.line,
                  "expected `code<TAB>goldstein<TAB>plover<TAB>label` "
                  "with a 2-4 digit code");
      continue;
    }
    char* end = nullptr;
    double goldstein = std::strtod(f[1].c_str(), &end);
    int root = std::atoi(f[0].substr(0, 2).c_str());
    if (f[1].empty() || *end != '\0' || goldstein < -10 || goldstein > 10) {
      diag->Error(path, record.line, "Goldstein value must be a number from -10 to 10");
    } else if (root < 1 || root > 20) {
      diag->Error(path, record.line, "root must be 01 to 20");
    } else if (!kPlover.count(f[2])) {
      diag->Error(path, record.line, "unknown PLOVER type \"" + f[2] + "\"");
    } else if (codebook->codes_.count(f[0])) {
      diag->Error(path, record.line, "code " + f[0] + " listed twice");
    } else {
      codebook->codes_[f[0]] = {f[0], f[3], goldstein, f[2] == "-" ? "" : f[2],
                                QuadClassOfRoot(root)};
    }
  }
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  if (codebook->codes_.empty()) return Status::InvalidData(path + ": no codes");
  return codebook;
}

}  // namespace warta
