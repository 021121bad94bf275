#!/bin/sh
# test_guides.sh - the two guides, README.md and README.zh-CN.md, against
# the code and against each other:
#
#   - each links to the other in its first lines;
#   - every ./mdriver flag either names is one `./mdriver -h` lists, and
#     every flag `./mdriver -h` lists is in both;
#   - every make target and make variable either names exists, every tool
#     exists and takes the flags the guide gives it (its own -h says so),
#     every path into the lab exists, and every link and anchor resolves;
#   - both have the same sections, code blocks (commands compared, their
#     comments not), tables (rows, columns, first cells' code) and handout
#     markers, apart from the two sections only the Chinese guide has
#     (从教材到实验, 术语表); each "What to edit" paragraph is the reference
#     starter's (handout/reference.md, handout/reference.zh-CN.md).
#
# A guide that falls behind the code or the other guide fails here. The
# last test feeds each check a guide with one planted slip, to show each
# check can fail. tests/guides/scan.awk reads the guides.
#
# Run from the top folder, after make (tests/run.sh does both).

# shellcheck source=tests/lib.sh
. tests/lib.sh

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

LC_ALL=C
export LC_ALL
en=README.md
zh=README.zh-CN.md

for f in "$en" "$zh" mdriver; do
    [ -f "$f" ] || give_up "the-guides-and-the-driver-exist" "no $f: run from the top folder, after make"
done

# scan GUIDE: its records (tests/guides/scan.awk), kept in $tmp.
scan() {
    awk -f handout/anchor.awk -f tests/guides/scan.awk "$1" >"$(rec "$1")"
}
rec() { echo "$tmp/$(echo "$1" | tr / _).rec"; }

# field GUIDE KIND [A]: the text of each record of KIND (and of fourth
# field A, if given: a code block's language), that is its fifth field and
# whatever follows, as LINE<TAB>TEXT.
field() {
    awk -F'\t' -v kind="$2" -v a="${3-}" '
        $1 == kind && (a == "" || $4 == a) {
            t = $0
            for (i = 0; i < 4; i++) t = substr(t, index(t, "\t") + 1)
            print $3 "\t" t
        }' "$(rec "$1")"
}

# Code: the lines of code blocks and the code spans, as LINE<TAB>TEXT.
code() {
    { field "$1" B; field "$1" S; } | sort -n
}

# ---- What the code offers ---------------------------------------------------

help_flags=$(./mdriver -h 2>&1 | sed -n 's/^  -\([A-Za-z]\) .*/\1/p; s/^  -\([A-Za-z]\)$/\1/p' |
             sort -u | tr -d '\n')
[ -n "$help_flags" ] || give_up "mdriver-h-lists-its-flags" "./mdriver -h lists no flag"

MAKEFLAGS='' MFLAGS='' MAKELEVEL='' make -qp 2>/dev/null |
    sed -n 's/^\([A-Za-z0-9_.-][A-Za-z0-9_./-]*\):.*/\1/p' | sort -u >"$tmp/targets"
grep -qx test "$tmp/targets" || give_up "make-lists-its-targets" "make -qp lists no target 'test'"
makefiles=$(find . -path ./build -prune -o \( -name Makefile -o -name '*.mk' \) -print)

# Top-level entries of the lab: a path whose first part is one of them is
# the lab's own and must exist (build/ holds what make writes).
ls -A | grep -vx 'build' >"$tmp/top"

# ---- Checks, each on one guide; each notes what is wrong ----------------------

# The mdriver commands' flags, one letter a line: LINE<TAB>LETTER.
mdriver_flags() {
    code "$1" | awk -F'\t' '{
        t = $2
        while (match(t, /(^|[ (])(\.\/)?mdriver(-dbg)? /)) {
            t = substr(t, RSTART + RLENGTH)
            args = t
            sub(/[#|;&)'\''"].*/, "", args)
            n = split(args, word, " ")
            for (i = 1; i <= n; i++)
                if (word[i] ~ /^-[A-Za-z]+$/)
                    for (j = 2; j <= length(word[i]); j++)
                        print $1 "\t" substr(word[i], j, 1)
        }
    }'
}

check_flags_exist() {
    mdriver_flags "$1" | while IFS='	' read -r line letter; do
        case $help_flags in
            *"$letter"*) ;;
            *) echo "$1:$line: ./mdriver -$letter is not a flag of ./mdriver -h" ;;
        esac
    done
}

