#ifndef ANJIAN_CNCURSESW_SHIM_H
#define ANJIAN_CNCURSESW_SHIM_H

// SwiftPM ignores the -D flags of `pkg-config --cflags ncursesw`; without these
// the wide-character API (get_wch, cchar_t, setcchar) is invisible to Swift.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Macros Swift cannot import, as functions.
static inline attr_t anjian_attr_bold(void) { return A_BOLD; }
static inline attr_t anjian_attr_reverse(void) { return A_REVERSE; }
static inline attr_t anjian_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t anjian_attr_dim(void) { return A_DIM; }
static inline attr_t anjian_attr_normal(void) { return A_NORMAL; }
static inline int anjian_key_f(int n) { return KEY_F(n); }
static inline int anjian_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int anjian_err(void) { return ERR; }
static inline int anjian_key_code_yes(void) { return KEY_CODE_YES; }
// Globals Swift 6 would treat as shared mutable state.
static inline WINDOW *anjian_stdscr(void) { return stdscr; }
static inline int anjian_color_pairs(void) { return COLOR_PAIRS; }
static inline int anjian_columns(void) { return getmaxx(stdscr); }
static inline int anjian_lines(void) { return getmaxy(stdscr); }

#endif
