// Ingest's claims (store.h, "Claims"): which ingest codes which article.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "store/store.h"

namespace warta {

namespace {

// Keys claimed by one statement: few round trips, and statements of a few
// sizes only (each size is prepared once).
constexpr size_t kClaimsPerStatement = 100;

// INSERT ... VALUES(?3, ?1, now), (?4, ?1, now), ...: `count` keys from ?3
// for claimant ?1, taking over a claim of its own or one older than ?2
// seconds; returns the keys claimed.
std::string ClaimSql(const sql::Dialect& dialect, size_t count) {
  std::string sql = "INSERT INTO ingest_claims(article_key, worker, claimed_at) VALUES";
  for (size_t k = 0; k < count; ++k) {
    sql += k ? ", (?" : "(?";
    sql += std::to_string(k + 3);
    sql += ", ?1, ";
    sql += dialect.NowSeconds();
    sql += ")";
  }
  sql +=
      " ON CONFLICT(article_key) DO UPDATE SET worker = excluded.worker, "
      "claimed_at = excluded.claimed_at WHERE ingest_claims.worker = excluded.worker "
      "OR ingest_claims.claimed_at < excluded.claimed_at - ?2 RETURNING article_key";
  return sql;
}

}  // namespace

std::string NewClaimant() {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  std::random_device random;
  char name[320];
  std::snprintf(name, sizeof name, "%s:%ld:%08x%08x", host, static_cast<long>(getpid()), random(),
                random());
  return name;
}

bool ClaimantIsGone(const std::string& claimant) {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  std::string prefix = std::string(host) + ":";
  if (!claimant.starts_with(prefix)) return false;
  long pid = std::atol(claimant.c_str() + prefix.size());
  return pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

Result<std::vector<bool>> Store::Claim(const std::vector<std::string>& keys,
                                       std::chrono::seconds lease) {
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::set<std::string> taken;
  Status status = db_->Execute(db_->dialect().BeginUnlocked());
  if (status.ok()) status = ClaimSorted(sorted, lease, &taken);
  if (status.ok()) status = db_->Execute("COMMIT");
  if (!status.ok()) {
    db_->Execute("ROLLBACK");
    return status.WithContext("claiming articles to code");
  }
  std::vector<bool> mine;
  for (const std::string& key : keys) mine.push_back(taken.count(key) > 0);
  return mine;
}

Status Store::ClaimSorted(const std::vector<std::string>& keys, std::chrono::seconds lease,
                          std::set<std::string>* taken) {
  for (size_t first = 0; first < keys.size(); first += kClaimsPerStatement) {
    size_t count = std::min(kClaimsPerStatement, keys.size() - first);
    auto claim = Cached(ClaimSql(db_->dialect(), count));
    if (!claim.ok()) return claim.status();
    claim.value()->Bind(1, claimant_);
    claim.value()->Bind(2, static_cast<long long>(lease.count()));
    for (size_t k = 0; k < count; ++k) {
      claim.value()->Bind(static_cast<int>(k + 3), keys[first + k]);
    }
    Status status;
    while (claim.value()->Step(&status)) taken->insert(claim.value()->Text(0));
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status Store::ReleaseClaimsOf(const std::vector<CodedRecord>& batch) {
  if (claimant_.empty()) return Status::Ok();
  std::set<std::string> keys;
  for (const CodedRecord& record : batch) keys.insert(TextHash(record.article.text));
  auto release = Cached("DELETE FROM ingest_claims WHERE article_key = ?1 AND worker = ?2");
  if (!release.ok()) return release.status();
  for (const std::string& key : keys) {
    release.value()->Bind(1, key);
    release.value()->Bind(2, claimant_);
    Status status = release.value()->Send();
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

Status Store::ReleaseClaims() {
  return claimant_.empty() ? Status::Ok() : ReleaseClaims(claimant_);
}

Status Store::ReleaseClaims(const std::string& claimant) {
  Status status = db_->Execute(db_->dialect().BeginUnlocked());
  if (status.ok()) {
    auto release = Cached("DELETE FROM ingest_claims WHERE worker = ?1");
    status = release.ok() ? Status::Ok() : release.status();
    if (status.ok()) {
      release.value()->Bind(1, claimant);
      status = release.value()->Run();
    }
  }
  if (status.ok()) status = db_->Execute("COMMIT");
  if (!status.ok()) db_->Execute("ROLLBACK");
  return status;
}

Result<std::vector<std::string>> Store::Claimants() {
  auto claimants = Cached("SELECT DISTINCT worker FROM ingest_claims");
  if (!claimants.ok()) return claimants.status();
  std::vector<std::string> names;
  Status status;
  while (claimants.value()->Step(&status)) names.push_back(claimants.value()->Text(0));
  if (!status.ok()) return status;
  return names;
}

}  // namespace warta
