/* nocompile.c - a syntax error: the submission does not build. */

int mm_init(void) { return 0 }
