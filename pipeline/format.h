/* format.h — pwsh 7.4's Out-Default rendering (tables, lists, wide, scalars) as text.
 *
 * Everything that prints objects goes through here: the console sink (Out-Default),
 * Out-String, Out-File/Tee-Object -FilePath, and the Format-* cmdlets. The Format-*
 * cmdlets cannot include this header (cmdlets/ sees only the SDK), so they hand their
 * choices over as a "format request" object: a PSCustomObject whose first PSTypeName is
 * HV_FMT_REQUEST_TYPE (see the layout below); the renderer recognizes it, which is also
 * what pwsh does (Format-Table emits format records that Out-Default renders), so the width
 * is chosen when the text is produced (`ft | Out-String -Width 40`).
 *
 * Request layout (property: value):
 *   Shape            "Table" | "List" | "Wide"
 *   Labels           string[]  column labels (Table)
 *   Widths           int[]     column widths, 0 = automatic (Table)
 *   Aligns           int[]     -1 left, 0 automatic (numbers right), 1 right (Table)
 *   Rows             object[]  Table: one object[] of cell values per row;
 *                              List: one object[] { string[] names, object[] values };
 *                              Wide: the value;  any other value: printed as is (out of band)
 *   Groups           object[]  parallel to Rows: group value (shown "   <GroupLabel>: v"),
 *                              or $null when not grouping
 *   GroupLabel       string
 *   AutoSize, Wrap, HideTableHeaders  bool
 *   Column           int (Wide; 0 = automatic)
 * A row that is a PSCustomObject with PSTypeName "hvsh.FormatText" and a Text property is
 * a scalar shown out of band (a plain line), as pwsh does without -Force.
 *
 * Views chosen for values without a request (pwsh's format database, in short):
 *   - strings, numbers, bools, enums, ...: one line each (ToString), out of band, also
 *     inside an open table;
 *   - a class with table_view: that table (widths 0 = autosized from all rows); with only
 *     list_view: a list; MemberDefinition (Get-Member) and FileInfo/DirectoryInfo are
 *     grouped (TypeName / "Directory:");
 *   - a class whose default_props is an EMPTY list and that has to_string: shown by its
 *     ToString() in a document framed by blank lines (MatchInfo, help objects);
 *   - PSCustomObject / class with default_props: a generated table (<= 4 properties) or
 *     list (5+); later objects of any type become rows of that table (missing cells blank),
 *     as in pwsh; objects a specific view does not apply to are shown as lists;
 *   - hashtables: the Name(30)/Value table; DateTime: its long date/time (DisplayHint in
 *     hv_value.pad: 1 date, 2 time); TimeSpan: a list; [type]: IsPublic/IsSerial/Name/
 *     BaseType; [guid]/[version]: their property tables; ErrorRecord and other stream
 *     records: their stream text (hv_stream_record_text).
 */
#ifndef HV_FORMAT_H
#define HV_FORMAT_H

#include "cmdlet.h"

#define HV_FMT_REQUEST_TYPE "hvsh.FormatRequest"

/* Render objects as Out-Default does (`width` = line width in screen cells; <= 0 means
 * the host width). Returns an HV_STRING; every line ends with "\n". */
hv_value hv_fmt_render(hv_ctx *ctx, const hv_value *objs, size_t n, int width);

/* How a value shows inside a table cell or list value: strings as is, collections as
 * "{a, b, c, d…}" ($FormatEnumerationLimit), dates in the en-US general format. */
void hv_fmt_cell_append(hv_ctx *ctx, hv_buf *b, const hv_value *v);

/* Screen cells taken by UTF-8 text (East Asian wide characters count 2). */
size_t hv_fmt_cells(const char *s, size_t n);

#endif
