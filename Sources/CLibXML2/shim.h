#ifndef MAILROOM_CLIBXML2_SHIM_H
#define MAILROOM_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; the system ICU's UErrorCode clashes with Foundation's bundled ICU.
   Hiding the ICU parts of the encoding handler (two trailing pointers we never touch) avoids the clash. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* xmlFree is a global function pointer, which Swift 6 rejects as not concurrency-safe. */
static inline void mr_xml_free(void *p) { xmlFree(p); }
#endif
