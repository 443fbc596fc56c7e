// watch: feeds, robots.txt and folders, against a local HTTP server the test
// starts on 127.0.0.1 and temporary folders. Nothing leaves the machine.
#include "watch/watch.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "../tests/test_support.h"
#include "store/sqlite.h"
#include "watch/feed.h"
#include "watch/robots.h"

namespace warta::watch {
namespace {

namespace fs = std::filesystem;

std::string FreshPath(const std::string& name) {
  std::string path = ::testing::TempDir() + name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

// One column of a query on the database, as text, one row a line.
std::string Column(const std::string& db_path, const std::string& sql) {
  auto db = sql::Database::Open(db_path);
  EXPECT_TRUE(db.ok());
  auto statement = sql::Statement::Prepare(db.value().get(), sql);
  EXPECT_TRUE(statement.ok()) << statement.status().message();
  std::string rows;
  Status status;
  while (statement.value()->Step(&status)) rows += statement.value()->Text(0) + "\n";
  return rows;
}

// ---- feed parsing ----

TEST(WatchFeed, ReadsRssItemsWithLinksTitlesAndDates) {
  auto feed = ParseFeed(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><title>Satu</title><link>https://a.example/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0700</pubDate></item>
<item><title>Dua</title><guid>https://a.example/2</guid><dc:date>2024-01-03T01:00:00Z</dc:date></item>
<item><title>no link</title></item>
</channel></rss>)",
                        "https://a.example/rss");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().kind, FeedKind::kRss);
  ASSERT_EQ(feed.value().items.size(), 2u);
  EXPECT_EQ(feed.value().items[0].link, "https://a.example/1");
  EXPECT_EQ(feed.value().items[0].title, "Satu");
  EXPECT_EQ(feed.value().items[0].published->ToString(), "2024-01-02");
  EXPECT_EQ(feed.value().items[1].link, "https://a.example/2");
  EXPECT_EQ(feed.value().items[1].published->ToString(), "2024-01-03");
}

TEST(WatchFeed, ReadsAtomEntriesAlternateLinkAndPublishedElseUpdated) {
  auto feed = ParseFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>A</title><link rel="self" href="/self"/><link href="/news/a"/>
  <updated>2024-02-05T00:00:00Z</updated><published>2024-02-04T00:00:00Z</published></entry>
<entry><title>B</title><link rel="alternate" href="https://b.example/b"/><updated>2024-02-06</updated></entry>
</feed>)",
                        "https://b.example/atom");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed.value().kind, FeedKind::kAtom);
  ASSERT_EQ(feed.value().items.size(), 2u);
  EXPECT_EQ(feed.value().items[0].link, "/news/a");
  EXPECT_EQ(feed.value().items[0].published->ToString(), "2024-02-04");
  EXPECT_EQ(feed.value().items[1].published->ToString(), "2024-02-06");
}

TEST(WatchFeed, ReadsSitemapUrls) {
  auto feed = ParseFeed(R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://c.example/x</loc><lastmod>2024-03-01</lastmod></url></urlset>)",
                        "https://c.example/sitemap.xml");
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed.value().kind, FeedKind::kSitemap);
  ASSERT_EQ(feed.value().items.size(), 1u);
  EXPECT_EQ(feed.value().items[0].published->ToString(), "2024-03-01");
}

TEST(WatchFeed, BrokenXmlIsAClearErrorNamingTheUrl) {
  auto feed = ParseFeed("<rss><channel><item><link>x</link></channel>", "https://d.example/rss");
  ASSERT_FALSE(feed.ok());
  EXPECT_NE(feed.status().message().find("https://d.example/rss: not a feed: broken XML"),
            std::string::npos)
      << feed.status().message();
  auto html = ParseFeed("<html><body>hi</body></html>", "https://d.example/page");
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("root element is <html>"), std::string::npos);
}

