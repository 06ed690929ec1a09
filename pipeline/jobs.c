/* jobs.c — background jobs (see jobs.h).
 *
 * One job = one child process (fork) in its own process group, with a pipe back to the
 * parent. The child never returns into the caller's code: it builds a fresh runtime, runs
 * `& $block @args *>&1` there (every stream merged, so each record arrives as an object),
 * serializes each record onto the pipe and leaves with _exit (no atexit handlers, no
 * stdio flush of the parent's buffers, no LeakSanitizer report of the parent's heap).
 * The parent polls: it reads what the pipe holds (non-blocking), reaps the child with
 * waitpid(pid, WNOHANG) — never waitpid(-1), so native commands' waits are untouched and
 * no SIGCHLD handler is needed — and updates the job object. Every job cmdlet, the job's
 * State property and its table view poll, so `while ($j.State -eq 'Running')` works. */
#include "jobs.h"

#include "errors.h"
#include "intrinsics.h"
#include "pipe.h"
#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define A(...)  ((const char *const[]){__VA_ARGS__, NULL})
#define EX(...) ((const hv_example[]){__VA_ARGS__, {.title = NULL}})

/* ====================================================================================
 * Job state
 * ==================================================================================== */

typedef enum {
    JS_NOTSTARTED = 0,
    JS_RUNNING,
    JS_COMPLETED,
    JS_FAILED,
    JS_STOPPED,
    JS_BLOCKED,
    JS_SUSPENDED,
    JS_DISCONNECTED,
    JS_SUSPENDING,
    JS_STOPPING,
    JS_ATBREAKPOINT
} jstate;
static const char *const jstate_names[] = {"NotStarted", "Running",  "Completed",   "Failed",
                                           "Stopped",    "Blocked",  "Suspended",   "Disconnected",
                                           "Suspending", "Stopping", "AtBreakpoint"};
static const int32_t jstate_values[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
static const hv_enum_def jstate_enum = {
    .type_name = "System.Management.Automation.JobState",
    .names = jstate_names,
    .values = jstate_values,
    .count = 11,
};

/* Streams on the wire (1..6 as pwsh numbers them), plus host text the child's runtime
 * printed itself (statement-terminating errors it reported, Out-Host) and the reason a
 * job failed. */
enum {
    ST_OUTPUT = 1,
    ST_ERROR,
    ST_WARNING,
    ST_VERBOSE,
    ST_DEBUG,
    ST_INFO,
    ST_HOSTOUT,
    ST_HOSTERR,
    ST_NSTREAMS,
    ST_REASON = 0x10
};

typedef enum { JT_BACKGROUND, JT_THREAD, JT_TASK } jtype;

typedef struct {
    int refs;  /* job objects sharing it (the parent job and its child job) */
    pid_t pid; /* 0 = not started / reaped */
    int fd;    /* read end of the pipe, -1 when closed */
    jstate state;
    jtype type;
    bool stop_requested, eof;
    int throttle;                  /* ThreadJob: at most this many running at once */
    hv_buf rbuf;                   /* bytes read, not yet parsed */
    hv_value streams[ST_NSTREAMS]; /* HV_ARRAYs of received records per stream */
    hv_value reason;               /* the terminating ErrorRecord of a Failed job */
    int64_t begin_ticks, end_ticks;
    /* what the child runs (kept until it is started: a queued ThreadJob starts later) */
    const hv_module_def *const *modules;
    hv_value text, init, args, input, usings; /* usings: HV_TABLE name -> value */
    hv_value workdir;                         /* HV_STRING, or null: the caller's */
    bool has_input;
} jobrec;

typedef struct {
    hv_value list; /* HV_ARRAY of job objects, oldest first */
    int next_id;
    hv_value live_state; /* the State script property's block (job_new) */
} jstate_t;

static jstate_t *
jobs_of(hv_ctx *ctx)
{
    void **slot = hv_intrinsics_jobs_slot(ctx);
    if (!*slot) {
        jstate_t *s = hv_xcalloc(1, sizeof *s);
        s->list = hv_array_new(4);
        s->next_id = 1;
        *slot = s;
    }
    return *slot;
}

static void
rec_release(void *p)
{
    jobrec *j = p;
    if (!j || --j->refs > 0)
        return;
    if (j->pid > 0) {
        /* the last reference went away while it runs (the session ends) */
        kill(-j->pid, SIGKILL);
        while (waitpid(j->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    if (j->fd >= 0)
        close(j->fd);
    hv_buf_free(&j->rbuf);
    for (int i = 0; i < ST_NSTREAMS; i++)
        hv_unref(j->streams[i]);
    hv_unref(j->reason);
    hv_unref(j->text);
    hv_unref(j->init);
    hv_unref(j->args);
    hv_unref(j->input);
    hv_unref(j->usings);
    hv_unref(j->workdir);
    free(j);
}

/* ====================================================================================
 * Serialization (child -> parent): a tagged binary form of the values pwsh's
 * serializer keeps typed; other objects become property bags whose object-valued
 * properties are their ToString() (pwsh's serialization depth 1 for job output);
 * lists come back as ArrayLists.
 * ==================================================================================== */

static void
put_u32(hv_buf *b, uint32_t v)
{
    hv_buf_put(b, (const char *)&v, sizeof v);
}

static void
put_i64(hv_buf *b, int64_t v)
{
    hv_buf_put(b, (const char *)&v, sizeof v);
}

static void
put_str(hv_buf *b, const char *s, size_t n)
{
    put_u32(b, (uint32_t)n);
    hv_buf_put(b, s, n);
}

static void
put_cstr(hv_buf *b, const char *s)
{
    put_str(b, s ? s : "", s ? strlen(s) : 0);
}

static void ser_value(hv_buf *b, const hv_value *v, int depth);

static void
ser_string_of(hv_buf *b, const hv_value *v)
{
    HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
    hv_buf_putc(b, 'Z');
    put_str(b, hv_str_cstr(&s), hv_str_len(&s));
}

static void
ser_error(hv_buf *b, const hv_value *rec)
{
    hv_buf_putc(b, 'E');
    put_cstr(b, hv_err_exception_type(rec));
    put_cstr(b, hv_err_message(rec));
    const hv_value *ci = hv_obj_get(rec, "CategoryInfo");
    const hv_value *cat = ci && ci->kind == HV_OBJECT ? hv_obj_get(ci, "Category") : NULL;
    put_u32(b, cat && cat->kind == HV_ENUM ? (uint32_t)cat->aux : 0);
    put_cstr(b, hv_err_fqid(rec));
    const hv_value *t = hv_obj_get(rec, "TargetObject");
    if (t && t->kind != HV_OBJECT)
        ser_value(b, t, 1);
    else if (t && t->kind == HV_OBJECT)
        ser_string_of(b, t);
    else
        hv_buf_putc(b, 'N');
    hv_buf_putc(b, hv_err_was_thrown(rec) ? 1 : 0);
    /* the command that wrote it: the concise view's "Get-Item: ..." prefix */
    const hv_value *inv = hv_obj_get(rec, "InvocationInfo");
    const hv_value *mc = inv && inv->kind == HV_OBJECT ? hv_obj_get(inv, "MyCommand") : NULL;
    HV_AUTO hv_value mcs = mc && mc->kind != HV_NULL ? hv_conv_to_string(mc, NULL) : hv_str("");
    put_str(b, hv_str_cstr(&mcs), hv_str_len(&mcs));
}

static void
ser_value(hv_buf *b, const hv_value *v, int depth)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL:
        hv_buf_putc(b, 'N');
        return;
    case HV_BOOL:
        hv_buf_putc(b, 'B');
        hv_buf_putc(b, v->u.b ? 1 : 0);
        return;
    case HV_INT:
    case HV_DOUBLE:
    case HV_CHAR:
    case HV_DATETIME:
    case HV_TIMESPAN:
        hv_buf_putc(b, v->kind == HV_INT        ? 'I'
                       : v->kind == HV_DOUBLE   ? 'D'
                       : v->kind == HV_CHAR     ? 'C'
                       : v->kind == HV_DATETIME ? 'T'
                                                : 'S');
        hv_buf_putc(b, (char)v->sub);
        put_i64(b, v->u.i);
        return;
    case HV_STRING:
        hv_buf_putc(b, 'Z');
        put_str(b, hv_str_cstr(v), hv_str_len(v));
        return;
    case HV_ARRAY:
        hv_buf_putc(b, 'A');
        put_u32(b, (uint32_t)hv_array_len(v));
        for (size_t i = 0; i < hv_array_len(v); i++)
            ser_value(b, hv_array_at(v, i), depth);
        return;
    case HV_TABLE: {
        hv_buf_putc(b, 'H');
        hv_buf_putc(b, (char)hv_table_flags(v));
        put_u32(b, (uint32_t)hv_table_count(v));
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            ser_value(b, k, depth);
            ser_value(b, val, depth);
        }
        return;
    }
    case HV_OBJECT:
        if (hv_err_is_record(v)) {
            ser_error(b, v);
            return;
        }
        if (depth >= 1) {
            ser_string_of(b, v);
            return;
        }
        hv_buf_putc(b, 'O');
        put_i64(b, (int64_t)(intptr_t)hv_obj_class_of(v));
        put_u32(b, (uint32_t)hv_obj_typename_count(v));
        for (size_t i = 0; i < hv_obj_typename_count(v); i++)
            put_cstr(b, hv_obj_typename_at(v, i));
        put_u32(b, (uint32_t)hv_obj_count(v));
        for (size_t i = 0; i < hv_obj_count(v); i++) {
            put_cstr(b, hv_obj_name_at(v, i));
            ser_value(b, hv_obj_value_at(v, i), depth + 1);
        }
        return;
    default: /* enums, script blocks, types, boxed natives: their text, as pwsh shows them */
        ser_string_of(b, v);
        return;
    }
}

typedef struct {
    const char *p, *end;
    bool bad;
} reader;

static bool
get_raw(reader *r, void *out, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        memset(out, 0, n);
        return false;
    }
    memcpy(out, r->p, n);
    r->p += n;
    return true;
}

static uint32_t
get_u32(reader *r)
{
    uint32_t v;
    get_raw(r, &v, sizeof v);
    return v;
}

static uint8_t
get_u8(reader *r)
{
    uint8_t v;
    get_raw(r, &v, 1);
    return v;
}

/* A string: pointer into the buffer (not NUL-terminated) and its length. */
static const char *
get_str(reader *r, size_t *n)
{
    *n = get_u32(r);
    if (r->bad || (size_t)(r->end - r->p) < *n) {
        r->bad = true;
        *n = 0;
        return "";
    }
    const char *s = r->p;
    r->p += *n;
    return s;
}

