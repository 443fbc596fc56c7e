// watch/http: one HTTP(S) GET at a time through libcurl, with the limits a
// watcher of other people's servers needs.
//
//   auto client = HttpClient::Create(options);
//   auto response = client.value()->Get({url, etag, last_modified});
//   if (!response.ok()) log(response.status().message());  // "URL: timed out after 30 s"
//   else if (response.value().status == 304) { ... unchanged ... }
//
// A response of any HTTP status is a value (the caller decides what 404 or
// 503 mean); a request that got no whole response (no connection, a timeout,
// a redirect loop, a scheme other than http or https) is an IoError naming
// the URL and the reason; a body over the size limit is InvalidData (asking
// again will not help). Redirects are followed
// (at most max_redirects); every request names warta in its User-Agent.
// Not thread-safe: one client per thread (it keeps connections open).
#pragma once

#include <memory>
#include <string>

#include "warta/status.h"

namespace warta::watch {

struct HttpOptions {
  std::string user_agent = "warta/0.1 (news event coder; +https://github.com/warta)";
  long timeout_seconds = 30;
  long max_redirects = 5;
  size_t max_bytes = 16u << 20;  // a larger body is refused
};

struct HttpRequest {
  std::string url;
  // Validators from an earlier response, for a conditional GET (empty: none).
  std::string etag, last_modified;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::string etag, last_modified;  // as the server sent them; empty when it did not
  std::string content_type;         // lower case, without parameters ("text/html")
  std::string final_url;            // after redirects
};

class HttpClient {
 public:
  static Result<std::unique_ptr<HttpClient>> Create(const HttpOptions& options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  Result<HttpResponse> Get(const HttpRequest& request);

 private:
  struct Handle;
  HttpClient(const HttpOptions& options, std::unique_ptr<Handle> handle);
  HttpOptions options_;
  std::unique_ptr<Handle> handle_;
};

// `reference` (absolute, or relative as links in feeds may be) resolved
// against `base`; empty when either cannot be read as a URL.
std::string ResolveUrl(const std::string& base, const std::string& reference);

// The scheme, host and port of a URL ("http://127.0.0.1:8080"), lower case;
// empty when it is not an http(s) URL. Politeness (robots.txt, back-off) is
// kept per origin.
std::string UrlOrigin(const std::string& url);

// The path and query of a URL ("/news/1?page=2"), "/" when it has none.
std::string UrlPathAndQuery(const std::string& url);

}  // namespace warta::watch
