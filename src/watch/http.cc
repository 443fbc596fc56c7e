#include "watch/http.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace warta::watch {

namespace {

// curl_global_init is not thread-safe; it runs once, before the first client.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Trim(std::string text) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

// What a transfer collects: the body (up to the limit) and the headers of
// the last response (a redirect's headers are forgotten when the next begins).
struct Transfer {
  size_t max_bytes = 0;
  bool too_large = false;
  HttpResponse response;

  static size_t OnBody(char* data, size_t size, size_t count, void* self) {
    auto* transfer = static_cast<Transfer*>(self);
    size_t bytes = size * count;
    if (transfer->response.body.size() + bytes > transfer->max_bytes) {
      transfer->too_large = true;
      return 0;  // ends the transfer with CURLE_WRITE_ERROR
    }
    transfer->response.body.append(data, bytes);
    return bytes;
  }

  static size_t OnHeader(char* data, size_t size, size_t count, void* self) {
    auto* transfer = static_cast<Transfer*>(self);
    std::string line(data, size * count);
    if (line.starts_with("HTTP/")) {  // a new response (after a redirect)
      transfer->response.etag.clear();
      transfer->response.last_modified.clear();
      transfer->response.content_type.clear();
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos) return size * count;
    std::string name = Lower(line.substr(0, colon));
    std::string value = Trim(line.substr(colon + 1));
    if (name == "etag") transfer->response.etag = value;
    if (name == "last-modified") transfer->response.last_modified = value;
    if (name == "content-type")
      transfer->response.content_type = Lower(Trim(value.substr(0, value.find(';'))));
    return size * count;
  }
};

}  // namespace

struct HttpClient::Handle {
  CURL* curl = nullptr;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

HttpClient::HttpClient(const HttpOptions& options, std::unique_ptr<Handle> handle)
    : options_(options), handle_(std::move(handle)) {}

HttpClient::~HttpClient() = default;

Result<std::unique_ptr<HttpClient>> HttpClient::Create(const HttpOptions& options) {
  InitCurlOnce();
  auto handle = std::make_unique<Handle>();
  handle->curl = curl_easy_init();
  if (handle->curl == nullptr) return Status::IoError("cannot start libcurl");
  return std::unique_ptr<HttpClient>(new HttpClient(options, std::move(handle)));
}

Result<HttpResponse> HttpClient::Get(const HttpRequest& request) {
  CURL* curl = handle_->curl;
  curl_easy_reset(curl);  // keeps the open connections, forgets the last request's options
  Transfer transfer;
  transfer.max_bytes = options_.max_bytes;
  char error[CURL_ERROR_SIZE] = "";
  curl_slist* headers = nullptr;
  if (!request.etag.empty())
    headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
  if (!request.last_modified.empty()) {
    headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: threads are safe
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // any encoding libcurl can decode
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Transfer::OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Transfer::OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (transfer.too_large) {
    return Status::InvalidData(request.url + ": larger than the limit of " +
                               std::to_string(options_.max_bytes >> 20) + " MB");
  }
  if (code != CURLE_OK) {
    std::string reason = *error != '\0' ? error : curl_easy_strerror(code);
    return Status::IoError(request.url + ": " + reason);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
  char* final_url = nullptr;
  curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url);
  transfer.response.final_url = final_url != nullptr ? final_url : request.url;
  return std::move(transfer.response);
}

namespace {

// A URL's part as libcurl reads it; empty when absent.
std::string UrlPart(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK || text == nullptr) return "";
  std::string copy = text;
  curl_free(text);
  return copy;
}

struct UrlHandle {
  CURLU* url = curl_url();
  ~UrlHandle() { curl_url_cleanup(url); }
};

}  // namespace

std::string ResolveUrl(const std::string& base, const std::string& reference) {
  UrlHandle handle;
  if (handle.url == nullptr) return "";
  if (!base.empty() && curl_url_set(handle.url, CURLUPART_URL, base.c_str(), 0) != CURLUE_OK)
    return "";
  if (curl_url_set(handle.url, CURLUPART_URL, reference.c_str(), 0) != CURLUE_OK) return "";
  return UrlPart(handle.url, CURLUPART_URL);
}

std::string UrlOrigin(const std::string& url) {
  UrlHandle handle;
  if (handle.url == nullptr || curl_url_set(handle.url, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
    return "";
  std::string scheme = Lower(UrlPart(handle.url, CURLUPART_SCHEME));
  if (scheme != "http" && scheme != "https") return "";
  std::string origin = scheme + "://" + Lower(UrlPart(handle.url, CURLUPART_HOST));
  std::string port = UrlPart(handle.url, CURLUPART_PORT);
  return port.empty() ? origin : origin + ":" + port;
}

std::string UrlPathAndQuery(const std::string& url) {
  UrlHandle handle;
  if (handle.url == nullptr || curl_url_set(handle.url, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
    return "/";
  std::string path = UrlPart(handle.url, CURLUPART_PATH);
  if (path.empty()) path.assign(1, '/');
  std::string query = UrlPart(handle.url, CURLUPART_QUERY);
  // (Appended in place: g++ 12 warns falsely, -Wrestrict, on path + "?" + query.)
  if (!query.empty()) path.append("?").append(query);
  return path;
}

}  // namespace warta::watch
