/* memlib.h as CMU 15-213 had it until 2016: the CS:APP handout's. */
#include "../../csapp/include/memlib.h"
