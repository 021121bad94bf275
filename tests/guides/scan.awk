# scan.awk - what a guide (README.md, README.zh-CN.md) names, for
# tests/test_guides.sh: one record a line, five tab-separated fields,
#
#   KIND ONLY LINE A B
#
# ONLY is 1 inside a section only the Chinese guide has (从教材到实验,
# 术语表), 0 elsewhere; LINE is the guide's line. By KIND:
#
#   H LEVEL TEXT    a heading
#   A -     SLUG    the anchor GitHub makes of that heading
#   B LANG  TEXT    a line of a fenced code block (LANG: its info string, or -)
#   E LANG  -       the end of a fenced code block
#   S -     TEXT    a code span outside code blocks
#   L -     TARGET  a link's or an image's target
#   T COLS  SPANS   a table row: its columns, the code spans of its first cell
#   M -     MARK    a handout marker (handout:instructor, handout:end, ...)
#
# TEXT is the rest of the line and may hold tabs. Run it after
# handout/anchor.awk (awk -f handout/anchor.awk -f tests/guides/scan.awk),
# with LC_ALL=C: the guides are UTF-8, read here byte by byte.

BEGIN { OFS = "\t"; only = 0; fence = 0; carry = ""; joined = 0 }

function out(kind, a, b) { print kind, only, NR, a, b }

# The code spans of `s`, joined by a space.
function spans(s,    n, i, part, all) {
    n = split(s, part, "`")
    all = ""
    for (i = 2; i <= n; i += 2)
        all = all (all == "" ? "" : " ") part[i]
    return all
}

fence {
    if ($0 ~ /^[ \t]*```/) { out("E", lang, "-"); fence = 0 }
    else out("B", lang, $0)
    next
}

/^[ \t]*```/ {
    fence = 1
    lang = $0
    sub(/^[ \t]*```/, "", lang)
    if (lang == "") lang = "-"
    next
}

/^<!-- handout:[a-z]+/ {
    mark = $0
    sub(/^<!-- /, "", mark)
    sub(/[ ].*/, "", mark)
    out("M", "-", mark)
}

/^#+ / {
    level = index($0, " ") - 1
    text = substr($0, level + 2)
    if (level <= 2) only = (text == "从教材到实验" || text == "术语表")
    out("H", level, text)
    out("A", "-", anchor(text))
}

/^\|/ {
    row = $0
    gsub(/\\\|/, "\001", row)           # an escaped pipe is the cell's text
    n = split(row, cell, "`")
    bare = ""                           # the row with its code spans blanked
    for (i = 1; i <= n; i++) bare = bare (i % 2 ? cell[i] : "x")
    cols = gsub(/\|/, "|", bare) - 1
    first = row
    sub(/^\|/, "", first)
    # the first cell ends at the first pipe outside a code span
    n = split(first, cell, "`")
    firstcell = ""
    for (i = 1; i <= n; i++) {
        if (i > 1) firstcell = firstcell "`"
        if (i % 2 && index(cell[i], "|")) { firstcell = firstcell substr(cell[i], 1, index(cell[i], "|") - 1); break }
        firstcell = firstcell cell[i]
    }
    first = spans(firstcell)
    gsub(/\001/, "\\|", first)
    out("T", cols, first)
}

{
    # A code span may run over a line break: join up to three lines.
    text = carry == "" ? $0 : carry " " $0
    if (gsub(/`/, "`", text) % 2 == 1 && joined < 3) { carry = text; joined++; next }
    carry = ""
    joined = 0
    n = split(text, part, "`")
    bare = ""
    for (i = 1; i <= n; i++) {
        if (i % 2) bare = bare part[i]
        else { out("S", "-", part[i]); bare = bare "x" }
    }
    while (match(bare, /\]\([^)]*\)/)) {
        target = substr(bare, RSTART + 2, RLENGTH - 3)
        sub(/ .*/, "", target)           # a link's title
        out("L", "-", target)
        bare = substr(bare, RSTART + RLENGTH)
    }
}
