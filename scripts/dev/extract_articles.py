#!/usr/bin/env python3
"""Split each regulation text into its articles (Pasal) and write profiles/articles/<id>.json.

Usage: scripts/dev/extract_articles.py [REGULATIONS_DIR]

REGULATIONS_DIR defaults to ../shared/regulations relative to the repository root. Each output
file is {"source": "<file name>", "articles": {"1": "Pasal 1\\n...", ...}}; the loader
(src/tenancy/profile_applications.cpp, load_articles) shows an article's text with findings.

The texts were converted from PDF and carry OCR-style line breaks, so:
- a heading is a line holding only 'Pasal N' (any spacing); 'Pasal 5 ayat (1)' inside a sentence
  is a reference and never starts an article;
- the text is kept as written: whitespace runs inside a line become one space, trailing spaces
  are trimmed and runs of blank lines become one blank line;
- BAB / Bagian / Paragraf headings that sit between two articles belong to the structure, not to
  the article before them, and are cut off; so is the enactment clause after the last article
  ('Agar setiap orang mengetahuinya ...', 'Ditetapkan di ...').

Standard library only. The script checks that every article from 1 to the last chapter's
last_article in the profile exists and prints the missing ones (exit status 1 if any).
"""
import json
import os
import re
import sys

# Regulation file -> profile id.
FILES = {
    "bandar-lampung-perwali-spbe.txt": "bandar-lampung",
    "balikpapan-perwali-31-2020.txt": "balikpapan",
    "lampung-timur-perbup-16-2023.txt": "lampung-timur",
    "bontang-perwali-18-2021.txt": "bontang",
    "madiun-perwali-2021.txt": "madiun",
}

HEADING = re.compile(r"^\s*Pasal\s+(\d+)\s*$")
# Structural headings between articles: 'BAB IV', 'BAB IV AUDIT TIK', 'Bagian Kedua',
# 'Bagian Kesatu Umum', 'Paragraf 2'; Lampung Timur wraps some in Markdown bold ('**Bagian Keenam').
STRUCTURE = re.compile(r"^[*#_ ]*(BAB\s+[IVXLC]+\b|Bagian\s+Ke[a-z]+\b|Paragraf\s+\d+\b)")
# The enactment clause that follows the last article.
CLOSING = re.compile(r"^(Agar setiap orang mengetahuinya|Ditetapkan di\b)")
# A line after a structural heading that is still heading material (its title), not article text.
MAX_TITLE_LINE = 90


def normalise(line):
    """Collapse whitespace runs inside the line and trim trailing spaces."""
    return re.sub(r"\s+", " ", line).rstrip()


def cut_trailing_structure(lines):
    """Drop a BAB/Bagian/Paragraf heading block (and what follows it) at the end of an article.

    The cut is made only when every line from the heading on is short, so a sentence that happens
    to wrap onto a line starting with 'Bagian Ke...' is never lost.
    """
    for i, line in enumerate(lines):
        text = line.strip()
        if STRUCTURE.match(text) and all(len(l.strip()) <= MAX_TITLE_LINE for l in lines[i:]):
            return lines[:i]
    return lines


def cut_closing(lines):
    for i, line in enumerate(lines):
        if CLOSING.match(line.strip()):
            return lines[:i]
    return lines


def tidy(lines):
    """Collapse blank-line runs to one blank line and trim blank lines at both ends."""
    out = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def split_articles(text):
    """Return {number: text} and a list of problems (duplicate or out-of-order headings)."""
    articles = {}
    problems = []
    current = None
    body = []
    last_number = 0

    def flush():
        if current is None:
            return
        lines = tidy(cut_closing(cut_trailing_structure([normalise(l) for l in body])))
        articles[str(current)] = "\n".join(["Pasal %d" % current] + lines)

    for raw in text.splitlines():
        m = HEADING.match(raw)
        if m:
            number = int(m.group(1))
            if number != last_number + 1:
                problems.append("heading Pasal %d follows Pasal %d" % (number, last_number))
            if str(number) in articles or number == current:
                problems.append("duplicate heading Pasal %d (the later one is kept)" % number)
            flush()
            current, body, last_number = number, [], number
            continue
        if current is not None:
            body.append(raw)
    flush()
    return articles, problems


def last_article(profile_path):
    """The last_article of the last chapter in the profile (read without a YAML library)."""
    last = None
    in_chapters = False
    with open(profile_path, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^chapters:", line):
                in_chapters = True
                continue
            if in_chapters and re.match(r"^[a-z_]+:", line):
                break
            m = re.match(r"^\s+last_article:\s*(\d+)", line)
            if in_chapters and m:
                last = int(m.group(1))
    return last


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    source_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "regulations")
    out_dir = os.path.join(repo, "profiles", "articles")
    os.makedirs(out_dir, exist_ok=True)
    failed = False
    for name, profile_id in FILES.items():
        with open(os.path.join(source_dir, name), encoding="utf-8") as f:
            articles, problems = split_articles(f.read())
        expected = last_article(os.path.join(repo, "profiles", profile_id + ".yaml"))
        missing = [n for n in range(1, (expected or 0) + 1) if str(n) not in articles]
        extra = [n for n in map(int, articles) if expected and n > expected]
        with open(os.path.join(out_dir, profile_id + ".json"), "w", encoding="utf-8") as f:
            json.dump({"source": name, "articles": articles}, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("%s: %d articles from %s (profile chapters end at Pasal %s)" % (profile_id, len(articles), name, expected))
        for p in problems:
            print("  note: " + p)
        if missing:
            failed = True
            print("  MISSING: " + ", ".join("Pasal %d" % n for n in missing))
        if extra:
            print("  beyond the last chapter: " + ", ".join("Pasal %d" % n for n in extra))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
