/*
 * adapter.h - what every era's adapter (eras/ERA/adapter.c) starts from.
 *
 * An adapter is compiled with the lab's strict flags, against the lab's
 * own headers (mm.h, memlib.h): it defines this lab's interface on top of
 * a submission written for another handout. The submission's symbols that
 * clash with the lab's (ERA.renames in eras/table.mk) reach it renamed to
 * era_NAME by the build; the adapter declares them with the era's types.
 */
#ifndef MALLOCLAB_ERAS_ADAPTER_H
#define MALLOCLAB_ERAS_ADAPTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "eras/interface.h"
#include "memlib.h"
#include "mm.h"

/* eras/eras.mk passes these from eras/table.mk and make's command line. */
#if !defined(ERA_NAME) || !defined(ERA_ABOUT) || !defined(ERA_CHOSEN_BY)
#error "an adapter is built by eras/eras.mk, which defines ERA_NAME, ERA_ABOUT and ERA_CHOSEN_BY"
#endif

/* Megabytes, for the eras' heap limits. */
#define ERA_MB ((size_t)1 << 20)

#endif /* MALLOCLAB_ERAS_ADAPTER_H */
