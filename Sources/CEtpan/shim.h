#ifndef MAILROOM_CETPAN_SHIM_H
#define MAILROOM_CETPAN_SHIM_H
#include <libetpan/libetpan.h>

/* clist's accessors are macros, which Swift does not import. */
static inline clistiter *mr_clist_begin(clist *list) { return list ? list->first : NULL; }
static inline clistiter *mr_clist_next(clistiter *it) { return it ? it->next : NULL; }
static inline void *mr_clist_content(clistiter *it) { return it ? it->data : NULL; }
static inline int mr_clist_count(clist *list) { return list ? list->count : 0; }
#endif