static char *
get_cstr(reader *r)
{
    size_t n;
    const char *s = get_str(r, &n);
    return hv_xstrndup(s, n);
}

static hv_value de_value(reader *r);

static hv_value
de_error(reader *r)
{
    char *exc = get_cstr(r);
    char *msg = get_cstr(r);
    uint32_t cat = get_u32(r);
    char *fqid = get_cstr(r);
    HV_AUTO hv_value target = de_value(r);
    bool thrown = get_u8(r) != 0;
    char *command = get_cstr(r);
    hv_value rec = hv_err_make(*exc ? exc : NULL, msg,
                               cat < HV_CAT__COUNT ? (hv_err_category)cat : HV_CAT_NotSpecified,
                               fqid, &target, *command ? command : NULL, NULL);
    if (thrown)
        hv_err_set_thrown(&rec);
    free(exc);
    free(msg);
    free(fqid);
    free(command);
    return rec;
}

static hv_value
de_object(reader *r)
{
    int64_t cls_bits;
    get_raw(r, &cls_bits, sizeof cls_bits);
    /* the child is a fork of this process: the class descriptor is the same static data,
     * so the deserialized bag keeps its default views (pwsh formats Deserialized.X with
     * X's view) without its native payload */
    const hv_obj_class *cls = (const hv_obj_class *)(intptr_t)cls_bits;
    uint32_t ntn = get_u32(r);
    char **tn = hv_xcalloc(ntn + 1, sizeof *tn);
    for (uint32_t i = 0; i < ntn && !r->bad; i++)
        tn[i] = get_cstr(r);
    hv_value o = hv_obj_new(cls);
    uint32_t np = get_u32(r);
    for (uint32_t i = 0; i < np && !r->bad; i++) {
        char *name = get_cstr(r);
        hv_obj_set(&o, name, de_value(r));
        free(name);
    }
    for (uint32_t i = ntn; i-- > 0;) {
        if (tn[i]) {
            char *d = hv_xasprintf("Deserialized.%s", tn[i]);
            hv_obj_add_typename(&o, d);
            free(d);
        }
        free(tn[i]);
    }
    free(tn);
    return o;
}

static hv_value
de_value(reader *r)
{
    uint8_t tag = get_u8(r);
    switch (tag) {
    case 'N':
        return hv_null();
    case 'B':
        return hv_bool(get_u8(r) != 0);
    case 'I':
    case 'D':
    case 'C':
    case 'T':
    case 'S': {
        uint8_t sub = get_u8(r);
        hv_value v = {.kind = tag == 'I'   ? HV_INT
                              : tag == 'D' ? HV_DOUBLE
                              : tag == 'C' ? HV_CHAR
                              : tag == 'T' ? HV_DATETIME
                                           : HV_TIMESPAN,
                      .sub = sub};
        get_raw(r, &v.u.i, sizeof v.u.i);
        return v;
    }
    case 'Z': {
        size_t n;
        const char *s = get_str(r, &n);
        return hv_strn(s, n);
    }
    case 'A': {
        uint32_t n = get_u32(r);
        hv_value a = hv_array_new(n < 4096 ? n : 4096);
        for (uint32_t i = 0; i < n && !r->bad; i++)
            hv_array_push(&a, de_value(r));
        a.sub = HV_TA_LIST; /* pwsh deserializes every list as an ArrayList */
        return a;
    }
    case 'H': {
        unsigned flags = get_u8(r);
        uint32_t n = get_u32(r);
        hv_value t = hv_table_new(flags);
        for (uint32_t i = 0; i < n && !r->bad; i++) {
            hv_value k = de_value(r);
            hv_value v = de_value(r);
            hv_table_set(&t, k, v);
        }
        return t;
    }
    case 'O':
        return de_object(r);
    case 'E':
        return de_error(r);
    default:
        r->bad = true;
        return hv_null();
    }
}

/* ====================================================================================
 * The child
 * ==================================================================================== */

typedef struct {
    hv_sink sink;
    int fd;
} child_out;

static void
write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(3); /* the parent is gone */
        p += w;
        n -= (size_t)w;
    }
}

static void
send_msg(int fd, int stream, const hv_buf *payload)
{
    hv_buf b = {0};
    hv_buf_putc(&b, (char)stream);
    put_u32(&b, (uint32_t)payload->len);
    hv_buf_put(&b, payload->data ? payload->data : "", payload->len);
    write_all(fd, b.data, b.len);
    hv_buf_free(&b);
}

static void
send_value(int fd, int stream, const hv_value *v)
{
    hv_buf p = {0};
    ser_value(&p, v, 0);
    send_msg(fd, stream, &p);
    hv_buf_free(&p);
}

static int
record_stream(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return ST_OUTPUT;
    if (hv_err_is_record(v))
        return ST_ERROR;
    const char *tn = hv_obj_typename_at(v, 0);
    static const struct {
        const char *name;
        int stream;
    } map[] = {{"System.Management.Automation.WarningRecord", ST_WARNING},
               {"System.Management.Automation.VerboseRecord", ST_VERBOSE},
               {"System.Management.Automation.DebugRecord", ST_DEBUG},
               {"System.Management.Automation.InformationRecord", ST_INFO}};
    for (size_t i = 0; tn && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(tn, map[i].name) == 0)
            return map[i].stream;
    return ST_OUTPUT;
}

static hv_status
child_put(hv_ctx *ctx, hv_sink *self, hv_value v)
{
    (void)ctx;
    child_out *co = (child_out *)self;
    if (v.kind == HV_NULL && v.sub == HV_SUB_AUTOMATION_NULL)
        return HV_OK;
    int st = record_stream(&v);
    if (st == ST_WARNING || st == ST_VERBOSE || st == ST_DEBUG) {
        const hv_value *m = hv_obj_get(&v, "Message");
        HV_AUTO hv_value s = m ? hv_conv_to_string(m, NULL) : hv_str("");
        send_value(co->fd, st, &s);
    } else if (st == ST_INFO) {
        /* MessageData and Tags are what Receive-Job needs to show Write-Host text */
        hv_value t = hv_table_new(HV_TABLE_ORDERED);
        const hv_value *m = hv_obj_get(&v, "MessageData");
        const hv_value *tags = hv_obj_get(&v, "Tags");
        hv_table_sets(&t, "MessageData", m ? hv_conv_to_string(m, NULL) : hv_str(""));
        hv_table_sets(&t, "Tags", tags ? hv_ref(tags) : hv_array_new(0));
        send_value(co->fd, st, &t);
        hv_unref(t);
    } else {
        send_value(co->fd, st, &v);
    }
    hv_unref(v);
    return HV_OK;
}

/* The child runtime's own host output: Out-Host text, and the errors it reports itself
 * at a statement boundary (a statement-terminating error outside try/trap: the script
 * goes on). Such an error is recorded in the child's $Error just before it is shown, so
 * the record itself is sent on the error stream, as pwsh's job writes it there; text
 * that belongs to no new record is forwarded as it is. */
typedef struct {
    int fd, stream;
    hv_ctx *ctx;
    const void *last_rec; /* the $Error[0] already sent */
} host_cookie;

static ssize_t
host_write(void *c, const char *buf, size_t n)
{
    host_cookie *hc = c;
    const hv_value *errs = hc->ctx ? &hc->ctx->error_list : NULL;
    if (hc->stream == ST_HOSTERR && errs && errs->kind == HV_ARRAY && hv_array_len(errs)) {
        const hv_value *rec = hv_array_at(errs, 0);
        if (rec->kind == HV_OBJECT && rec->u.h == hc->last_rec)
            return (ssize_t)n; /* more lines of the record just sent */
        if (hv_err_is_record(rec)) {
            hc->last_rec = rec->u.h;
            send_value(hc->fd, ST_ERROR, rec);
            return (ssize_t)n;
        }
    }
    hv_buf b = {0};
    hv_buf_putc(&b, 'Z');
    put_str(&b, buf, n);
    send_msg(hc->fd, hc->stream, &b);
    hv_buf_free(&b);
    return (ssize_t)n;
}

static FILE *
host_file(hv_ctx *ctx, int fd, int stream)
{
    host_cookie *hc = hv_xcalloc(1, sizeof *hc);
    hc->fd = fd;
    hc->stream = stream;
    hc->ctx = ctx;
    FILE *f = fopencookie(hc, "w", (cookie_io_functions_t){.write = host_write});
    if (f)
        setvbuf(f, NULL, _IOLBF, 0);
    return f;
}

static void
send_reason(int fd, hv_value rec)
{
    if (!hv_err_is_record(&rec)) {
        hv_unref(rec);
        return;
    }
    send_value(fd, ST_REASON, &rec);
    hv_unref(rec);
}

static void
child_define(hv_ctx *c, const char *name, hv_value v)
{
    if (hv_scope_assign(c, NULL, name, v) != HV_OK) {
        hv_value e = hv_eval_take_error(c);
        hv_unref(e);
    }
}

static void
redirect_null(void)
{
    int nul = open("/dev/null", O_RDWR);
    if (nul < 0)
        return;
    dup2(nul, 0);
    dup2(nul, 1);
    dup2(nul, 2);
    if (nul > 2)
        close(nul);
}

