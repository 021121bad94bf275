# anchor.awk - anchor(heading): the anchor GitHub gives a Markdown heading,
# for the awk programs that read the guides (handout/links.awk,
# tests/guides/scan.awk): lower case, punctuation dropped (ASCII and the
# full-width marks the Chinese guide's headings use), each space a hyphen.
# Run under LC_ALL=C: the guides are UTF-8, read byte by byte.
function anchor(heading) {
    heading = tolower(heading)
    gsub(/[]!"#$%&'()*+,.\/:;<=>?@[\\^`{|}~]/, "", heading)
    gsub(/，|、|：|（|）|。|“|”|《|》|？|！|；|·/, "", heading)
    gsub(/ /, "-", heading)
    return heading
}
