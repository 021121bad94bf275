/*
 * contracts.h as CMU 15-213 handed it out (2013-16): assertions that
 * count only when mm.c is compiled with -DDEBUG (mdriver-dbg). Like the
 * original, it may be included more than once. Written for this lab.
 */
#include <assert.h>

#undef ASSERT
#undef REQUIRES
#undef ENSURES
#ifdef DEBUG
#define ASSERT(COND) assert(COND)
#define REQUIRES(COND) assert(COND)
#define ENSURES(COND) assert(COND)
#else
#define ASSERT(COND) ((void)0)
#define REQUIRES(COND) ((void)0)
#define ENSURES(COND) ((void)0)
#endif
