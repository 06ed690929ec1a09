/* psstyle.h — the $PSStyle (System.Management.Automation.PSStyle) and $OutputEncoding
 * automatic variables' values, built by the runtime at start-up. */
#ifndef HV_PSSTYLE_H
#define HV_PSSTYLE_H

#include "value.h"

/* A fresh $PSStyle; plain = OutputRendering PlainText (pwsh: NO_COLOR set, TERM=dumb). */
hv_value hv_psstyle_new(bool plain);
hv_value hv_output_encoding_new(void);  /* $OutputEncoding: UTF-8 */

#endif
