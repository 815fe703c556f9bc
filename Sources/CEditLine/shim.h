#ifndef SUAN_CEDITLINE_SHIM_H
#define SUAN_CEDITLINE_SHIM_H
// libedit's el_set / history are variadic, which Swift cannot call: these wrappers fix one signature each.
#include <histedit.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

typedef unsigned char (*suan_el_func_t)(EditLine *, int);
typedef char *(*suan_el_prompt_t)(EditLine *);

static inline int suan_el_set_prompt(EditLine *el, suan_el_prompt_t f) { return el_set(el, EL_PROMPT, f); }
static inline int suan_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int suan_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int suan_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int suan_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *suan_el_get_clientdata(EditLine *el) { void *d = 0; el_get(el, EL_CLIENTDATA, &d); return d; }
static inline int suan_el_addfn(EditLine *el, const char *name, const char *help, suan_el_func_t f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
typedef int (*suan_el_rfunc_t)(EditLine *, wchar_t *);
static inline int suan_el_set_getcfn(EditLine *el, suan_el_rfunc_t f) { return el_set(el, EL_GETCFN, f); }
static inline int suan_el_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }

static inline History *suan_history_init(void) { return history_init(); }
static inline int suan_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int suan_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int suan_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int suan_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int suan_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

static inline FILE *suan_stdin(void) { return stdin; }
static inline FILE *suan_stdout(void) { return stdout; }
static inline FILE *suan_stderr(void) { return stderr; }
#endif