TEST(WatchFeed, NeverExpandsExternalEntities) {
  auto feed =
      ParseFeed(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>https://e.example/1</link></item></channel></rss>)",
                "https://e.example/rss");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  ASSERT_EQ(feed.value().items.size(), 1u);
  EXPECT_EQ(feed.value().items[0].title.find("root:"), std::string::npos);
}

// ---- robots.txt ----

TEST(WatchRobots, OwnGroupWinsOverStarAndLongestRuleWins) {
  RobotsRules rules = RobotsRules::Parse(
      "User-agent: *\nDisallow: /\n\nUser-agent: Warta\nDisallow: /private/\nAllow: /private/open\n"
      "Disallow: /*.pdf$\n",
      "warta");
  EXPECT_TRUE(rules.Allows("/news/1"));
  EXPECT_FALSE(rules.Allows("/private/x"));
  EXPECT_TRUE(rules.Allows("/private/open/1"));
  EXPECT_FALSE(rules.Allows("/files/a.pdf"));
  EXPECT_TRUE(rules.Allows("/files/a.pdf?x"));
  RobotsRules star = RobotsRules::Parse("User-agent: *\nDisallow: /private/\nDisallow:\n", "warta");
  EXPECT_FALSE(star.Allows("/private/1"));
  EXPECT_TRUE(star.Allows("/public"));
}

// ---- feeds end to end, against a local server ----

std::string Page(const std::string& text) {
  return "<html><head><title>Berita</title><meta property=\"article:published_time\" "
         "content=\"2023-12-31\"></head><body><article><p>" +
         text + "</p></article></body></html>";
}

