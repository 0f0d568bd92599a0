#include "EditShim.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Marks the start and end of non-printing prompt text (EL_PROMPT_ESC). */
#define PROMPT_IGNORE '\1'

typedef struct {
    char *prompt;
    void *user;
} shim_client;

static shim_client *client_of(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static char *prompt_fn(EditLine *el) {
    shim_client *c = client_of(el);
    return (c && c->prompt) ? c->prompt : "";
}

EditLine *shim_el_init(const char *prog, void *user) {
    shim_client *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->user = user;
    EditLine *el = el_init(prog, stdin, stdout, stderr);
    if (!el) { free(c); return NULL; }
    el_set(el, EL_CLIENTDATA, c);
    return el;
}

void shim_el_end(EditLine *el) {
    shim_client *c = client_of(el);
    el_end(el);
    if (c) { free(c->prompt); free(c); }
}

void *shim_el_user(EditLine *el) {
    shim_client *c = client_of(el);
    return c ? c->user : NULL;
}

int shim_el_set_prompt(EditLine *el, const char *prompt) {
    shim_client *c = client_of(el);
    if (!c) return -1;
    char *copy = strdup(prompt);
    if (!copy) return -1;
    free(c->prompt);
    c->prompt = copy;
    return el_set(el, EL_PROMPT_ESC, prompt_fn, PROMPT_IGNORE);
}

int shim_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }

const char *shim_el_get_editor(EditLine *el) {
    const char *mode = NULL;
    return el_get(el, EL_EDITOR, &mode) == 0 ? mode : NULL;
}

int shim_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int shim_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int shim_el_addfn(EditLine *el, const char *name, const char *help,
                  unsigned char (*fn)(EditLine *, int)) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int shim_el_bind(EditLine *el, const char *key, const char *fn) {
    return el_set(el, EL_BIND, key, fn, NULL);
}

int shim_el_columns(EditLine *el) {
    int cols = -1;
    if (el_get(el, EL_GETTC, "co", &cols, NULL) != 0) return -1;
    return cols;
}

static volatile sig_atomic_t sigint_seen = 0;
static struct sigaction sigint_saved;
static int sigint_installed = 0;

static pthread_t reader_thread;
static volatile sig_atomic_t reading = 0;

/* A process-directed SIGINT may land on any thread (Swift's cooperative pool, SwiftNIO's event
   loops), and only the thread blocked in read() gets EINTR; so a handler running elsewhere
   forwards the signal to the reading thread. pthread_kill is async-signal-safe. */
static void sigint_flag(int signo) {
    sigint_seen = 1;
    if (reading && !pthread_equal(pthread_self(), reader_thread)) pthread_kill(reader_thread, signo);
}

const char *shim_el_gets(EditLine *el, int *count, int *interrupted) {
    /* Swift runs this on a libdispatch worker, which blocks most signals: let the terminal's
       signals reach this thread while it reads, so Ctrl-C interrupts read() and libedit sees
       resizes, suspends and hangups. */
    sigset_t terminal_signals, saved_mask;
    sigemptyset(&terminal_signals);
    int signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH, SIGHUP, SIGTERM };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&terminal_signals, signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &terminal_signals, &saved_mask);
    sigint_seen = 0;
    reader_thread = pthread_self();
    reading = 1;
    errno = 0; /* el_gets leaves errno alone on EOF: a stale EINTR would look like Ctrl-C */
    const char *line = el_gets(el, count);
    int saved_errno = errno;
    reading = 0;
    pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
    errno = saved_errno;
    *interrupted = (sigint_seen || errno == EINTR) ? 1 : 0;
    return line;
}

int shim_sigint_install(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigint_flag;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: the blocked read must fail with EINTR */
    sigint_seen = 0;
    if (sigaction(SIGINT, &sa, sigint_installed ? NULL : &sigint_saved) != 0) return -1;
    sigint_installed = 1;
    return 0;
}

void shim_sigint_restore(void) {
    if (!sigint_installed) return;
    sigaction(SIGINT, &sigint_saved, NULL);
    sigint_installed = 0;
}

int shim_history_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
int shim_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
int shim_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
int shim_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
int shim_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }

const char *shim_history_first(History *h) {
    HistEvent ev;
    return history(h, &ev, H_LAST) < 0 ? NULL : ev.str;
}

const char *shim_history_next(History *h) {
    HistEvent ev;
    return history(h, &ev, H_PREV) < 0 ? NULL : ev.str;
}

int shim_fd_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return -1;
    return ws.ws_col;
}

void shim_out(const char *s) { fputs(s, stdout); fflush(stdout); }