static void
child_main(jobrec *j, int fd, pid_t parent)
{
    setpgid(0, 0); /* Ctrl-C at the terminal does not reach it; Stop-Job kills the group */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(2);
    signal(SIGINT, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    redirect_null();
    hv_runtime_clear_interrupt();
    if (j->workdir.kind == HV_STRING && chdir(hv_str_cstr(&j->workdir)) != 0)
        _exit(4); /* checked by Start-Job; gone since: the job fails */
    hv_ctx *c = hv_runtime_new(&(hv_runtime_opts){.modules = j->modules, .non_interactive = true});
    FILE *fo = host_file(c, fd, ST_HOSTOUT), *fe = host_file(c, fd, ST_HOSTERR);
    if (fo)
        c->out = fo;
    if (fe)
        c->errout = fe;
    const hv_value *k, *v;
    for (size_t it = 0; j->usings.kind == HV_TABLE && hv_table_next(&j->usings, &it, &k, &v);) {
        char *nm = hv_xasprintf("__hvusing_%s", hv_str_cstr(k));
        child_define(c, nm, hv_ref(v));
        free(nm);
    }
    child_out co = {.sink = {.put = child_put}, .fd = fd};
    hv_value blk;
    hv_status st = hv_eval_block_parse(c, hv_str_cstr(&j->text), hv_str_len(&j->text), &blk);
    if (st == HV_OK) {
        child_define(c, "__hvjob_sb", blk);
        child_define(c, "__hvjob_args",
                     j->args.kind == HV_ARRAY ? hv_ref(&j->args) : hv_array_new(0));
        child_define(c, "__hvjob_in", hv_ref(&j->input));
    }
    if (st == HV_OK && j->init.kind == HV_STRING) {
        hv_value ib;
        st = hv_eval_block_parse(c, hv_str_cstr(&j->init), hv_str_len(&j->init), &ib);
        if (st == HV_OK) {
            child_define(c, "__hvjob_init", ib);
            static const char isrc[] = ". $__hvjob_init *>&1"; /* dot: its functions stay */
            st = hv_eval_string(c, isrc, sizeof isrc - 1, "", &co.sink);
        }
    }
    if (st == HV_OK) {
        static const char with_in[] = "$__hvjob_in | & $__hvjob_sb @__hvjob_args *>&1";
        static const char no_in[] = "& $__hvjob_sb @__hvjob_args *>&1";
        const char *src = j->has_input ? with_in : no_in;
        st = hv_eval_string(c, src, strlen(src), "", &co.sink);
    }
    if (st == HV_ERR)
        send_reason(fd, hv_eval_take_error(c));
    if (fo)
        fflush(fo);
    if (fe)
        fflush(fe);
    /* _exit: the parent's atexit handlers (libvirt connections) and stdio buffers are
     * the parent's; LeakSanitizer would report the inherited heap */
    _exit(0);
}

/* ====================================================================================
 * The parent: starting, polling, stopping
 * ==================================================================================== */

static void
job_launch(jobrec *j)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) {
        j->state = JS_FAILED;
        j->reason = hv_err_make("System.InvalidOperationException", strerror(errno),
                                HV_CAT_ResourceUnavailable, "JobStartFailed", NULL, NULL, NULL);
        return;
    }
    /* room for a good amount of output before the child has to wait for a poll */
    fcntl(p[1], F_SETPIPE_SZ, 1 << 20);
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        child_main(j, p[1], parent);
    }
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        j->state = JS_FAILED;
        j->reason = hv_err_make("System.InvalidOperationException", strerror(errno),
                                HV_CAT_ResourceUnavailable, "JobStartFailed", NULL, NULL, NULL);
        return;
    }
    setpgid(pid, pid); /* also here: no race with a Stop-Job right after the start */
    fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
    j->pid = pid;
    j->fd = p[0];
    j->state = JS_RUNNING;
    j->begin_ticks = hv_dt_now_ticks(HV_DT_LOCAL);
    /* what it runs is the child's now */
    hv_unrefp(&j->input);
    hv_unrefp(&j->args);
    hv_unrefp(&j->usings);
}

static void
parse_messages(jobrec *j)
{
    size_t pos = 0;
    while (j->rbuf.len - pos >= 5) {
        uint8_t stream = (uint8_t)j->rbuf.data[pos];
        uint32_t len;
        memcpy(&len, j->rbuf.data + pos + 1, sizeof len);
        if (j->rbuf.len - pos - 5 < len)
            break;
        reader r = {.p = j->rbuf.data + pos + 5, .end = j->rbuf.data + pos + 5 + len};
        hv_value v = de_value(&r);
        pos += 5 + len;
        if (stream == ST_REASON) {
            hv_unref(j->reason);
            j->reason = v;
        } else if (stream >= 1 && stream < ST_NSTREAMS) {
            if (j->streams[stream].kind != HV_ARRAY)
                j->streams[stream] = hv_array_new(4);
            hv_array_push(&j->streams[stream], v);
        } else {
            hv_unref(v);
        }
    }
    if (pos) {
        memmove(j->rbuf.data, j->rbuf.data + pos, j->rbuf.len - pos);
        j->rbuf.len -= pos;
    }
}

