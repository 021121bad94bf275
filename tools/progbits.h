/*
 * progbits.h - the word size a program was built for (32 or 64 bits).
 */
#ifndef MALLOCLAB_PROGBITS_H
#define MALLOCLAB_PROGBITS_H

#include <stddef.h>

/* The word size, in bits, of the program execvp would run for `name`
 * (found in PATH unless the name holds a slash): 32 or 64 for an ELF file;
 * for a script, that of the interpreter its #! line names, whose path then
 * goes to interp (len bytes; "" otherwise); 0 when it cannot be told. */
int program_bits(const char *name, char *interp, size_t len);

#endif /* MALLOCLAB_PROGBITS_H */
