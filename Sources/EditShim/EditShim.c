#include "EditShim.h"
#include <errno.h>
#include <limits.h>
#include <sys/select.h>
#include <wchar.h>
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
static volatile sig_atomic_t wake_seen = 0;
static struct sigaction sigint_saved, wake_saved;
static int sigint_installed = 0;

static pthread_t reader_thread;
static volatile sig_atomic_t reading = 0;

/* The signal shim_el_wake sends to the reading thread: none of libedit's own (it re-raises
   those to the whole process group). */
#define WAKE_SIGNAL SIGUSR1

/* A process-directed SIGINT may land on any thread (Swift's cooperative pool, SwiftNIO's event
   loops), and only the thread blocked in read() gets EINTR; so a handler running elsewhere
   forwards the signal to the reading thread. pthread_kill is async-signal-safe. */
static void sigint_flag(int signo) {
    sigint_seen = 1;
    if (reading && !pthread_equal(pthread_self(), reader_thread)) pthread_kill(reader_thread, signo);
}

/* Only cuts pselect short; shim_el_wake and shim_el_interrupt set their flag before sending. */
static void wake_flag(int signo) {
    (void)signo;
}

/* The reading thread's signal mask while it waits for a key: SIGINT and the wake signal, blocked
   elsewhere in shim_el_gets, are let through only inside pselect, so one that arrives just before
   the wait still ends it (a plain read() would miss it and wait for the next key). */
static sigset_t waiting_mask;

/* EL_GETCFN: one character from standard input, decoded by the locale (UTF-8), or -1 with EINTR
   once SIGINT or shim_el_wake asked to stop. Other signals (resize, suspend) do not end the read. */
static int shim_getc(EditLine *el, wchar_t *wc) {
    (void)el;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (sigint_seen || wake_seen) { errno = EINTR; return -1; }
        fd_set ready;
        FD_ZERO(&ready);
        FD_SET(STDIN_FILENO, &ready);
        if (pselect(STDIN_FILENO + 1, &ready, NULL, NULL, NULL, &waiting_mask) < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        char byte;
        ssize_t n = read(STDIN_FILENO, &byte, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        if (n == 0) return 0;
        size_t decoded = mbrtowc(wc, &byte, 1, &state);
        if (decoded == (size_t)-2) continue;
        if (decoded == (size_t)-1) { *wc = (wchar_t)(unsigned char)byte; memset(&state, 0, sizeof state); }
        return 1;
    }
}

const char *shim_el_gets(EditLine *el, int *count, int *interrupted) {
    /* The reading thread may block signals: let the terminal's signals reach it while it reads,
       so libedit sees resizes, suspends and hangups; SIGINT and the wake signal only inside
       shim_getc's pselect. */
    sigset_t terminal_signals, stopping_signals, saved_mask;
    sigemptyset(&terminal_signals);
    int signals[] = { SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH, SIGHUP, SIGTERM };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaddset(&terminal_signals, signals[i]);
    sigemptyset(&stopping_signals);
    sigaddset(&stopping_signals, SIGINT);
    sigaddset(&stopping_signals, WAKE_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &terminal_signals, &saved_mask);
    pthread_sigmask(SIG_BLOCK, &stopping_signals, NULL);
    pthread_sigmask(SIG_SETMASK, NULL, &waiting_mask);
    sigdelset(&waiting_mask, SIGINT);
    sigdelset(&waiting_mask, WAKE_SIGNAL);
    el_set(el, EL_GETCFN, shim_getc);
    reader_thread = pthread_self();
    reading = 1;
    errno = 0; /* el_gets leaves errno alone on EOF: a stale EINTR would look like Ctrl-C */
    const char *line = el_gets(el, count);
    int saved_errno = errno;
    reading = 0;
    pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
    errno = saved_errno;
    if (wake_seen) {
        wake_seen = 0;
        *interrupted = 2;
        return NULL;
    }
    *interrupted = sigint_seen ? 1 : 0;
    sigint_seen = 0;
    return line;
}

void shim_el_wake(void) {
    wake_seen = 1;
    if (reading) pthread_kill(reader_thread, WAKE_SIGNAL);
}

void shim_el_interrupt(void) {
    sigint_seen = 1;
    if (reading) pthread_kill(reader_thread, WAKE_SIGNAL);
}

int shim_sigint_install(void) {
    struct sigaction sa, wake;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigint_flag;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: the blocked read must fail with EINTR */
    memset(&wake, 0, sizeof wake);
    wake.sa_handler = wake_flag;
    sigemptyset(&wake.sa_mask);
    wake.sa_flags = 0;
    sigint_seen = 0; /* a Ctrl-C before the prompt is drawn does not count */
    if (sigaction(SIGINT, &sa, sigint_installed ? NULL : &sigint_saved) != 0) return -1;
    if (sigaction(WAKE_SIGNAL, &wake, sigint_installed ? NULL : &wake_saved) != 0) return -1;
    sigint_installed = 1;
    return 0;
}

void shim_sigint_restore(void) {
    if (!sigint_installed) return;
    sigaction(SIGINT, &sigint_saved, NULL);
    sigaction(WAKE_SIGNAL, &wake_saved, NULL);
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