static void
drain(jobrec *j)
{
    char buf[65536];
    while (j->fd >= 0) {
        ssize_t n = read(j->fd, buf, sizeof buf);
        if (n > 0) {
            hv_buf_put(&j->rbuf, buf, (size_t)n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0) {
            close(j->fd);
            j->fd = -1;
            j->eof = true;
        }
        break;
    }
    parse_messages(j);
}

/* Read what arrived; reap the child once it exited and its output is all in. */
static void
job_poll(jobrec *j)
{
    if (j->state != JS_RUNNING && j->state != JS_STOPPING)
        return;
    drain(j);
    if (j->pid <= 0)
        return;
    int status;
    pid_t r = waitpid(j->pid, &status, j->eof ? 0 : WNOHANG);
    if (r != j->pid)
        return;
    j->pid = 0;
    drain(j);
    if (j->fd >= 0) { /* a grandchild still holds the pipe: take what is there */
        close(j->fd);
        j->fd = -1;
    }
    j->end_ticks = hv_dt_now_ticks(HV_DT_LOCAL);
    if (j->stop_requested)
        j->state = JS_STOPPED;
    else if (j->reason.kind != HV_NULL || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        j->state = JS_FAILED;
    else
        j->state = JS_COMPLETED;
    if (j->state == JS_FAILED && j->reason.kind == HV_NULL)
        j->reason = hv_err_make("System.Management.Automation.RemoteException",
                                "The background process reported an error with the following "
                                "message: The job process exited unexpectedly.",
                                HV_CAT_OperationStopped, "JobFailure", NULL, NULL, NULL);
}

static bool
job_finished(const jobrec *j)
{
    return j->state == JS_COMPLETED || j->state == JS_FAILED || j->state == JS_STOPPED;
}

static void
job_stop(jobrec *j)
{
    if (j->state == JS_NOTSTARTED) {
        j->state = JS_STOPPED;
        j->end_ticks = hv_dt_now_ticks(HV_DT_LOCAL);
        return;
    }
    if (j->pid <= 0 || job_finished(j))
        return;
    j->stop_requested = true;
    kill(-j->pid, SIGKILL);
    kill(j->pid, SIGKILL);
    while (j->pid > 0 && !job_finished(j)) {
        j->eof = true; /* wait for the exit, not for grandchildren holding the pipe */
        job_poll(j);
    }
}

/* pwsh: a job that still runs may have more data (its streams are open). */
static bool
has_data(const jobrec *j)
{
    if (!job_finished(j))
        return true;
    for (int i = 1; i < ST_NSTREAMS; i++)
        if (j->streams[i].kind == HV_ARRAY && hv_array_len(&j->streams[i]))
            return true;
    return j->reason.kind != HV_NULL;
}

/* ====================================================================================
 * Job objects
 * ==================================================================================== */

static jobrec *rec_of(const hv_value *job);

static hv_value
view_state(const hv_value *self)
{
    jobrec *j = rec_of(self);
    if (!j)
        return hv_str("");
    job_poll(j);
    return hv_enum(&jstate_enum, (int32_t)j->state);
}

static hv_value
view_more(const hv_value *self)
{
    jobrec *j = rec_of(self);
    if (!j)
        return hv_bool(false);
    job_poll(j);
    return hv_bool(has_data(j));
}

static const hv_view_column job_view[] = {
    {.label = "Id", .property = "Id", .width = 6, .align = -1},
    {.label = "Name", .property = "Name", .width = 15, .align = -1},
    {.label = "PSJobTypeName", .property = "PSJobTypeName", .width = 15, .align = -1},
    {.label = "State", .compute = view_state, .width = 13, .align = -1},
    {.label = "HasMoreData", .compute = view_more, .width = 15, .align = -1},
    {.label = "Location", .property = "Location", .width = 20, .align = -1},
    {.label = "Command", .property = "Command", .align = -1},
    {0},
};

static hv_value
job_to_string(const hv_value *self)
{
    (void)self;
    return hv_str("System.Management.Automation.PSRemotingJob");
}

static const hv_obj_class job_class = {
    .type_name = "System.Management.Automation.PSRemotingJob",
    .base_types = (const char *const[]){"System.Management.Automation.Job", "System.Object", NULL},
    .table_view = job_view,
    .default_props = (const char *const[]){"Id", "Name", "PSJobTypeName", "State", "HasMoreData",
                                           "Location", "Command", NULL},
    .to_string = job_to_string,
    .finalize = rec_release,
};
static const hv_obj_class thread_job_class = {
    .type_name = "ThreadJob.ThreadJob",
    .base_types = (const char *const[]){"System.Management.Automation.Job2",
                                        "System.Management.Automation.Job", "System.Object", NULL},
    .table_view = job_view,
    .default_props = (const char *const[]){"Id", "Name", "PSJobTypeName", "State", "HasMoreData",
                                           "Location", "Command", NULL},
    .finalize = rec_release,
};
static const hv_obj_class child_job_class = {
    .type_name = "System.Management.Automation.PSRemotingChildJob",
    .base_types = (const char *const[]){"System.Management.Automation.Job", "System.Object", NULL},
    .table_view = job_view,
    .finalize = rec_release,
};
static const hv_obj_class state_info_class = {
    .type_name = "System.Management.Automation.JobStateInfo",
};

static bool
is_job(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return false;
    const hv_obj_class *c = hv_obj_class_of(v);
    return c == &job_class || c == &thread_job_class || c == &child_job_class;
}

static jobrec *
rec_of(const hv_value *job)
{
    return is_job(job) ? hv_obj_native(job) : NULL;
}

static int64_t
job_id(const hv_value *job)
{
    const hv_value *id = hv_obj_get(job, "Id");
    return id && id->kind == HV_INT ? id->u.i : -1;
}

/* Bring the object's plain properties in line with the process. */
static void
job_sync(hv_value *job)
{
    jobrec *j = rec_of(job);
    if (!j)
        return;
    job_poll(j);
    hv_value si = hv_obj_new(&state_info_class);
    hv_obj_set(&si, "State", hv_enum(&jstate_enum, (int32_t)j->state));
    hv_obj_set(&si, "Reason",
               j->state == JS_FAILED && j->reason.kind != HV_NULL
                   ? hv_ref(hv_obj_get(&j->reason, "Exception"))
                   : hv_null());
    hv_obj_set(job, "JobStateInfo", si);
    hv_obj_set(job, "State", hv_enum(&jstate_enum, (int32_t)j->state));
    hv_obj_set(job, "HasMoreData", hv_bool(has_data(j)));
    hv_obj_set(job, "PSBeginTime",
               j->begin_ticks ? hv_datetime(j->begin_ticks, HV_DT_LOCAL) : hv_null());
    hv_obj_set(job, "PSEndTime",
               job_finished(j) && j->end_ticks ? hv_datetime(j->end_ticks, HV_DT_LOCAL)
                                               : hv_null());
    static const char *const names[] = {NULL,      "Output", "Error",      "Warning",
                                        "Verbose", "Debug",  "Information"};
    for (int i = 1; i <= ST_INFO; i++)
        hv_obj_set(job, names[i],
                   j->streams[i].kind == HV_ARRAY ? hv_ref(&j->streams[i]) : hv_array_new(0));
    const hv_value *kids = hv_obj_get(job, "ChildJobs");
    for (size_t i = 0; kids && kids->kind == HV_ARRAY && i < hv_array_len(kids); i++) {
        hv_value k = hv_ref(hv_array_at(kids, i));
        job_sync(&k);
        hv_unref(k);
    }
}

/* Start queued ThreadJobs while fewer than their throttle limit run. */
static void
schedule(jstate_t *s)
{
    int running = 0;
    for (size_t i = 0; i < hv_array_len(&s->list); i++) {
        jobrec *j = rec_of(hv_array_at(&s->list, i));
        if (j && j->type != JT_BACKGROUND && j->state == JS_RUNNING)
            running++;
    }
    for (size_t i = 0; i < hv_array_len(&s->list); i++) {
        jobrec *j = rec_of(hv_array_at(&s->list, i));
        if (j && j->state == JS_NOTSTARTED && running < j->throttle) {
            job_launch(j);
            running++;
        }
    }
}

static void
poll_all(hv_ctx *ctx)
{
    jstate_t *s = jobs_of(ctx);
    for (size_t i = 0; i < hv_array_len(&s->list); i++) {
        jobrec *j = rec_of(hv_array_at(&s->list, i));
        if (j)
            job_poll(j);
    }
    schedule(s);
    for (size_t i = 0; i < hv_array_len(&s->list); i++)
        job_sync(hv_array_items(&s->list) + i);
}

typedef struct {
    uint32_t start, end; /* byte offsets of `$using:name` in the unit's source */
    const char *name;
} using_ref;

typedef struct {
    using_ref *refs;
    size_t n;
} using_list;

static void
collect_usings(hv_ast *n, void *ud)
{
    if (n->kind == HV_AST_VARIABLE && n->u.var.scope == HV_VS_USING && n->u.var.name) {
        using_list *l = ud;
        l->refs = hv_xrealloc(l->refs, (l->n + 1) * sizeof *l->refs);
        l->refs[l->n++] = (using_ref){n->ext.start, n->ext.end, n->u.var.name};
    }
    hv_ast_visit_children(n, collect_usings, ud);
}

static int
using_cmp(const void *a, const void *b)
{
    const using_ref *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool
plain_name(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

/* Prepare what a job runs from source text (a range of a parsed unit, `root` its tree):
 * the $using: values are read now (pwsh copies them when the job starts) into *usings,
 * and each `$using:name` is renamed `$using:__hvusing_name` in *run_text: the child
 * defines __hvusing_name, so the plain $name stays undefined there, as in pwsh; a
 * -Parallel block nested in the job renames again and finds it. */
static hv_status
prepare_text(hv_ctx *ctx, hv_cmd *cmd, hv_ast *root, const hv_ast_unit *unit, const char *text,
             size_t len, hv_value *run_text, hv_value *usings)
{
    using_list l = {0};
    if (root)
        collect_usings(root, &l);
    if (l.n)
        qsort(l.refs, l.n, sizeof *l.refs, using_cmp);
    *usings = hv_table_new(0);
    *run_text = hv_null();
    size_t base = unit && unit->src && text >= unit->src && text <= unit->src + unit->len
                      ? (size_t)(text - unit->src)
                      : 0;
    hv_buf b = {0};
    size_t at = 0;
    for (size_t i = 0; i < l.n; i++) {
        const char *name = l.refs[i].name;
        if (!hv_table_gets(usings, name)) {
            hv_var *var = hv_scope_lookup(ctx, name);
            if (!var || var->removed) {
                free(l.refs);
                hv_buf_free(&b);
                hv_unrefp(usings);
                hv_value rec = hv_err_make("System.Management.Automation.RuntimeException", "",
                                           HV_CAT_InvalidOperation, "UsingVariableIsUndefined",
                                           NULL, cmd ? cmd->def->name : NULL, NULL);
                HV_AUTO hv_value msg = hv_strf("The value of the using variable '$using:%s' cannot "
                                               "be retrieved because it has not been set in the "
                                               "local session.",
                                               name);
                hv_value ex = hv_ref(hv_obj_get(&rec, "Exception"));
                hv_obj_set(&ex, "Message", hv_ref(&msg));
                hv_unref(ex);
                return cmd ? hv_throw(cmd, rec) : hv_eval_raise(ctx, rec, false);
            }
            hv_table_sets(usings, name, hv_ref(&var->value));
        }
        if (l.refs[i].start < base || l.refs[i].end > base + len || l.refs[i].start - base < at)
            continue;
        size_t s0 = l.refs[i].start - base, e0 = l.refs[i].end - base;
        hv_buf_put(&b, text + at, s0 - at);
        if (plain_name(name))
            hv_buf_printf(&b, "$using:__hvusing_%s", name);
        else
            hv_buf_printf(&b, "${using:__hvusing_%s}", name);
        at = e0;
    }
    hv_buf_put(&b, text + at, len - at);
    *run_text = hv_buf_finish(&b);
    free(l.refs);
    return HV_OK;
}

static hv_value
trimmed(const char *tx, size_t tl)
{
    while (tl && (*tx == ' ' || *tx == '\t' || *tx == '\n' || *tx == '\r'))
        tx++, tl--;
    while (tl &&
           (tx[tl - 1] == ' ' || tx[tl - 1] == '\t' || tx[tl - 1] == '\n' || tx[tl - 1] == '\r'))
        tl--;
    return hv_strn(tx, tl);
}

/* A background pipeline's text without its trailing '&' (the node may include it). */
static hv_value
no_amp(const char *src, size_t len)
{
    hv_value text = trimmed(src, len);
    const char *t = hv_str_cstr(&text);
    size_t tl = hv_str_len(&text);
    if (tl && t[tl - 1] == '&' && (tl < 2 || t[tl - 2] != '&')) {
        hv_value s2 = trimmed(t, tl - 1);
        hv_unref(text);
        return s2;
    }
    return text;
}

static const char *const type_names[] = {"BackgroundJob", "ThreadJob", "PSTaskJob"};

/* Make the job object (and pwsh's one child job of a BackgroundJob), register it and
 * start it (a ThreadJob over its throttle limit waits as NotStarted). Takes j. */
static hv_value
job_new(hv_ctx *ctx, jobrec *j, const char *name, const hv_value *command)
{
    jstate_t *s = jobs_of(ctx);
    int id = s->next_id;
    s->next_id += j->type == JT_BACKGROUND ? 2 : 1;
    hv_value job = hv_obj_new(j->type == JT_THREAD ? &thread_job_class : &job_class);
    j->refs = 1;
    hv_obj_set_native(&job, j);
    char dflt[32];
    snprintf(dflt, sizeof dflt, "Job%d", id);
    hv_obj_set(&job, "Id", hv_int(id));
    hv_obj_set(&job, "Name", hv_str(name ? name : dflt));
    hv_obj_set(&job, "PSJobTypeName", hv_str(type_names[j->type]));
    hv_obj_set(&job, "State", hv_enum(&jstate_enum, JS_NOTSTARTED));
    hv_obj_set(&job, "HasMoreData", hv_bool(false));
    hv_obj_set(&job, "Location", hv_str(j->type == JT_BACKGROUND ? "localhost" : "PowerShell"));
    hv_obj_set(&job, "Command", hv_ref(command));
    unsigned char g[16];
    if (getrandom(g, sizeof g, 0) != (ssize_t)sizeof g)
        for (size_t i = 0; i < sizeof g; i++)
            g[i] = (unsigned char)(rand() ^ id);
    g[6] = (unsigned char)((g[6] & 0x0f) | 0x40); /* a version-4 GUID, as Guid.NewGuid() */
    g[8] = (unsigned char)((g[8] & 0x3f) | 0x80);
    hv_obj_set(&job, "InstanceId", hv_guid_new(g));
    hv_value kids = hv_array_new(1);
    if (j->type == JT_BACKGROUND) {
        hv_value kid = hv_obj_new(&child_job_class);
        j->refs++;
        hv_obj_set_native(&kid, j);
        snprintf(dflt, sizeof dflt, "Job%d", id + 1);
        hv_obj_set(&kid, "Id", hv_int(id + 1));
        hv_obj_set(&kid, "Name", hv_str(dflt));
        hv_obj_set(&kid, "PSJobTypeName", hv_str(""));
        hv_obj_set(&kid, "Location", hv_str("localhost"));
        hv_obj_set(&kid, "Command", hv_ref(command));
        hv_obj_set(&kid, "ChildJobs", hv_array_new(0));
        hv_array_push(&kids, kid);
    }
    hv_obj_set(&job, "ChildJobs", kids);
    hv_array_push(&s->list, hv_ref(&job));
    if (j->type == JT_BACKGROUND)
        job_launch(j);
    else
        schedule(s);
    job_sync(&job);
    /* $job.State reads the process each time (scripts poll it in a loop) */
    static const char live[] = "$null = Microsoft.PowerShell.Core\\Wait-Job -Job $this "
                               "-Timeout 0; $this.JobStateInfo.State";
    if (s->live_state.kind == HV_NULL &&
        hv_eval_block_parse(ctx, live, sizeof live - 1, &s->live_state) != HV_OK) {
        hv_value e = hv_eval_take_error(ctx);
        hv_unref(e);
    }
    if (s->live_state.kind != HV_NULL)
        hv_add_script_member(ctx, &job, "State", "ScriptProperty", &s->live_state);
    return job;
}

static jobrec *
rec_new(hv_ctx *ctx, jtype type)
{
    jobrec *j = hv_xcalloc(1, sizeof *j);
    j->fd = -1;
    j->type = type;
    j->throttle = 5;
    j->modules = ctx->modules;
    return j;
}

/* ====================================================================================
 * Start-Job / Start-ThreadJob
 * ==================================================================================== */

enum { SJ_SET_BLOCK, SJ_SET_FILE };
enum {
    SJ_NAME,
    SJ_SCRIPTBLOCK,
    SJ_FILEPATH,
    SJ_INIT,
    SJ_INPUT,
    SJ_ARGS,
    SJ_THROTTLE,
    SJ_STREAMHOST,
    SJ_N
};

#define SJ_COMMON_PARAMS                                                                           \
    [SJ_NAME] = {.name = "Name",                                                                   \
                 .type = HV_PT_STRING,                                                             \
                 .position = HV_POS_NAMED,                                                         \
                 .help =                                                                           \
                     "Specifies a friendly name for the new job. The default is JobN, where N "    \
                     "is the job's Id."},                                                          \
    [SJ_SCRIPTBLOCK] = {.name = "ScriptBlock",                                                     \
                        .type = HV_PT_SCRIPTBLOCK,                                                 \
                        .position = 0,                                                             \
                        .flags = HV_PF_MANDATORY,                                                  \
                        .sets = HV_SET(SJ_SET_BLOCK),                                              \
                        .aliases = A("Command"),                                                   \
                        .help = "Specifies the commands to run in the background job. Variables "  \
                                "of the caller are not visible there: use $using:name."},          \
    [SJ_FILEPATH] = {.name = "FilePath",                                                           \
                     .type = HV_PT_STRING,                                                         \
                     .position = 0,                                                                \
                     .flags = HV_PF_MANDATORY,                                                     \
                     .sets = HV_SET(SJ_SET_FILE),                                                  \
                     .help = "Specifies a script file that the job runs."},                        \
    [SJ_INIT] = {.name = "InitializationScript",                                                   \
                 .type = HV_PT_SCRIPTBLOCK,                                                        \
                 .position = 1,                                                                    \
                 .help = "Specifies commands that run before the job starts."},                    \
    [SJ_INPUT] = {.name = "InputObject",                                                           \
                  .type = HV_PT_ANY,                                                               \
                  .position = HV_POS_NAMED,                                                        \
                  .flags = HV_PF_BY_VALUE,                                                         \
                  .help = "Specifies input to the command; $input enumerates it in the job."},     \
    [SJ_ARGS] = {.name = "ArgumentList",                                                           \
                 .type = HV_PT_ANY,                                                                \
                 .position = HV_POS_NAMED,                                                         \
                 .flags = HV_PF_ARRAY,                                                             \
                 .aliases = A("Args"),                                                             \
                 .help = "Specifies the values of the script's parameters ($args)."}

/* Start-Job's own row sits where Start-ThreadJob has -ThrottleLimit: read by name. */
static const hv_param_def sjb_params[] = {
    SJ_COMMON_PARAMS,
    [SJ_THROTTLE] = {.name = "WorkingDirectory",
                     .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .flags = HV_PF_NO_EMPTY,
                     .help = "Specifies the working directory of the job. The default is the "
                             "current location of the caller."},
    [SJ_STREAMHOST] = {.name = NULL},
};

static const hv_param_def stj_params[] = {
    SJ_COMMON_PARAMS,
    [SJ_THROTTLE] = {.name = "ThrottleLimit",
                     .type = HV_PT_INT32,
                     .position = HV_POS_NAMED,
                     .min = 1,
                     .max = 2147483647,
                     .help = "Specifies how many thread jobs run at once; the others wait as "
                             "NotStarted. The default is 5."},
    [SJ_STREAMHOST] = {.name = "StreamingHost",
                       .type = HV_PT_ANY,
                       .position = HV_POS_NAMED,
                       .help = "Accepted for compatibility: job output is returned by "
                               "Receive-Job."},
    [SJ_N] = {.name = NULL},
};

typedef struct {
    hv_value input; /* HV_ARRAY of pipeline input, or null */
} sj_state;

static hv_status
sj_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    sj_state *s = cmd->state;
    if (!hv_cmd_bound(cmd, SJ_INPUT))
        return HV_OK;
    if (s->input.kind != HV_ARRAY)
        s->input = hv_array_new(4);
    hv_array_push(&s->input, hv_ref(hv_cmd_arg(cmd, SJ_INPUT)));
    return HV_OK;
}

static hv_status
read_script_file(hv_cmd *cmd, const char *path, hv_value *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        HV_AUTO hv_value t = hv_str(path);
        return hv_throw(cmd,
                        hv_error_new_ex(cmd, "System.Management.Automation.ItemNotFoundException",
                                        HV_CAT_ObjectNotFound, "PathNotFound", &t,
                                        "Cannot find path '%s' because it does not exist.", path));
    }
    hv_buf b = {0};
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(&b, tmp, n);
    fclose(f);
    *out = hv_buf_finish(&b);
    return HV_OK;
}

/* Start a job for a script block value (prepare its text, read its $using: values) and
 * return the job object. Takes input (an HV_ARRAY of $input objects, or null). */
static hv_status
start_block(hv_cmd *cmd, const hv_value *blk, const hv_value *args, hv_value input,
            const hv_value *init, const char *name, jtype type, int throttle,
            const hv_value *workdir, hv_value *job)
{
    hv_ctx *ctx = cmd->ctx;
    *job = hv_null();
    HV_AUTO hv_value text = hv_conv_to_string(blk, NULL); /* as written: the job's Command */
    HV_AUTO hv_value run_text = hv_null();                /* what the child runs */
    HV_AUTO hv_value usings = hv_null();
    hv_ast *sb = (hv_ast *)hv_eval_block_ast(blk);
    const hv_ast_unit *unit = sb && sb->kind == HV_AST_SCRIPTBLOCK ? sb->u.sb.unit : NULL;
    size_t len = 0;
    const char *src = unit ? hv_ast_scriptblock_text(unit, sb, &len) : NULL;
    hv_status st = src ? prepare_text(ctx, cmd, sb, unit, src, len, &run_text, &usings)
                       : prepare_text(ctx, cmd, NULL, NULL, hv_str_cstr(&text), hv_str_len(&text),
                                      &run_text, &usings);
    if (st != HV_OK) {
        hv_unref(input);
        return st;
    }
    jobrec *j = rec_new(ctx, type);
    j->text = hv_ref(&run_text);
    j->init = init ? hv_conv_to_string(init, NULL) : hv_null();
    j->args = args && args->kind == HV_ARRAY ? hv_ref(args) : hv_null();
    j->usings = hv_steal(&usings);
    j->has_input = input.kind == HV_ARRAY;
    j->input = input;
    if (throttle > 0)
        j->throttle = throttle;
    j->workdir = workdir && workdir->kind == HV_STRING ? hv_ref(workdir) : hv_null();
    /* pwsh: the Command is the script block's text as written (ScriptBlock.ToString()) */
    *job = job_new(ctx, j, name, &text);
    return HV_OK;
}

hv_status
hv_jobs_start(hv_cmd *cmd, const hv_value *block, const hv_value *args, const hv_value *input,
              const char *name, const char *type_name, const char *location, hv_value *job)
{
    hv_status st = start_block(cmd, block, args, input ? hv_ref(input) : hv_null(), NULL, name,
                               JT_BACKGROUND, 0, NULL, job);
    if (st == HV_OK && type_name)
        hv_obj_set(job, "PSJobTypeName", hv_str(type_name));
    if (st == HV_OK && location)
        hv_obj_set(job, "Location", hv_str(location));
    return st;
}

static hv_status
sj_end(hv_cmd *cmd)
{
    hv_ctx *ctx = cmd->ctx;
    sj_state *s = cmd->state;
    bool thread = hv_str_eq_ci(cmd->def->name, "Start-ThreadJob");
    HV_AUTO hv_value fb = hv_null();
    const hv_value *blk = hv_cmd_arg(cmd, SJ_SCRIPTBLOCK);
    if (!blk) {
        const hv_value *fp = hv_cmd_arg(cmd, SJ_FILEPATH);
        if (!fp || fp->kind != HV_STRING)
            return HV_OK;
        HV_AUTO hv_value text = hv_null();
        hv_status st = read_script_file(cmd, hv_str_cstr(fp), &text);
        if (st == HV_OK) /* parsed here: its $using: names and syntax errors */
            st = hv_eval_block_parse(ctx, hv_str_cstr(&text), hv_str_len(&text), &fb);
        if (st != HV_OK)
            return st;
        blk = &fb;
    }
    const hv_value *wd = hv_cmd_argn(cmd, "WorkingDirectory");
    struct stat sb;
    if (wd && wd->kind == HV_STRING && (stat(hv_str_cstr(wd), &sb) != 0 || !S_ISDIR(sb.st_mode)))
        return hv_throw(cmd,
                        hv_error_new_ex(cmd, "System.Management.Automation.ItemNotFoundException",
                                        HV_CAT_ObjectNotFound, "DirectoryNotFound", wd,
                                        "Cannot find path '%s' because it does not exist.",
                                        hv_str_cstr(wd)));
    const hv_value *nm = hv_cmd_arg(cmd, SJ_NAME);
    int throttle =
        thread && hv_cmd_bound(cmd, SJ_THROTTLE) ? (int)hv_int_of(hv_cmd_arg(cmd, SJ_THROTTLE)) : 0;
    hv_value job;
    hv_status st =
        start_block(cmd, blk, hv_cmd_arg(cmd, SJ_ARGS), hv_steal(&s->input),
                    hv_cmd_arg(cmd, SJ_INIT), nm && nm->kind == HV_STRING ? hv_str_cstr(nm) : NULL,
                    thread ? JT_THREAD : JT_BACKGROUND, throttle, wd, &job);
    return st == HV_OK ? hv_emit(cmd, job) : st;
}

static void
sj_cleanup(hv_cmd *cmd)
{
    sj_state *s = cmd->state;
    hv_unrefp(&s->input);
}

hv_status
hv_jobs_background(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    size_t len;
    const hv_ast *root = node;
    while (root->parent && !(root->kind == HV_AST_SCRIPTBLOCK && root->u.sb.unit))
        root = root->parent;
    const hv_ast_unit *unit =
        root->kind == HV_AST_SCRIPTBLOCK && root->u.sb.unit ? root->u.sb.unit : ctx->cur_unit;
    const char *src = hv_ast_text(unit, node, &len);
    HV_AUTO hv_value text = no_amp(src, len);
    hv_value usings, run;
    hv_status st = prepare_text(ctx, NULL, node, unit, src, len, &run, &usings);
    if (st != HV_OK)
        return st;
    HV_AUTO hv_value run_text = no_amp(hv_str_cstr(&run), hv_str_len(&run));
    hv_unref(run);
    jobrec *j = rec_new(ctx, JT_BACKGROUND);
    j->text = hv_ref(&run_text);
    j->usings = usings;
    j->args = hv_null();
    j->input = hv_null();
    j->init = hv_null();
    ctx->last_success = true;
    return hv_sink_write(ctx, out, job_new(ctx, j, NULL, &text));
}

/* ====================================================================================
 * Get-Job, Wait-Job, Receive-Job, Stop-Job, Remove-Job
 * ==================================================================================== */

/* Parameter sets shared by the five: pwsh's names. */
enum { JB_SET_ID, JB_SET_JOB, JB_SET_NAME, JB_SET_STATE, JB_SET_COMMAND };
static const char *const jb_sets[] = {"SessionIdParameterSet", "JobParameterSet",
                                      "NameParameterSet",      "StateParameterSet",
                                      "CommandParameterSet",   NULL};
static const char *const jb_sets4[] = {"SessionIdParameterSet", "JobParameterSet",
                                       "NameParameterSet", "StateParameterSet", NULL};
static const char *const rcjb_sets[] = {"SessionIdParameterSet", "Location", "NameParameterSet",
                                        NULL};

#define JP_ID(pos)                                                                                 \
    {                                                                                              \
        .name = "Id", .type = HV_PT_INT32, .position = (pos),                                      \
        .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,                           \
        .sets = HV_SET(JB_SET_ID),                                                                 \
        .help = "Specifies the Ids of the jobs (the Id property: 1, 3, ...)."                      \
    }
#define JP_JOB                                                                                     \
    {                                                                                              \
        .name = "Job", .type = HV_PT_ANY, .position = 0,                                           \
        .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,          \
        .sets = HV_SET(JB_SET_JOB), .help = "Specifies the jobs (from Start-Job or Get-Job)."      \
    }
#define JP_NAME                                                                                    \
    {                                                                                              \
        .name = "Name", .type = HV_PT_STRING, .position = 0,                                       \
        .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,         \
        .sets = HV_SET(JB_SET_NAME), .help = "Specifies the friendly names of the jobs."           \
    }
#define JP_STATE                                                                                   \
    {                                                                                              \
        .name = "State", .type = HV_PT_ENUM, .position = HV_POS_NAMED, .flags = HV_PF_MANDATORY,   \
        .sets = HV_SET(JB_SET_STATE), .enum_def = &jstate_enum,                                    \
        .help = "Specifies the jobs in this state."                                                \
    }
#define JP_END                                                                                     \
    {                                                                                              \
        .name = NULL                                                                               \
    }

/* Get-Job's own sets: no -Job */
enum { GJ_SET_ID, GJ_SET_NAME, GJ_SET_STATE, GJ_SET_COMMAND };
static const hv_param_def gjb_params[] = {
    {.name = "Id",
     .type = HV_PT_INT32,
     .position = 0,
     .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME,
     .sets = HV_SET(GJ_SET_ID),
     .help = "Gets the jobs with these Ids."},
    {.name = "Name",
     .type = HV_PT_STRING,
     .position = 0,
     .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
     .sets = HV_SET(GJ_SET_NAME),
     .help = "Gets the jobs with these friendly names."},
    {.name = "State",
     .type = HV_PT_ENUM,
     .position = 0,
     .flags = HV_PF_MANDATORY,
     .sets = HV_SET(GJ_SET_STATE),
     .enum_def = &jstate_enum,
     .help = "Gets only the jobs in this state."},
    {.name = "Command",
     .type = HV_PT_STRING,
     .position = HV_POS_NAMED,
     .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
     .sets = HV_SET(GJ_SET_COMMAND),
     .help = "Gets the jobs whose command matches."},
    {.name = "IncludeChildJob",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Returns the child jobs too."},
    {.name = "HasMoreData",
     .type = HV_PT_BOOL,
     .position = HV_POS_NAMED,
     .help = "Gets only the jobs whose HasMoreData property has this value."},
    {.name = "Newest",
     .type = HV_PT_INT32,
     .position = HV_POS_NAMED,
     .help = "Gets this many of the most recently started jobs."},
    JP_END,
};

static const hv_param_def wjb_params[] = {
    JP_ID(0),
    JP_JOB,
    JP_NAME,
    JP_STATE,
    {.name = "Any",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Returns as soon as any of the jobs finishes."},
    {.name = "Timeout",
     .type = HV_PT_INT32,
     .position = HV_POS_NAMED,
     .aliases = A("TimeoutSec"),
     .min = -1,
     .max = 2147483647,
     .help = "Seconds to wait (-1, the default, waits without limit). When it expires Wait-Job "
             "returns without output."},
    {.name = "Force",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Also ends the wait for jobs that are suspended or disconnected."},
    JP_END,
};

static const hv_param_def rcjb_params[] = {
    JP_JOB,
    JP_ID(0),
    JP_NAME,
    {.name = "Keep",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Keeps the results in the job, so that they can be received again."},
    {.name = "Wait",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Waits until the jobs finish, writing their results as they arrive."},
    {.name = "AutoRemoveJob",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "With -Wait: deletes the jobs after returning their results."},
    {.name = "WriteEvents",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Accepted for compatibility (state-change events are not reported)."},
    {.name = "WriteJobInResults",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "With -Wait: writes the job object before its results."},
    {.name = "NoRecurse",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Accepted for compatibility (the results come from the job's only child job)."},
    {.name = "Force",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "With -Wait: also stops waiting for suspended or disconnected jobs."},
    JP_END,
};

static const hv_param_def spjb_params[] = {
    JP_ID(0),
    JP_JOB,
    JP_NAME,
    JP_STATE,
    {.name = "PassThru",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .help = "Returns the stopped jobs."},
    JP_END,
};

static const hv_param_def rjb_params[] = {
    JP_ID(0),
    JP_JOB,
    JP_NAME,
    JP_STATE,
    {.name = "Command",
     .type = HV_PT_STRING,
     .position = HV_POS_NAMED,
     .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
     .sets = HV_SET(JB_SET_COMMAND),
     .help = "Deletes the jobs whose command matches."},
    {.name = "Force",
     .type = HV_PT_SWITCH,
     .position = HV_POS_NAMED,
     .aliases = A("F"),
     .help = "Deletes running jobs too (they are stopped first)."},
    JP_END,
};

typedef struct {
    hv_value jobs; /* HV_ARRAY of the jobs selected so far (process collects, end acts) */
} jb_state;

static bool
match_strings(const hv_value *pats, const char *name)
{
    if (!pats || pats->kind != HV_ARRAY || !hv_array_len(pats))
        return true;
    for (size_t k = 0; k < hv_array_len(pats); k++) {
        const hv_value *p = hv_array_at(pats, k);
        if (p->kind == HV_STRING && hv_wildcard_match(hv_str_cstr(p), name, false))
            return true;
    }
    return false;
}

static const char *
prop_cstr(const hv_value *job, const char *name)
{
    const hv_value *v = hv_obj_get(job, name);
    return v && v->kind == HV_STRING ? hv_str_cstr(v) : "";
}

static hv_status
not_found(hv_cmd *cmd, const char *id, const hv_value *target, const char *fmt, const char *what)
{
    return hv_write_error(cmd, hv_error_new_ex(cmd, "System.ArgumentException",
                                               HV_CAT_ObjectNotFound, id, target, fmt, what));
}

static void
add_job(jb_state *s, const hv_value *job)
{
    for (size_t i = 0; i < hv_array_len(&s->jobs); i++)
        if (hv_array_at(&s->jobs, i)->u.h == job->u.h)
            return;
    hv_array_push(&s->jobs, hv_ref(job));
}

static hv_status select_by(hv_cmd *cmd, jb_state *s, const hv_value *ids, const hv_value *names);

static hv_status
select_one(hv_cmd *cmd, jb_state *s, const hv_value *v)
{
    HV_AUTO hv_value one = hv_array_new(1);
    hv_array_push(&one, hv_ref(v));
    return v->kind == HV_INT ? select_by(cmd, s, &one, NULL) : select_by(cmd, s, NULL, &one);
}

/* Select from the session's jobs by -Id / -Name / -State / -Command (pwsh writes an error
 * for each Id or literal name that matches nothing). */
static hv_status
select_by(hv_cmd *cmd, jb_state *s, const hv_value *ids, const hv_value *names)
{
    jstate_t *js = jobs_of(cmd->ctx);
    hv_status st = HV_OK;
    if (ids && ids->kind == HV_ARRAY) {
        for (size_t k = 0; k < hv_array_len(ids) && st == HV_OK; k++) {
            int64_t want = hv_int_of(hv_array_at(ids, k));
            bool hit = false;
            for (size_t i = 0; i < hv_array_len(&js->list); i++)
                if (job_id(hv_array_at(&js->list, i)) == want) {
                    add_job(s, hv_array_at(&js->list, i));
                    hit = true;
                }
            if (!hit) {
                HV_AUTO hv_value t = hv_int((int32_t)want);
                char num[32];
                snprintf(num, sizeof num, "%lld", (long long)want);
                st = not_found(cmd, "JobWithSpecifiedSessionIdNotFound", &t,
                               "The command cannot find a job with the job ID %s. Verify the value "
                               "of the Id parameter and then try the command again.",
                               num);
            }
        }
        return st;
    }
    if (names && names->kind == HV_ARRAY) {
        for (size_t k = 0; k < hv_array_len(names) && st == HV_OK; k++) {
            const hv_value *pat = hv_array_at(names, k);
            const char *p = pat->kind == HV_STRING ? hv_str_cstr(pat) : "";
            bool hit = false;
            for (size_t i = 0; i < hv_array_len(&js->list); i++)
                if (hv_wildcard_match(p, prop_cstr(hv_array_at(&js->list, i), "Name"), false)) {
                    add_job(s, hv_array_at(&js->list, i));
                    hit = true;
                }
            if (!hit && !strpbrk(p, "*?[")) {
                st = not_found(cmd, "JobWithSpecifiedNameNotFound", pat,
                               "The command cannot find the job because the job name %s was not "
                               "found. Verify the value of the Name parameter, and then try the "
                               "command again.",
                               p);
            }
        }
        return st;
    }
    return HV_OK;
}

static hv_status
select_jobs(hv_cmd *cmd, jb_state *s)
{
    jstate_t *js = jobs_of(cmd->ctx);
    const hv_value *ids = hv_cmd_argn(cmd, "Id");
    const hv_value *names = hv_cmd_argn(cmd, "Name");
    const hv_value *state = hv_cmd_argn(cmd, "State");
    const hv_value *cmds = hv_cmd_argn(cmd, "Command");
    if ((ids && ids->kind == HV_ARRAY) || (names && names->kind == HV_ARRAY))
        return select_by(cmd, s, ids && ids->kind == HV_ARRAY ? ids : NULL,
                         names && names->kind == HV_ARRAY ? names : NULL);
    for (size_t i = 0; i < hv_array_len(&js->list); i++) {
        const hv_value *j = hv_array_at(&js->list, i);
        if (state) {
            const hv_value *cur = hv_obj_get(j, "State");
            int32_t want = state->kind == HV_ENUM ? state->aux : -1;
            if (state->kind == HV_STRING)
                hv_enum_parse(&jstate_enum, hv_str_cstr(state), &want);
            if (!cur || cur->kind != HV_ENUM || cur->aux != want)
                continue;
        }
        if (cmds && !match_strings(cmds, prop_cstr(j, "Command")))
            continue;
        add_job(s, j);
    }
    return HV_OK;
}

/* Was -Job bound from the pipeline (rather than written as an argument)? */
static bool
job_param_piped(hv_cmd *cmd)
{
    const hv_param_def *p = cmd->def->params;
    for (int i = 0; p && p[i].name; i++)
        if (strcmp(p[i].name, "Job") == 0)
            return hv_cmd_bound_from_pipeline(cmd, i);
    return false;
}

static hv_status
jb_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        s->jobs = hv_array_new(4);
    poll_all(cmd->ctx);
    const hv_value *jobs = hv_cmd_argn(cmd, "Job");
    if (jobs && hv_cmd_set_index(cmd) == JB_SET_JOB) {
        size_t n = jobs->kind == HV_ARRAY ? hv_array_len(jobs) : 1;
        for (size_t i = 0; i < n; i++) {
            const hv_value *j = jobs->kind == HV_ARRAY ? hv_array_at(jobs, i) : jobs;
            bool piped = job_param_piped(cmd);
            if (piped && !is_job(j)) {
                HV_AUTO hv_value t = hv_ref(j);
                hv_status st = hv_write_error(
                    cmd,
                    hv_error_new_ex(cmd, "System.Management.Automation.ParameterBindingException",
                                    HV_CAT_InvalidArgument, "InputObjectNotBound", &t,
                                    "The input object cannot be bound to any parameters for "
                                    "the command either because the command does not take "
                                    "pipeline input or the input and its properties do not "
                                    "match any of the parameters that take pipeline input."));
                if (st != HV_OK)
                    return st;
                continue;
            }
            if (!piped && (j->kind == HV_INT || j->kind == HV_STRING)) {
                /* `Receive-Job 1` / `Wait-Job Build`: an Id or a name where a job goes */
                hv_status st = select_one(cmd, s, j);
                if (st != HV_OK)
                    return st;
                continue;
            }
            if (!is_job(j)) {
                HV_AUTO hv_value t = hv_ref(j);
                return hv_throw(
                    cmd,
                    hv_error_new_ex(cmd, "System.Management.Automation.ParameterBindingException",
                                    HV_CAT_InvalidArgument, "CannotConvertArgument", &t,
                                    "Cannot bind parameter 'Job'. Cannot convert the "
                                    "\"%s\" value to type \"System.Management.Automation.Job\".",
                                    hv_type_name_of(j)));
            }
            hv_value one = hv_ref(j);
            job_sync(&one);
            add_job(s, &one);
            hv_unref(one);
        }
        return HV_OK;
    }
    /* by Id / Name from the pipeline (ByPropertyName) or arguments: per call */
    if (hv_cmd_argn(cmd, "Id") || hv_cmd_argn(cmd, "Name") || hv_cmd_argn(cmd, "State") ||
        hv_cmd_argn(cmd, "Command") || hv_str_eq_ci(cmd->def->name, "Get-Job"))
        return select_jobs(cmd, s);
    return HV_OK;
}

/* Drop a job from the session, with the live State member job_new gave it (script members
 * are kept per session: leaving them would keep every removed job alive and make each
 * member access scan them). */
static void
jobs_remove(hv_ctx *ctx, const hv_value *job)
{
    jstate_t *s = jobs_of(ctx);
    for (size_t i = 0; i < hv_array_len(&s->list); i++)
        if (hv_array_at(&s->list, i)->u.h == job->u.h) {
            hv_array_remove_at(&s->list, i);
            break;
        }
    hv_value *sm = &ctx->script_members;
    for (size_t i = sm->kind == HV_ARRAY ? hv_array_len(sm) : 0; i-- > 0;) {
        const hv_value *e = hv_array_at(sm, i);
        if (e->kind == HV_ARRAY && hv_array_len(e) && hv_array_at(e, 0)->kind == HV_OBJECT &&
            hv_array_at(e, 0)->u.h == job->u.h)
            hv_array_remove_at(sm, i);
    }
}

static int64_t
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Block until something may have changed for these jobs (a pipe became readable) or
 * a short while passed (a child exited without closing a pipe a grandchild holds;
 * a queued ThreadJob got a slot). False on Ctrl-C. */
static bool
wait_some(hv_cmd *cmd, const hv_value *jobs, int max_ms)
{
    struct pollfd fds[64];
    nfds_t n = 0;
    for (size_t i = 0; i < hv_array_len(jobs) && n < 64; i++) {
        jobrec *j = rec_of(hv_array_at(jobs, i));
        if (j && j->fd >= 0 && !job_finished(j))
            fds[n++] = (struct pollfd){.fd = j->fd, .events = POLLIN};
    }
    int ms = max_ms < 0 || max_ms > 50 ? 50 : max_ms;
    if (n)
        poll(fds, n, ms);
    else if (ms > 0)
        nanosleep(&(struct timespec){.tv_nsec = (long)ms * 1000000L}, NULL);
    return !hv_cmd_interrupted(cmd);
}

static size_t
count_finished(const hv_value *jobs)
{
    size_t n = 0;
    for (size_t i = 0; i < hv_array_len(jobs); i++) {
        jobrec *j = rec_of(hv_array_at(jobs, i));
        if (!j || job_finished(j))
            n++;
    }
    return n;
}

static hv_status
emit_jobs(hv_cmd *cmd, const hv_value *jobs, bool only_finished)
{
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(jobs) && st == HV_OK; i++) {
        jobrec *j = rec_of(hv_array_at(jobs, i));
        if (only_finished && j && !job_finished(j))
            continue;
        hv_value one = hv_ref(hv_array_at(jobs, i));
        job_sync(&one);
        st = hv_emit(cmd, one);
    }
    return st;
}

static hv_status
wjb_end(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        return HV_OK;
    const hv_value *to = hv_cmd_argn(cmd, "Timeout");
    int64_t timeout = to ? hv_int_of(to) : -1;
    int64_t deadline = timeout >= 0 ? now_ms() + timeout * 1000 : -1;
    bool any = hv_cmd_switch(cmd, 4);
    size_t total = hv_array_len(&s->jobs);
    for (;;) {
        poll_all(cmd->ctx);
        size_t done = count_finished(&s->jobs);
        if (total == 0 || done == total || (any && done > 0))
            return emit_jobs(cmd, &s->jobs, any);
        int64_t left = deadline < 0 ? -1 : deadline - now_ms();
        if (deadline >= 0 && left <= 0)
            return HV_OK;
        if (!wait_some(cmd, &s->jobs, (int)left))
            return HV_STOPPED;
    }
}

static hv_status
gjb_end(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        return HV_OK;
    const hv_value *more = hv_cmd_argn(cmd, "HasMoreData");
    const hv_value *newest = hv_cmd_argn(cmd, "Newest");
    size_t first = 0, n = hv_array_len(&s->jobs);
    if (newest && hv_int_of(newest) >= 0 && (size_t)hv_int_of(newest) < n)
        first = n - (size_t)hv_int_of(newest);
    hv_status st = HV_OK;
    for (size_t i = first; i < n && st == HV_OK; i++) {
        hv_value one = hv_ref(hv_array_at(&s->jobs, i));
        job_sync(&one);
        const hv_value *hm = hv_obj_get(&one, "HasMoreData");
        if (more && hm && hm->u.b != hv_conv_to_bool(more)) {
            hv_unref(one);
            continue;
        }
        const hv_value *kids = hv_obj_get(&one, "ChildJobs");
        hv_value kc = kids && hv_cmd_switch(cmd, 4) ? hv_ref(kids) : hv_null();
        st = hv_emit(cmd, one);
        for (size_t k = 0; st == HV_OK && kc.kind == HV_ARRAY && k < hv_array_len(&kc); k++) {
            hv_value kid = hv_ref(hv_array_at(&kc, k));
            job_sync(&kid);
            st = hv_emit(cmd, kid);
        }
        hv_unref(kc);
    }
    return st;
}

/* Write and (without -Keep) take what one job has received so far. */
static hv_status
receive_some(hv_cmd *cmd, const hv_value *job, bool keep)
{
    jobrec *j = rec_of(job);
    if (!j)
        return HV_OK;
    job_poll(j);
    hv_status st = HV_OK;
    /* pwsh's Receive-Job drains a job stream by stream in this order */
    static const int order[] = {ST_OUTPUT, ST_ERROR,   ST_HOSTERR, ST_VERBOSE,
                                ST_DEBUG,  ST_WARNING, ST_INFO,    ST_HOSTOUT};
    for (size_t o = 0; o < sizeof order / sizeof order[0] && st == HV_OK; o++) {
        int sn = order[o];
        HV_AUTO hv_value items =
            j->streams[sn].kind == HV_ARRAY ? hv_ref(&j->streams[sn]) : hv_null();
        if (items.kind != HV_ARRAY)
            continue;
        if (!keep)
            hv_unrefp(&j->streams[sn]);
        for (size_t i = 0; i < hv_array_len(&items) && st == HV_OK; i++) {
            const hv_value *v = hv_array_at(&items, i);
            switch (sn) {
            case ST_OUTPUT:
                st = hv_emit(cmd, hv_ref(v));
                break;
            case ST_ERROR:
                st = hv_write_error(cmd, hv_ref(v));
                break;
            case ST_WARNING:
                st = hv_write_warning(cmd, "%s", v->kind == HV_STRING ? hv_str_cstr(v) : "");
                break;
            case ST_VERBOSE:
                st = hv_write_verbose(cmd, "%s", v->kind == HV_STRING ? hv_str_cstr(v) : "");
                break;
            case ST_DEBUG:
                st = hv_write_debug(cmd, "%s", v->kind == HV_STRING ? hv_str_cstr(v) : "");
                break;
            case ST_INFO: {
                const hv_value *m = v->kind == HV_TABLE ? hv_table_gets(v, "MessageData") : NULL;
                const hv_value *tags = v->kind == HV_TABLE ? hv_table_gets(v, "Tags") : NULL;
                bool host = false;
                for (size_t t = 0; tags && tags->kind == HV_ARRAY && t < hv_array_len(tags); t++)
                    host = host || (hv_array_at(tags, t)->kind == HV_STRING &&
                                    strcmp(hv_str_cstr(hv_array_at(tags, t)), "PSHOST") == 0);
                const char *text = m && m->kind == HV_STRING ? hv_str_cstr(m) : "";
                if (host)
                    hv_write_host(cmd, text, true, NULL, NULL);
                else
                    st =
                        hv_write_information(cmd, m ? hv_ref(m) : hv_str(""),
                                             tags && tags->kind == HV_ARRAY && hv_array_len(tags) &&
                                                     hv_array_at(tags, 0)->kind == HV_STRING
                                                 ? hv_str_cstr(hv_array_at(tags, 0))
                                                 : NULL);
                break;
            }
            default: /* ST_HOSTOUT / ST_HOSTERR: text the job's host printed */
                if (v->kind == HV_STRING)
                    hv_host_write(cmd->ctx, sn == ST_HOSTERR, hv_str_cstr(v), hv_str_len(v));
                break;
            }
        }
    }
    if (st == HV_OK && job_finished(j) && j->reason.kind != HV_NULL) {
        hv_value r = hv_ref(&j->reason);
        if (!keep)
            hv_unrefp(&j->reason);
        st = hv_write_error(cmd, r);
    }
    return st;
}

static hv_status
rcjb_end(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        return HV_OK;
    bool keep = hv_cmd_switch(cmd, 3), wait = hv_cmd_switch(cmd, 4);
    bool autoremove = hv_cmd_switch(cmd, 5), with_job = hv_cmd_switch(cmd, 7);
    hv_status st = HV_OK;
    size_t n = hv_array_len(&s->jobs);
    if (with_job && wait)
        st = emit_jobs(cmd, &s->jobs, false);
    for (;;) {
        poll_all(cmd->ctx);
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = receive_some(cmd, hv_array_at(&s->jobs, i), keep && !wait);
        if (st != HV_OK || !wait || count_finished(&s->jobs) == n)
            break;
        if (!wait_some(cmd, &s->jobs, -1))
            return HV_STOPPED;
    }
    if (st == HV_OK && wait) { /* what arrived between the last receive and the end */
        for (size_t i = 0; i < n && st == HV_OK; i++)
            st = receive_some(cmd, hv_array_at(&s->jobs, i), keep);
    }
    for (size_t i = 0; i < n; i++) {
        hv_value one = hv_ref(hv_array_at(&s->jobs, i));
        job_sync(&one);
        if (autoremove && wait)
            jobs_remove(cmd->ctx, &one);
        hv_unref(one);
    }
    return st;
}

static hv_status
spjb_end(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        return HV_OK;
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&s->jobs) && st == HV_OK; i++) {
        const hv_value *job = hv_array_at(&s->jobs, i);
        jobrec *j = rec_of(job);
        char target[64];
        snprintf(target, sizeof target, "%s", prop_cstr(job, "Name"));
        if (!hv_should_process(cmd, target, "Stop-Job"))
            continue;
        if (j)
            job_stop(j);
        hv_value one = hv_ref(job);
        job_sync(&one);
        if (hv_cmd_switch(cmd, 4))
            st = hv_emit(cmd, one);
        else
            hv_unref(one);
    }
    return st;
}

static hv_status
rjb_end(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    if (s->jobs.kind != HV_ARRAY)
        return HV_OK;
    bool force = hv_cmd_switch(cmd, 5);
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&s->jobs) && st == HV_OK; i++) {
        const hv_value *job = hv_array_at(&s->jobs, i);
        jobrec *j = rec_of(job);
        if (j)
            job_poll(j);
        if (j && !job_finished(j) && !force) {
            HV_AUTO hv_value t = hv_ref(job);
            st = hv_write_error(cmd,
                                hv_error_new_ex(cmd, "System.InvalidOperationException",
                                                HV_CAT_InvalidOperation,
                                                "JobObjectNotFinishedCannotBeRemoved", &t,
                                                "The command cannot remove the job with the job "
                                                "ID %lld because the job is not finished. To "
                                                "remove the job, first stop the job, or use the "
                                                "Force parameter.",
                                                (long long)job_id(job)));
            continue;
        }
        if (!hv_should_process(cmd, prop_cstr(job, "Name"), "Remove-Job"))
            continue;
        if (j)
            job_stop(j);
        hv_value one = hv_ref(job);
        job_sync(&one);
        jobs_remove(cmd->ctx, &one);
        hv_unref(one);
    }
    return st;
}

static void
jb_cleanup(hv_cmd *cmd)
{
    jb_state *s = cmd->state;
    hv_unrefp(&s->jobs);
}

/* ====================================================================================
 * Life cycle
 * ==================================================================================== */

void
hv_jobs_free(hv_ctx *ctx)
{
    void **slot = hv_intrinsics_jobs_slot(ctx);
    jstate_t *s = *slot;
    if (!s)
        return;
    /* pwsh ends its jobs with the session */
    for (size_t i = 0; i < hv_array_len(&s->list); i++) {
        jobrec *j = rec_of(hv_array_at(&s->list, i));
        if (j)
            job_stop(j);
    }
    hv_unref(s->list);
    hv_unref(s->live_state);
    free(s);
    *slot = NULL;
}

/* ====================================================================================
 * The tables
 * ==================================================================================== */

static const hv_cmdlet_def job_cmdlets[] = {
    {
        .name = "Start-Job",
        .aliases = A("sajb"),
        .sets = A("ComputerName", "FilePathComputerName"),
        .params = sjb_params,
        .ops = {.process = sj_process, .end = sj_end, .cleanup = sj_cleanup},
        .state_size = sizeof(sj_state),
        .synopsis = "Starts a PowerShell background job.",
        .description = "Runs the commands in a separate process (a fork of hvsh with a fresh "
                       "session: the caller's variables and functions are not there; $using:name "
                       "copies a value in) and returns a job object at once. Get the results with "
                       "Receive-Job; wait for the job with Wait-Job.",
        .output_type = "System.Management.Automation.PSRemotingJob",
        .examples = EX({.title = "Collect results",
                        .code = "$j = Start-Job { hostname }; $j | Wait-Job | Receive-Job"},
                       {.title = "Arguments and $using:",
                        .code = "$n = 3\nStart-Job { param($a) $a * $using:n } -ArgumentList 14 | "
                                "Receive-Job -Wait"}),
    },
    {
        .name = "Get-Job",
        .aliases = A("gjb"),
        .sets = A("SessionIdParameterSet", "NameParameterSet", "StateParameterSet",
                  "CommandParameterSet"),
        .params = gjb_params,
        .ops = {.process = jb_process, .end = gjb_end, .cleanup = jb_cleanup},
        .state_size = sizeof(jb_state),
        .synopsis = "Gets PowerShell background jobs that are running in the current session.",
        .output_type = "System.Management.Automation.Job",
        .examples = EX({.title = "All jobs", .code = "Get-Job"},
                       {.title = "Failed jobs", .code = "Get-Job -State Failed"}),
    },
    {
        .name = "Wait-Job",
        .aliases = A("wjb"),
        .sets = jb_sets4,
        .default_set = JB_SET_ID,
        .params = wjb_params,
        .ops = {.process = jb_process, .end = wjb_end, .cleanup = jb_cleanup},
        .state_size = sizeof(jb_state),
        .synopsis = "Waits until one or all of the PowerShell jobs running in the session are "
                    "in a terminating state.",
        .output_type = "System.Management.Automation.Job",
        .examples = EX({.title = "Wait for all", .code = "Get-Job | Wait-Job"},
                       {.title = "At most 30 seconds", .code = "Wait-Job -Name Build -Timeout 30"}),
    },
    {
        .name = "Receive-Job",
        .aliases = A("rcjb"),
        .sets = rcjb_sets,
        .default_set = JB_SET_JOB,
        .params = rcjb_params,
        .ops = {.process = jb_process, .end = rcjb_end, .cleanup = jb_cleanup},
        .state_size = sizeof(jb_state),
        .synopsis = "Gets the results of the PowerShell background jobs in the current session.",
        .examples =
            EX({.title = "Results, kept in the job", .code = "Receive-Job -Name Job1 -Keep"},
               {.title = "Wait, then delete the job",
                .code = "Start-Job { 1 + 1 } | Receive-Job -Wait -AutoRemoveJob"}),
    },
    {
        .name = "Stop-Job",
        .aliases = A("spjb"),
        .sets = jb_sets4,
        .default_set = JB_SET_ID,
        .params = spjb_params,
        .flags = HV_CF_SHOULD_PROCESS,
        .ops = {.process = jb_process, .end = spjb_end, .cleanup = jb_cleanup},
        .state_size = sizeof(jb_state),
        .synopsis = "Stops a PowerShell background job.",
        .examples = EX({.title = "Stop", .code = "Stop-Job -Name Job1"}),
    },
    {
        .name = "Remove-Job",
        .aliases = A("rjb"),
        .sets = jb_sets,
        .default_set = JB_SET_ID,
        .params = rjb_params,
        .flags = HV_CF_SHOULD_PROCESS,
        .ops = {.process = jb_process, .end = rjb_end, .cleanup = jb_cleanup},
        .state_size = sizeof(jb_state),
        .synopsis = "Deletes a PowerShell background job.",
        .examples = EX({.title = "Remove all", .code = "Get-Job | Remove-Job"},
                       {.title = "Running ones too", .code = "Remove-Job -State Running -Force"}),
    },
    {.name = NULL},
};

static const hv_cmdlet_def thread_job_cmdlets[] = {
    {
        .name = "Start-ThreadJob",
        .sets = A("ScriptBlock", "FilePath"),
        .params = stj_params,
        .ops = {.process = sj_process, .end = sj_end, .cleanup = sj_cleanup},
        .state_size = sizeof(sj_state),
        .synopsis = "Starts a PowerShell job in a separate thread.",
        .description = "Same as Start-Job (hvsh runs it in a child process too), with "
                       "PSJobTypeName ThreadJob and at most -ThrottleLimit jobs running at once.",
        .output_type = "ThreadJob.ThreadJob",
        .examples = EX({.title = "Several at once",
                        .code = "1..10 | ForEach-Object { Start-ThreadJob { param($n) $n * 2 } "
                                "-ArgumentList $_ -ThrottleLimit 4 } | Receive-Job -Wait"}),
    },
    {.name = NULL},
};

const hv_module_def hv_jobs_mod_core = {
    .name = "Microsoft.PowerShell.Core",
    .version = "7.4.0",
    .cmdlets = job_cmdlets,
};
const hv_module_def hv_jobs_mod_thread = {
    .name = "ThreadJob",
    .version = "2.0.3",
    .cmdlets = thread_job_cmdlets,
};
