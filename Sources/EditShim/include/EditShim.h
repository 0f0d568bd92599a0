#ifndef EDIT_SHIM_H
#define EDIT_SHIM_H

/*
 * Fixed-arity wrappers around libedit's variadic el_set/el_get/history, plus
 * the bits of C state Swift 6 cannot touch (stdin/stdout, a signal flag).
 * Every function is a thin pass-through; the policy lives in Swift.
 * The stdio and SIGINT helpers keep process-wide state: one reader at a time.
 */

#include <stdio.h>
#include <histedit.h>

/* ---- editor lifetime ---------------------------------------------------- */

/* el_init(prog, stdin, stdout, stderr) plus per-editor client data holding the
   prompt and an opaque user pointer. NULL on failure. */
EditLine *shim_el_init(const char *prog, void *user);
/* Frees the client data, then el_end (restores the terminal). */
void shim_el_end(EditLine *el);
/* The user pointer given to shim_el_init. */
void *shim_el_user(EditLine *el);

/* ---- el_set / el_get ---------------------------------------------------- */

/* Copies the prompt and installs it with EL_PROMPT_ESC: text between two
   '\1' characters is sent to the terminal but takes no width. */
int shim_el_set_prompt(EditLine *el, const char *prompt);
int shim_el_set_editor(EditLine *el, const char *mode);       /* "emacs" | "vi" */
/* Current editor mode ("emacs" or "vi"), or NULL. */
const char *shim_el_get_editor(EditLine *el);
int shim_el_set_signal(EditLine *el, int on);                  /* EL_SIGNAL */
int shim_el_set_hist(EditLine *el, History *h);                /* EL_HIST history h */
int shim_el_addfn(EditLine *el, const char *name, const char *help,
                  unsigned char (*fn)(EditLine *, int));       /* EL_ADDFN */
int shim_el_bind(EditLine *el, const char *key, const char *fn); /* EL_BIND key fn NULL */
/* Terminal columns as libedit knows them (EL_GETTC "co"); -1 if unknown. */
int shim_el_columns(EditLine *el);

/* el_gets with a reader (EL_GETCFN) that waits in pselect, so a SIGINT (flag
   set by shim_sigint_install's handler) or a shim_el_wake that arrives at any
   moment ends the read: *interrupted is set to 1 for SIGINT, and to 2 (with
   NULL returned) for shim_el_wake. While it waits, a SIGINT handled on another
   thread is forwarded to this one. */
const char *shim_el_gets(EditLine *el, int *count, int *interrupted);
/* From any thread: makes the running (or the next) shim_el_gets return at
   once with *interrupted = 2. Async-signal-safe. */
void shim_el_wake(void);
/* From any thread: as if SIGINT had reached the running (or the next)
   shim_el_gets (*interrupted = 1). For a SIGINT that something else (a
   dispatch signal source) received. Async-signal-safe. */
void shim_el_interrupt(void);

/* ---- history() ---------------------------------------------------------- */

int shim_history_setsize(History *h, int n);
int shim_history_setunique(History *h, int on);
int shim_history_enter(History *h, const char *line);
int shim_history_save(History *h, const char *path);
int shim_history_load(History *h, const char *path);
/* Iterate oldest to newest: first, then next until NULL. */
const char *shim_history_first(History *h);
const char *shim_history_next(History *h);

/* ---- SIGINT while reading ----------------------------------------------- */

/* Installs a flag-setting SIGINT handler without SA_RESTART (so a blocked
   read fails with EINTR) and clears the flag, and the handler of the signal
   shim_el_wake sends (SIGUSR1). Returns 0 on success. */
int shim_sigint_install(void);
/* Puts back the disposition saved by shim_sigint_install. */
void shim_sigint_restore(void);

/* ---- terminal and stdio ------------------------------------------------- */

/* Columns of the terminal on fd (TIOCGWINSZ); -1 if fd is not a terminal. */
int shim_fd_columns(int fd);
/* fputs(s, stdout); fflush(stdout). */
void shim_out(const char *s);

#endif
