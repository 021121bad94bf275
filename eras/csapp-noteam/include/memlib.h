/* memlib.h as the CS:APP handout without team_t had it: the same as with it. */
#include "../../csapp/include/memlib.h"
