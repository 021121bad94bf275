/* mm.h as a submission for Penn State's CMPSC 473 (2022) saw it: the
 * 15-213 interface of 2017 on. */
#include "../../15213-2019/include/mm.h"
