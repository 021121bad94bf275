/*
 * jsoncheck.c - a strict JSON validator for the grading tests, so that
 * they need no python.
 *
 *   jsoncheck FILE     (- for standard input)
 *
 * Accepts exactly one JSON value (RFC 8259) with optional whitespace
 * around it: strings must be valid UTF-8 without raw control characters,
 * escapes must be known ones, numbers must follow the grammar. When the
 * value is an object, prints its keys, one per line (escaped characters
 * left as they are). Exit status: 0 valid, 1 not valid (with the byte
 * offset and what is wrong on stderr), 2 the file cannot be read.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deepest nesting accepted (a count). */
enum { MAX_DEPTH = 256 };

struct parser {
    const unsigned char *s;
    size_t len, pos;
    const char *error;
    int depth;
};

static bool fail(struct parser *p, const char *what)
{
    if (p->error == NULL)
        p->error = what;
    return false;
}

static int peek(const struct parser *p)
{
    return p->pos < p->len ? p->s[p->pos] : -1;
}

static void skip_space(struct parser *p)
{
    while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]) != NULL && p->s[p->pos] != '\0')
        p->pos++;
}

static bool literal(struct parser *p, const char *word)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
        return fail(p, "unknown word (true, false and null are the only ones)");
    p->pos += n;
    return true;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool number(struct parser *p)
{
    if (peek(p) == '-')
        p->pos++;
    if (peek(p) == '0') {
        p->pos++;
    } else if (is_digit(peek(p))) {
        while (is_digit(peek(p)))
            p->pos++;
    } else {
        return fail(p, "a number needs a digit");
    }
    if (peek(p) == '.') {
        p->pos++;
        if (!is_digit(peek(p)))
            return fail(p, "a digit must follow the decimal point");
        while (is_digit(peek(p)))
            p->pos++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->pos++;
        if (peek(p) == '+' || peek(p) == '-')
            p->pos++;
        if (!is_digit(peek(p)))
            return fail(p, "a digit must follow the exponent");
        while (is_digit(peek(p)))
            p->pos++;
    }
    return true;
}

/* One UTF-8 sequence at the parser's position; false when malformed. */
static bool utf8(struct parser *p)
{
    const unsigned char *s = p->s + p->pos;
    size_t left = p->len - p->pos, n;
    unsigned long min, cp;
    if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        n = 2;
        min = 0x80;
    } else if ((s[0] & 0xf0) == 0xe0) {
        n = 3;
        min = 0x800;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        n = 4;
        min = 0x10000;
    } else {
        return fail(p, "a byte that is not UTF-8");
    }
    if (left < n)
        return fail(p, "a UTF-8 sequence cut short");
    cp = s[0] & (0x7fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return fail(p, "a UTF-8 sequence with a bad continuation byte");
        cp = cp << 6 | (s[i] & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return fail(p, "an overlong or out-of-range UTF-8 sequence");
    p->pos += n;
    return true;
}

/* A string; its raw bytes (between the quotes) in [*start, *end). */
static bool string(struct parser *p, size_t *start, size_t *end)
{
    p->pos++;                   /* the opening quote */
    *start = p->pos;
    for (;;) {
        int c = peek(p);
        if (c < 0)
            return fail(p, "a string without its closing quote");
        if (c == '"') {
            *end = p->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(p, "a raw control character in a string");
        if (c == '\\') {
            p->pos++;
            c = peek(p);
            if (c == 'u') {
                p->pos++;
                for (int i = 0; i < 4; i++, p->pos++)
                    if (p->pos >= p->len || strchr("0123456789abcdefABCDEF", p->s[p->pos]) == NULL
                        || p->s[p->pos] == '\0')
                        return fail(p, "\\u wants four hex digits");
                continue;
            }
            if (c < 0 || strchr("\"\\/bfnrt", c) == NULL || c == '\0')
                return fail(p, "an unknown escape in a string");
            p->pos++;
        } else if (c >= 0x80) {
            if (!utf8(p))
                return false;
        } else {
            p->pos++;
        }
    }
}

static bool value(struct parser *p, bool top);

static bool object(struct parser *p, bool top)
{
    p->pos++;
    skip_space(p);
    if (peek(p) == '}') {
        p->pos++;
        return true;
    }
    for (;;) {
        size_t start, end;
        skip_space(p);
        if (peek(p) != '"')
            return fail(p, "an object's key must be a string");
        if (!string(p, &start, &end))
            return false;
        if (top)
            printf("%.*s\n", (int)(end - start), (const char *)p->s + start);
        skip_space(p);
        if (peek(p) != ':')
            return fail(p, "a ':' must follow an object's key");
        p->pos++;
        if (!value(p, false))
            return false;
        skip_space(p);
        if (peek(p) == '}') {
            p->pos++;
            return true;
        }
        if (peek(p) != ',')
            return fail(p, "',' or '}' expected in an object");
        p->pos++;
    }
}

static bool array(struct parser *p)
{
    p->pos++;
    skip_space(p);
    if (peek(p) == ']') {
        p->pos++;
        return true;
    }
    for (;;) {
        if (!value(p, false))
            return false;
        skip_space(p);
        if (peek(p) == ']') {
            p->pos++;
            return true;
        }
        if (peek(p) != ',')
            return fail(p, "',' or ']' expected in an array");
        p->pos++;
    }
}

static bool value(struct parser *p, bool top)
{
    size_t start, end;
    bool ok;
    skip_space(p);
    if (++p->depth > MAX_DEPTH)
        return fail(p, "nested too deeply");
    switch (peek(p)) {
    case '{': ok = object(p, top); break;
    case '[': ok = array(p); break;
    case '"': ok = string(p, &start, &end); break;
    case 't': ok = literal(p, "true"); break;
    case 'f': ok = literal(p, "false"); break;
    case 'n': ok = literal(p, "null"); break;
    case -1: ok = fail(p, "a value expected, the end found"); break;
    default: ok = number(p); break;
    }
    p->depth--;
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: jsoncheck FILE\n");
        return 2;
    }
    FILE *f = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "rb");
    if (f == NULL) {
        fprintf(stderr, "jsoncheck: cannot read '%s'\n", argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, len = 0, n;
    unsigned char *buf = malloc(cap);
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            unsigned char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL)
                free(buf);
            buf = bigger;
        }
    }
    if (f != stdin)
        fclose(f);
    if (buf == NULL) {
        fprintf(stderr, "jsoncheck: out of memory\n");
        return 2;
    }
    struct parser p = {.s = buf, .len = len};
    bool ok = value(&p, true);
    if (ok) {
        skip_space(&p);
        if (p.pos != p.len)
            ok = fail(&p, "more after the value");
    }
    if (!ok)
        fprintf(stderr, "jsoncheck: %s: byte %zu: %s\n", argv[1], p.pos, p.error);
    free(buf);
    return ok ? 0 : 1;
}
