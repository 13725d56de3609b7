#!/usr/bin/env python3
"""Write sample/articles/briefing-2025-tajikistan.pdf, a small demo PDF for Rapporteur.

Standard library only. Produces a PDF 1.4 file with A4 pages, the built-in
Type1 fonts Helvetica and Helvetica-Bold (WinAnsiEncoding), uncompressed
content streams and a cross-reference table with exact byte offsets.

The briefing text is FICTION: invented people and organisations in real
places, written for the project's demo corpus and tests.

Usage (from the repository root):  python3 scripts/make-sample-pdf.py
"""

import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, os.pardir, "sample", "articles", "briefing-2025-tajikistan.pdf")

TITLE = "Tajikistan: lawyers, journalists and activists under pressure"
SUBTITLE = "Pamir Legal Aid Bureau - Briefing No. 3/2025 - 15 July 2025"

# Each entry is (style, text). Styles: "h" = heading, "p" = paragraph,
# "b" = bullet. Keep the text plain ASCII (WinAnsi-safe).
BODY = [
    ("p", "This briefing summarises cases documented by the Pamir Legal Aid Bureau between "
          "January and June 2025. All information was gathered from relatives, lawyers and court "
          "documents. Several families asked us not to publish some details for their safety."),
    ("h", "1. Lawyers"),
    ("p", "Farrukh Nurmatzoda, a defence lawyer with our bureau, was detained by officers of the "
          "State Committee for National Security in Dushanbe on 14 March 2025. He is charged with "
          "fraud under Article 247 of the Criminal Code and with public calls for the violent change "
          "of the constitutional order under Article 307. In May a court in Dushanbe extended his "
          "pre-trial detention until 14 September 2025. Nurmatzoda had represented several residents "
          "of Khorog, including the activist Bakhtiyor Alidodov."),
    ("h", "2. Journalists and bloggers"),
    ("p", "The closed trial of freelance journalist Dilorom Saidmurodova and blogger Jamshed "
          "Tursunov opened on 20 May 2025 inside Detention Centre No. 2 in Khujand. On 1 July 2025 "
          "the Sughd Regional Court sentenced Saidmurodova to eight years' imprisonment and Tursunov "
          "to seven years under Article 307-1 and Article 189 of the Criminal Code. Both had spent "
          "more than 16 months in pre-trial detention. Their lawyers have lodged appeals."),
    ("h", "3. Gorno-Badakhshan (GBAO)"),
    ("p", "On 26 June 2025 the Supreme Court of Tajikistan sentenced Bakhtiyor Alidodov, a community "
          "activist from Khorog, to nine years in a high-security penal colony under Article 307 of "
          "the Criminal Code. His cousin Parviz Shonazarov received five years. Both were convicted "
          "over videos in which residents spoke about land disputes. Alidodov has a chronic kidney "
          "condition; his family says he has not seen a specialist since his arrest in August 2024."),
    ("h", "4. People returned from abroad"),
    ("p", "Siyovush Latifzoda, a Tajik activist who had lived in Almaty since 2021, was extradited "
          "from Kazakhstan on 2 February 2025 while his appeal was still pending. He is accused of "
          "organising an extremist community under Article 307-3. His wife, Shahnoza, learned only "
          "in April that he was being held in a detention facility in Dushanbe. He has been allowed "
          "one visit from his parents and has not been able to meet a lawyer of his choice."),
    ("h", "Recommendations"),
    ("p", "We call on the authorities of Tajikistan to:"),
    ("b", "release Farrukh Nurmatzoda, Bakhtiyor Alidodov, Parviz Shonazarov, Dilorom Saidmurodova "
          "and Jamshed Tursunov;"),
    ("b", "hold trials in open court and stop using detention centres as courtrooms;"),
    ("b", "allow every detainee prompt access to a lawyer of their choice and to adequate medical care;"),
    ("b", "guarantee that lawyers are never identified with their clients or their clients' causes."),
    ("p", "We call on the authorities of Kazakhstan and other states not to return anyone to "
          "Tajikistan where they face a real risk of torture or an unfair trial."),
    ("h", "Contact"),
    ("p", "Pamir Legal Aid Bureau, PO Box 112, Khorog 736000, GBAO, Tajikistan. "
          "E-mail: briefings@pamir-legal-aid.example"),
    ("p", "This briefing is part of the Rapporteur demo corpus. Every person and organisation "
          "named in it is fictional."),
]

