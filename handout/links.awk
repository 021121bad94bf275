# links.awk - the student's guide without links into what it no longer
# has: `[text](#anchor)` becomes `text` when no heading left in the guide
# has that anchor (the instructors' sections are cut out of it). Needs
# handout/anchor.awk; reads the whole guide, then prints it.

{ line[NR] = $0 }
/^[ \t]*```/ { fenced = !fenced; next }
!fenced && /^#+ / { have[anchor(substr($0, index($0, " ") + 1))] = 1 }

END {
    fenced = 0
    for (i = 1; i <= NR; i++) {
        text = line[i]
        if (text ~ /^[ \t]*```/) fenced = !fenced
        if (!fenced) text = unlink(text)
        print text
    }
}

# The line with each link to a missing anchor replaced by its text.
function unlink(text,    done, start, label, target) {
    done = ""
    while (match(text, /\[[^]]*\]\(#[^)]*\)/)) {
        start = substr(text, RSTART, RLENGTH)
        label = substr(start, 2, index(start, "](") - 2)
        target = substr(start, index(start, "](#") + 3)
        target = substr(target, 1, length(target) - 1)
        done = done substr(text, 1, RSTART - 1) (target in have ? start : label)
        text = substr(text, RSTART + RLENGTH)
    }
    return done text
}