check_flags_named() {
    { mdriver_flags "$1" | cut -f2
      field "$1" S | cut -f2 | sed -n 's/^-\([A-Za-z]\)\( .*\)\{0,1\}$/\1/p'
    } | sort -u | tr -d '\n' >"$tmp/named"
    for letter in $(echo "$help_flags" | sed 's/./& /g'); do
        grep -q "$letter" "$tmp/named" || echo "$1 does not name ./mdriver -$letter (./mdriver -h lists it)"
    done
}

# Each shell command of the code: LINE<TAB>COMMAND, one a line, with
# single-quoted strings and comments taken out and $(...) split off.
commands() {
    code "$1" | awk -F'\t' '{
        t = $2
        gsub(/'\''[^'\'']*'\''/, "", t)
        gsub(/\$\(|\)/, ";", t)
        gsub(/"/, " ", t)
        n = split(t, part, /&&|[|;#]/)
        for (i = 1; i <= n; i++) {
            c = part[i]
            sub(/^[ \t@]+/, "", c)
            while (c ~ /^[A-Za-z_][A-Za-z0-9_]*=[^ ]* /) sub(/^[^ ]* +/, "", c)
            sub(/^sh +/, "", c)
            if (c != "") print $1 "\t" c
        }
    }'
}

check_make() {
    g=$1
    commands "$g" | awk -F'\t' '$2 ~ /^make( |$)/' | while IFS='	' read -r line cmd; do
        set -- $cmd
        shift
        while [ $# -gt 0 ]; do
            case $1 in
                -f|-C) shift ;;
                -*) ;;
                *=*) grep -qw -- "${1%%=*}" $makefiles ||
                         echo "$g:$line: make $1: no makefile uses ${1%%=*}" ;;
                *) grep -qx -- "$1" "$tmp/targets" ||
                       echo "$g:$line: make $1: the Makefile has no target '$1'" ;;
            esac
            shift
        done
    done
}

check_tools() {
    g=$1
    commands "$g" | awk -F'\t' '$2 ~ /^(\.\/)?tools\/[a-z][a-z_-]*( |$)/' | while IFS='	' read -r line cmd; do
        set -- $cmd
        tool=${1#./}
        shift
        if [ ! -f "$tool" ]; then
            echo "$g:$line: $tool: there is no such tool"
            continue
        fi
        "./$tool" -h >"$tmp/usage" 2>&1 </dev/null
        for word in "$@"; do
            case $word in
                --) break ;;    # the rest is the program's
                -) ;;
                -*[!A-Za-z-]*) ;;
                -*) grep -qE -- "(^|[^A-Za-z0-9-])$word([^A-Za-z0-9-]|\$)" "$tmp/usage" ||
                        echo "$g:$line: $tool $word: '$tool -h' lists no $word" ;;
            esac
        done
    done
}