// A site with a feed, pages, robots.txt and faults; counts what it is asked.
class LocalSite {
 public:
  LocalSite() {
    server_.Get("/robots.txt", [this](const httplib::Request&, httplib::Response& res) {
      Count("/robots.txt");
      res.set_content("User-agent: *\nDisallow: /private/\n", "text/plain");
    });
    server_.Get("/rss.xml", [this](const httplib::Request& req, httplib::Response& res) {
      Count("/rss.xml");
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        Count("304 /rss.xml");
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_content(Rss(), "application/rss+xml");
    });
    server_.Get("/atom.xml", [this](const httplib::Request& req, httplib::Response& res) {
      Count("/atom.xml");
      if (req.get_header_value("If-Modified-Since") == kModified) {
        Count("304 /atom.xml");
        res.status = 304;
        return;
      }
      res.set_header("Last-Modified", kModified);
      res.set_content(
          "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>5</title>"
          "<link href=\"/news/5\"/><updated>2024-01-05T08:00:00Z</updated></entry></feed>",
          "application/atom+xml");
    });
    server_.Get(R"(/news/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req.path);
      if (req.path == "/news/2" && Hits(req.path) == 1) {
        res.status = 503;  // once: the watcher backs off and tries again
        return;
      }
      res.set_content(Page("Polisi menangkap tiga demonstran di Bandung pada hari Senin, kata "
                           "juru bicara polisi. Berita nomor " +
                           req.matches[1].str() + "."),
                      "text/html; charset=utf-8");
    });
    server_.Get("/private/3", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req.path);
      res.set_content(Page("rahasia"), "text/html");
    });
    server_.Get("/files/4.pdf", [this](const httplib::Request& req, httplib::Response& res) {
      Count(req.path);
      res.set_content("%PDF-1.4", "application/pdf");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LocalSite() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int Hits(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_[what];
  }
  httplib::Server& server() { return server_; }

 private:
  static constexpr const char* kModified = "Fri, 05 Jan 2024 08:00:00 GMT";
  void Count(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++hits_[what];
  }
  static std::string Rss() {
    return "<rss version=\"2.0\"><channel><title>t</title>"
           "<item><link>/news/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0700</pubDate></item>"
           "<item><link>/news/2</link></item>"
           "<item><link>/private/3</link></item>"
           "<item><link>/files/4.pdf</link></item>"
           "</channel></rss>";
  }
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::map<std::string, int> hits_;
};

struct ManualClock {
  std::shared_ptr<std::chrono::steady_clock::time_point> now =
      std::make_shared<std::chrono::steady_clock::time_point>();
  void Advance(std::chrono::seconds by) { *now += by; }
  std::function<std::chrono::steady_clock::time_point()> Reader() const {
    return [now = now] { return *now; };
  }
};

auto Never() {
  return [] { return false; };
}

TEST(WatchFeeds, LocalFeedsThroughFaultsLandOnceWithConditionalGets) {
  LocalSite site, faulty, broken;  // three origins: one's faults never stop the others
  faulty.server().Get(
      "/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  broken.server().Get("/broken.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss><channel><item>", "application/rss+xml");
  });
  std::string db = FreshPath("watch_feeds.db");
  ManualClock clock;
  std::vector<std::string> log;
  WatchOptions options;
  options.feeds = {site.Url("/rss.xml"), site.Url("/atom.xml"), faulty.Url("/loop"),
                   broken.Url("/broken.xml")};
  options.clock = clock.Reader();
  options.on_log = [&log](const std::string& line) { log.push_back(line); };
  auto joined = [&log] {
    std::string all;
    for (const std::string& line : log) all += line + "\n";
    return all;
  };
  auto watcher = Watcher::Create(db, testing::SharedResources(), options);
  ASSERT_TRUE(watcher.ok()) << watcher.status().message();

  // 1: both good feeds read; /news/1 stored; /news/2 answers 503, so the
  // site rests and its other pages wait. The faulty feeds fail on their own.
  auto first = watcher.value()->PollFeeds(Never());
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first.value().feeds_fetched, 2);
  EXPECT_EQ(first.value().feeds_failed, 2);
  EXPECT_EQ(first.value().new_links, 5);
  EXPECT_EQ(first.value().ingest.stored, 1);
  EXPECT_GE(first.value().pages_deferred, 1);
  EXPECT_NE(joined().find(faulty.Url("/loop") + ": Maximum (5) redirects followed"),
            std::string::npos)
      << joined();
  EXPECT_NE(joined().find(broken.Url("/broken.xml") + ": not a feed: broken XML"),
            std::string::npos);
  EXPECT_NE(joined().find(site.Url("/news/2") + ": HTTP 503"), std::string::npos) << joined();

  // 2: at the same moment the site is still resting: nothing asked of it.
  int rss_hits = site.Hits("/rss.xml");
  auto second = watcher.value()->PollFeeds(Never());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(site.Hits("/rss.xml"), rss_hits);
  EXPECT_EQ(site.Hits("/news/2"), 1);

  // 3: after the back-off: the feeds answer 304; the pages waiting are fetched.
  clock.Advance(std::chrono::hours(1));
  auto third = watcher.value()->PollFeeds(Never());
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_EQ(third.value().feeds_unchanged, 2);
  EXPECT_EQ(site.Hits("304 /rss.xml"), 1);
  EXPECT_EQ(site.Hits("304 /atom.xml"), 1);
  EXPECT_EQ(third.value().ingest.stored, 2);  // /news/2 and /news/5
  EXPECT_EQ(third.value().pages_refused, 2);  // robots.txt, not HTML
  EXPECT_EQ(site.Hits("/private/3"), 0);      // robots.txt honoured
  EXPECT_NE(joined().find(site.Url("/files/4.pdf") + ": not an HTML page (application/pdf)"),
            std::string::npos);

  EXPECT_EQ(Column(db, "SELECT url FROM articles ORDER BY url"),
            site.Url("/news/1") + "\n" + site.Url("/news/2") + "\n" + site.Url("/news/5") + "\n");
  // The feed's date, not the page's own (2023-12-31), when the feed gives one.
  EXPECT_EQ(Column(db, "SELECT substr(published, 1, 10) FROM articles ORDER BY url"),
            "2024-01-02\n2023-12-31\n2024-01-05\n");

  // A restart remembers the validators and the pages: nothing fetched twice.
  watcher.value().reset();
  auto again = Watcher::Create(db, testing::SharedResources(), options);
  ASSERT_TRUE(again.ok());
  auto fourth = again.value()->PollFeeds(Never());
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(fourth.value().feeds_unchanged, 2);
  EXPECT_EQ(site.Hits("304 /rss.xml"), 2);
  EXPECT_EQ(fourth.value().pages_fetched, 0);
  for (const char* page : {"/news/1", "/news/5"}) EXPECT_EQ(site.Hits(page), 1) << page;
  EXPECT_EQ(site.Hits("/news/2"), 2);  // the 503, then the page
  EXPECT_EQ(Column(db, "SELECT count(*) FROM articles"), "3\n");
}

