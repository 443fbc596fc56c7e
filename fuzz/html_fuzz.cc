// Fuzz target: a web page through ArticleFromHtml (gumbo, then the walk that
// finds the main text, the title and the meta tags).
//
// Checks: an article accepted passes CheckArticle (valid text, day date, UTF-8
// fields: gumbo must have replaced every invalid byte) and keeps the id given;
// a refusal has a message. ASan/UBSan watch the recursive walk.
#include <cstdint>

#include "fuzz_check.h"
#include "read/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto article = warta::ArticleFromHtml(warta::fuzz::AsText(data, size), "fuzz.html");
  warta::fuzz::CheckArticle(article);
  if (article.ok()) FUZZ_CHECK(article.value().id == "fuzz.html");
  return 0;
}