# Paths into the lab: in code spans, sh code blocks and links.
check_paths() {
    g=$1
    { field "$g" S; field "$g" L; field "$g" B sh; } | awk -F'\t' '{
        n = split($2, word, /[ ,]+/)
        for (i = 1; i <= n; i++) {
            w = word[i]
            while (w ~ /^[(\["'\'']/) w = substr(w, 2)
            sub(/#.*/, "", w)
            sub(/:[0-9].*/, "", w)
            while (w ~ /[)\]"'\''.,:;]$/) w = substr(w, 1, length(w) - 1)
            if (w ~ /^(\/|\.\.|-|\$)/ || w ~ /=/ || w == "") continue
            if (w !~ /\// && w !~ /\.[A-Za-z]+$/) continue
            print $1 "\t" w
        }
    }' | while IFS='	' read -r line path; do
        grep -qxF -- "${path%%/*}" "$tmp/top" || continue
        # NAME, STARTER, ... stand for any name
        pattern=$(echo "$path" | sed -E 's#(^|/)(NAME|STARTER|TRACE|POLICY|PROGRAM|PID|DIR|FILE)([./]|$)#\1*\3#g; s#\.(NAME|POLICY|PID|TRACE)([./]|$)#.*\2#g')
        # shellcheck disable=SC2086 # the pattern is a glob on purpose
        set -- $pattern
        [ -e "$1" ] || echo "$g:$line: $path: no such file or folder"
    done
}

check_anchors() {
    g=$1
    field "$g" L | while IFS='	' read -r line target; do
        case $target in
            http://*|https://*) continue ;;
            '#'*) file=$g; anchor=${target#\#} ;;
            *'#'*) file=${target%%#*}; anchor=${target#*#} ;;
            *) file=$target; anchor="" ;;
        esac
        if [ ! -e "$file" ]; then
            echo "$g:$line: the link to $target: no such file"
            continue
        fi
        [ -n "$anchor" ] || continue
        [ -f "$(rec "$file")" ] || scan "$file"
        field "$file" A | cut -f2 | grep -qxF -- "$anchor" ||
            echo "$g:$line: the link to $target: $file has no heading whose anchor is '$anchor'"
    done
}

# same WHAT EN_LIST ZH_LIST: two lists of LINE<TAB>KEY are the same keys in
# the same order; else the first place they part.
same() {
    awk -F'\t' -v what="$1" -v en="$en" -v zh="$zh" '
        NR == FNR { n++; line[n] = $1; key[n] = substr($0, index($0, "\t") + 1); next }
        {
            m++
            k = substr($0, index($0, "\t") + 1)
            if (m > n) { printf "%s: %s:%s has %s that %s does not: %s\n", what, zh, $1, what, en, k; bad = 1; exit }
            if (k != key[m]) {
                printf "%s: %s:%s is \"%s\", %s:%s is \"%s\"\n", what, en, line[m], key[m], zh, $1, k
                bad = 1; exit
            }
        }
        END { if (!bad && m < n) printf "%s: %s:%s has %s that %s does not: %s\n", what, en, line[m + 1], what, zh, key[m + 1] }
    ' "$2" "$3"
}

# The parts both guides share, as LINE<TAB>KEY.
headings() { awk -F'\t' '$1 == "H" && $2 == 0 { print $3 "\tlevel " $4 }' "$(rec "$1")"; }
markers()  { field "$1" M; }
tables()   { awk -F'\t' '$1 == "T" && $2 == 0 { print $3 "\t" $4 " columns, first cell: " $5 }' "$(rec "$1")"; }
# Code blocks, with a sh block's comments taken out (they are translated).
blocks() {
    awk -F'\t' '($1 == "B" || $1 == "E") && $2 == 0 {
        t = $0
        for (i = 0; i < 4; i++) t = substr(t, index(t, "\t") + 1)
        if ($1 == "E") t = "(end of block)"
        else if ($4 == "sh") {
            if (t ~ /^#( |$)/) t = "#"
            sub(/[ \t]+#( .*)?$/, "", t)
        }
        sub(/[ \t]+$/, "", t)
        print $3 "\t" $4 ": " t
    }' "$(rec "$1")"
}

check_in_step() {
    # headings by level: their texts are in two languages
    headings "$en" >"$tmp/en.h"; headings "$zh" >"$tmp/zh.h"
    same "heading" "$tmp/en.h" "$tmp/zh.h"
    blocks "$en" >"$tmp/en.b"; blocks "$zh" >"$tmp/zh.b"
    same "code" "$tmp/en.b" "$tmp/zh.b"
    tables "$en" >"$tmp/en.t"; tables "$zh" >"$tmp/zh.t"
    same "table row" "$tmp/en.t" "$tmp/zh.t"
    markers "$en" >"$tmp/en.m"; markers "$zh" >"$tmp/zh.m"
    same "handout marker" "$tmp/en.m" "$tmp/zh.m"
}

# starter GUIDE FILE: the guide's "What to edit" paragraph is FILE's text.
check_starter() {
    sed -n '/^<!-- handout:starter/,/^<!-- handout:end/p' "$1" | sed '1d;$d' >"$tmp/starter"
    cmp -s "$tmp/starter" "$2" || echo "$1: its handout:starter paragraph is not $2's text"
}

# ---- The tests ------------------------------------------------------------------

# expect_none NAME CHECK ARGS...: the check finds nothing, on both guides
# unless ARGS name one.
expect_none() {
    name=$1
    shift
    begin
    for g in $en $zh; do
        "$@" "$g" >"$tmp/found" 2>&1
        while IFS= read -r problem; do note "$problem"; done <"$tmp/found"
    done
    end "$name"
}

scan "$en"
scan "$zh"

begin
head -n 5 "$en" | grep -q '](README.zh-CN.md)' || note "$en does not link to $zh in its first 5 lines"
head -n 5 "$zh" | grep -q '](README.md)' || note "$zh does not link to $en in its first 5 lines"
end "each-guide-links-to-the-other-in-its-first-lines"

expect_none "every-mdriver-flag-the-guides-name-exists" check_flags_exist
expect_none "every-flag-of-mdriver-h-is-in-both-guides" check_flags_named
expect_none "every-make-target-and-variable-the-guides-name-exists" check_make
expect_none "every-tool-the-guides-name-exists-and-takes-the-flags-given" check_tools
expect_none "every-path-into-the-lab-the-guides-name-exists" check_paths
expect_none "every-link-and-anchor-in-the-guides-resolves" check_anchors

begin
check_in_step >"$tmp/found"
while IFS= read -r problem; do note "$problem"; done <"$tmp/found"
end "both-guides-have-the-same-sections-code-tables-and-markers"

begin
check_starter "$en" handout/reference.md >"$tmp/found"
check_starter "$zh" handout/reference.zh-CN.md >>"$tmp/found"
while IFS= read -r problem; do note "$problem"; done <"$tmp/found"
end "each-guides-what-to-edit-is-the-reference-starters-text"

# Each check, fed a guide with one slip planted in it, must find it.
begin
slip() {    # slip CHECK TEXT: append TEXT to a copy of the English guide
    cp "$en" "$tmp/guide.md"
    printf '%s\n' "$2" >>"$tmp/guide.md"
    awk -f handout/anchor.awk -f tests/guides/scan.awk "$tmp/guide.md" >"$(rec "$tmp/guide.md")"
    found=$("$1" "$tmp/guide.md" 2>&1)
    [ -n "$found" ] || note "$1 missed: $2"
}
slip check_flags_exist 'Run `./mdriver -v -Z` for more.'
slip check_make 'Then `make no-such-target`.'
slip check_make 'Then `make NO_SUCH_VARIABLE=1`.'
slip check_tools 'Run `tools/no-such-tool -h`.'
slip check_tools 'Run `tools/rulecheck -Z mm.o`.'
slip check_paths 'See `driver/no-such-file.c`.'
slip check_anchors 'See [nowhere](#no-such-section).'
slip check_anchors 'See [nothing](no-such-file.md).'
# A guide without -q: its help line taken out of a copy.
grep -v -- '-q' "$en" >"$tmp/guide.md"
awk -f handout/anchor.awk -f tests/guides/scan.awk "$tmp/guide.md" >"$(rec "$tmp/guide.md")"
[ -n "$(check_flags_named "$tmp/guide.md")" ] || note "check_flags_named missed a guide without -q"
# The Chinese guide falling behind: a command, a table row, a section.
cp "$zh" "$tmp/zh.md"
sed 's/^make compare     #/make comparison  #/' "$zh" >"$tmp/$zh"
zh_saved=$zh
zh=$tmp/$zh
scan "$zh"
[ -n "$(check_in_step)" ] || note "check_in_step missed a changed command"
sed '/^| `TRACE_DIR`/d' "$zh_saved" >"$zh"
scan "$zh"
[ -n "$(check_in_step)" ] || note "check_in_step missed a missing table row"
sed 's/^### 提交之前$/#### 提交之前/' "$zh_saved" >"$zh"
scan "$zh"
[ -n "$(check_in_step)" ] || note "check_in_step missed a heading at another level"
zh=$zh_saved
end "each-check-finds-a-slip-planted-in-a-guide"

summary