// ---- folders ----

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

// Waits (without a time limit the test relies on) until `sql` answers `expected`.
bool Eventually(const std::string& db, const std::string& sql, const std::string& expected) {
  for (int i = 0; i < 600; ++i) {
    if (fs::exists(db) && Column(db, sql) == expected) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(WatchFolder, FilesThatLandAreStoredOnceAcrossRestarts) {
  fs::path inbox = fs::path(::testing::TempDir()) / "watch_inbox";
  fs::remove_all(inbox);
  fs::create_directories(inbox);
  WriteFile(inbox / "before.txt",
            "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta.");
  std::string db = FreshPath("watch_folder.db");
  WatchOptions options;
  options.folders = {inbox.string()};
  auto watcher = Watcher::Create(db, testing::SharedResources(), options);
  ASSERT_TRUE(watcher.ok()) << watcher.status().message();
  int stop[2];
  ASSERT_EQ(pipe(stop), 0);
  Status status;
  std::thread running([&] { status = watcher.value()->Run(stop[0]); });

  ASSERT_TRUE(Eventually(db, "SELECT id FROM articles", "watch_inbox/before.txt\n"));
  // Written in place (taken when closed), and in a new folder.
  WriteFile(inbox / "landed.txt", "Polisi menangkap tiga demonstran di Bandung.");
  fs::create_directories(inbox / "day2");
  WriteFile(inbox / "day2" / "later.txt", "Menteri Luar Negeri Indonesia mengecam Israel.");
  WriteFile(inbox / "notes.md", "not an article");
  EXPECT_TRUE(
      Eventually(db, "SELECT id FROM articles ORDER BY id",
                 "watch_inbox/before.txt\nwatch_inbox/day2/later.txt\nwatch_inbox/landed.txt\n"))
      << Column(db, "SELECT id FROM articles ORDER BY id");
  ASSERT_EQ(write(stop[1], "x", 1), 1);
  running.join();
  EXPECT_TRUE(status.ok()) << status.message();
  close(stop[0]);
  close(stop[1]);

  // A restart reads the folder whole and stores nothing again.
  auto again = Watcher::Create(db, testing::SharedResources(), options);
  ASSERT_TRUE(again.ok());
  auto scanned = again.value()->ScanFolders(Never());
  ASSERT_TRUE(scanned.ok());
  EXPECT_EQ(scanned.value().stored, 0);
  EXPECT_EQ(scanned.value().skipped, 3);
  EXPECT_EQ(Column(db, "SELECT count(*) FROM articles"), "3\n");
}

TEST(WatchFolder, StopsBeforeReadingWhenAskedAndStoresNothingHalf) {
  fs::path inbox = fs::path(::testing::TempDir()) / "watch_stop";
  fs::remove_all(inbox);
  fs::create_directories(inbox);
  WriteFile(inbox / "a.txt", "Polisi menangkap tiga demonstran di Bandung.");
  std::string db = FreshPath("watch_stop.db");
  WatchOptions options;
  options.folders = {inbox.string()};
  auto watcher = Watcher::Create(db, testing::SharedResources(), options);
  ASSERT_TRUE(watcher.ok());
  auto scanned = watcher.value()->ScanFolders([] { return true; });
  ASSERT_TRUE(scanned.ok());
  EXPECT_EQ(scanned.value().read, 0);
  EXPECT_EQ(Column(db, "SELECT count(*) FROM articles"), "0\n");
}

}  // namespace
}  // namespace warta::watch
