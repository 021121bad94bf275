/* contracts.h as CMU 15-213 handed it out (2013-16). */
#include "../../15213-2013/include/contracts.h"
