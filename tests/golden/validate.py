"""Check the golden articles in this folder.

Each NAME.jsonl is one JSON line (id, published, title, source, url, text); each line of
NAME.expected.jsonl is one event (source, source_agent, target, target_agent, cameo, root, date,
modality, negated, evidence). Checked: the JSON parses and has exactly those fields; every evidence
string occurs verbatim in the article text; dates are valid (YYYY-MM-DD, YYYY-MM or YYYY) and not
after publication; every weekday named in the text, and every explicit "Selasa (4/6/2024)" date,
agrees with the calendar relative to the publication date.

Usage: python3 tests/golden/validate.py    (prints a summary; exit status 1 on any error)
"""
import datetime as dt
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WEEKDAYS = {
    "id": ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
AGENTS = set("GOV LEG JUD COP MIL PTY OPP CVL EDU BUS MED CRM REB SPY LAB REL HLH REF ELI IGO UNO".split())
ARTICLE_KEYS = {"id", "published", "title", "source", "url", "text"}
EVENT_KEYS = {"article", "source", "source_agent", "target", "target_agent", "cameo", "root", "date",
              "modality", "negated", "evidence"}
errors = []


def error(name, *msg):
    errors.append(f"{name}: " + " ".join(str(m) for m in msg))


def parse_date(s):
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except (TypeError, ValueError):
            pass
    return None


def check_weekdays(name, lang, pub, text):
    days = WEEKDAYS[lang]
    pattern = r"\b(" + "|".join(days) + r")\b(?:\s*\((\d{1,2})/(\d{1,2})(?:/(\d{4}))?\))?"
    for m in re.finditer(pattern, text, re.I):
        wd = days.index(m.group(1).lower())
        resolved = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
        if m.group(2):
            year = int(m.group(4)) if m.group(4) else pub.year
            explicit = dt.date(year, int(m.group(3)), int(m.group(2)))
            if explicit != resolved:
                error(name, "weekday and date disagree:", repr(m.group(0)), explicit, "expected", resolved)


def check_event(name, i, e, pub, text):
    if set(e) != EVENT_KEYS:
        error(name, f"event {i}: fields", sorted(set(e) ^ EVENT_KEYS))
        return
    if not re.fullmatch(r"[A-Z]{3}", e["source"] or "") or e["source_agent"] not in AGENTS:
        error(name, f"event {i}: bad source", e["source"], e["source_agent"])
    if e["target"] is None:
        if e["target_agent"] is not None:
            error(name, f"event {i}: target_agent without target")
    elif not re.fullmatch(r"[A-Z]{3}", e["target"]) or e["target_agent"] not in AGENTS:
        error(name, f"event {i}: bad target", e["target"], e["target_agent"])
    if not re.fullmatch(r"\d{3}", e["cameo"]) or e["root"] != e["cameo"][:2]:
        error(name, f"event {i}: bad cameo/root", e["cameo"], e["root"])
    d = parse_date(e["date"])
    if d is None or d > pub:
        error(name, f"event {i}: bad date", e["date"])
    if e["modality"] not in ("asserted", "alleged", "intended") or not isinstance(e["negated"], bool):
        error(name, f"event {i}: bad modality/negated")
    if e["evidence"] not in text:
        error(name, f"event {i}: evidence not in text:", repr(e["evidence"]))


def check_article(path):
    name = os.path.basename(path)[: -len(".jsonl")]
    lines = open(path, encoding="utf-8").read().splitlines()
    if len(lines) != 1:
        error(name, "article file must hold exactly one line")
        return
    a = json.loads(lines[0])
    if set(a) != ARTICLE_KEYS or a["id"] != name:
        error(name, "article fields or id wrong")
        return
    pub = dt.date.fromisoformat(a["published"])
    check_weekdays(name, name[:2], pub, a["text"])
    events = [json.loads(l) for l in open(os.path.join(HERE, name + ".expected.jsonl"), encoding="utf-8")
              if l.strip()]
    for i, e in enumerate(events):
        check_event(name, i, e, pub, a["text"])
    print(f"{name}\t{a['published']} ({pub.strftime('%a')})\t{len(a['text'].split())} words\t{len(events)} events")


def main():
    for path in sorted(glob.glob(os.path.join(HERE, "*.jsonl"))):
        if not path.endswith(".expected.jsonl"):
            check_article(path)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
