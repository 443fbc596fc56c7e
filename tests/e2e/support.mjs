// What the web page's browser tests share: the corpus they ingest, a
// `warta serve` on a free port, and a headless Chromium that reaches nothing
// else.
import { spawn } from "node:child_process";
import path from "node:path";

// The articles both tests ingest: the team's dev sets and two golden articles.
export function corpus(source) {
  return ["eval/dev/id.articles.jsonl", "eval/dev/en.articles.jsonl",
    "tests/golden/en_sanctions.jsonl", "tests/golden/id_election.jsonl"].map((f) => path.join(source, f));
}

// Starts `warta serve` on DB at a port the system picks; resolves to
// { server, base } once it says where it listens.
export function serve(warta, db) {
  const server = spawn(warta, ["serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/at (http:\/\/[^ ]+\/)/);
      if (match) resolve({ server, base: match[1] });
    });
    server.on("exit", (code) => reject(new Error("warta serve exited with " + code)));
  });
}

// Debian's chromium, headless; playwright gives each launch a new, empty profile of its own.
export function launchBrowser(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