PAGE_W, PAGE_H = 595, 842          # A4 in points
MARGIN_L, MARGIN_TOP, MARGIN_BOTTOM = 56, 60, 60
BODY_SIZE, LEADING = 10, 14
WRAP = 100                         # characters per line at 10 pt Helvetica (about 480 pt)


def esc(s):
    """Escape a string for a PDF literal string."""
    s.encode("ascii")  # fail loudly on non-ASCII text
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def layout():
    """Return a list of pages; each page is a list of (font, size, y, x, text)."""
    pages, cur = [], []
    y = PAGE_H - MARGIN_TOP

    def emit(font, size, text, x=MARGIN_L, lead=LEADING):
        nonlocal y, cur
        if y - lead < MARGIN_BOTTOM:
            pages.append(cur)
            cur, y = [], PAGE_H - MARGIN_TOP
        cur.append((font, size, y, x, text))
        y -= lead

    emit("F2", 16, TITLE, lead=22)
    emit("F1", 9, SUBTITLE, lead=24)
    for style, text in BODY:
        if style == "h":
            y -= 4
            emit("F2", 11, text, lead=16)
        elif style == "b":
            lines = textwrap.wrap(text, WRAP - 4)
            for i, line in enumerate(lines):
                emit("F1", BODY_SIZE, ("- " if i == 0 else "  ") + line, x=MARGIN_L + 10)
        else:
            for line in textwrap.wrap(text, WRAP):
                emit("F1", BODY_SIZE, line)
            y -= 6
    pages.append(cur)
    return pages


def content_stream(lines, page_no, page_count):
    out = []
    for font, size, y, x, text in lines:
        out.append("BT /%s %d Tf %d %d Td (%s) Tj ET" % (font, size, x, y, esc(text)))
    footer = "Pamir Legal Aid Bureau - fictional demo briefing - page %d of %d" % (page_no, page_count)
    out.append("BT /F1 8 Tf %d %d Td (%s) Tj ET" % (MARGIN_L, 30, esc(footer)))
    return ("\n".join(out) + "\n").encode("latin-1")


def build():
    pages = layout()
    n = len(pages)
    assert 1 <= n <= 2, "briefing must fit on one or two pages, got %d" % n

    # Object numbers: 1 Catalog, 2 Pages, 3 Helvetica, 4 Helvetica-Bold, 5 Info,
    # then for each page: page object, content stream object.
    objs = {}
    first = 6
    kids = []
    for i, lines in enumerate(pages):
        page_id, content_id = first + 2 * i, first + 2 * i + 1
        kids.append(page_id)
        data = content_stream(lines, i + 1, n)
        objs[content_id] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"endstream"
        objs[page_id] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
            % (PAGE_W, PAGE_H, content_id)
        ).encode("latin-1")
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>"
               % (" ".join("%d 0 R" % k for k in kids), n)).encode("latin-1")
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objs[5] = ("<< /Title (%s) /Author (Pamir Legal Aid Bureau \\(fictional\\)) "
               "/Subject (Rapporteur demo corpus) /Producer (scripts/make-sample-pdf.py) "
               "/CreationDate (D:20250715090000Z) >>" % esc(TITLE)).encode("latin-1")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    count = max(objs) + 1
    offsets = [0] * count
    for num in range(1, count):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % count
    out += b"0000000000 65535 f \n"
    for num in range(1, count):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref_at)
    return bytes(out), n


def main():
    data, n = build()
    path = os.path.normpath(OUT)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes, %d page%s)" % (path, len(data), n, "" if n == 1 else "s"))


if __name__ == "__main__":
    main()
