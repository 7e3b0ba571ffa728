/*
 * test_smtp.c — notifiers/smtp.c against a real SMTP server.
 *
 * Each test starts tests/e2e/smtp_server.py (aiosmtpd, Debian's
 * /usr/bin/python3) on a free 127.0.0.1 port with the options it needs,
 * waits for its "READY" line, sends with smtp_send() and then reads what
 * the server wrote to disk. Certificates come from tests/e2e/make_test_ca.sh
 * in a temporary directory made once for the group. The message is built
 * with email_render(), so this is also the check that a rendered message
 * survives a real SMTP hop byte for byte.
 *
 * Run from tests/unit (paths are relative to it). Servers are stopped in
 * each test's teardown, which cmocka runs even when the test failed, and
 * get SIGTERM if this process dies (PR_SET_PDEATHSIG); temporary
 * directories are removed in the group teardown. No timing assertions:
 * waits are generous deadlines only.
 */
/* nftw() (recursive removal of the temporary directory) is XSI. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <curl/curl.h>
#include <openssl/evp.h>

#include "email.h"
#include "smtp.h"

#define PYTHON "/usr/bin/python3"
#define SERVER_SCRIPT "../e2e/smtp_server.py"
#define CA_SCRIPT "../e2e/make_test_ca.sh"
#define READY_TIMEOUT_MS 15000
#define STOP_TIMEOUT_MS 10000
#define USER "dondoc"
#define PASSWORD "s3cret-Pw"
#define SENDER "dondoc@bacninh.example.gov.vn"
#define GOOD_RCPT "so-ldtbxh@bacninh.example.gov.vn"
#define BAD_RCPT "khong-ton-tai@bacninh.example.gov.vn"

static const char subject[] =
    "Nhắc hạn: Báo cáo chuyên đề Ban VSTBPN năm 2024 – quá hạn 1 ngày";

/* Made once per run by the group setup. */
static char tmpdir[PATH_MAX];

/* One test's server. */
struct fixture {
  pid_t pid;
  int port;
  char maildir[PATH_MAX];
  char log[PATH_MAX];
};

/* ---- helpers ------------------------------------------------------------- */

static void path_in(char *out, const char *dir, const char *name) {
  int w = snprintf(out, PATH_MAX, "%s/%s", dir, name);
  assert_true(w > 0 && w < PATH_MAX);
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw) {
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static int rm_rf(const char *dir) {
  return nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A port nothing listens on right now: bind port 0 and let the kernel
 * pick. (It could be taken before the server binds it; start_server
 * retries with a new one.) */
static int free_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(fd >= 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
  socklen_t len = sizeof a;
  assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
  assert_int_equal(close(fd), 0);
  return ntohs(a.sin_port);
}

static long long now_ms(void) {
  struct timespec ts;
  assert_int_equal(clock_gettime(CLOCK_MONOTONIC, &ts), 0);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait for `pid` up to `ms`; true when it was reaped. */
static bool wait_for(pid_t pid, int ms, int *status) {
  long long deadline = now_ms() + ms;
  for (;;) {
    pid_t r = waitpid(pid, status, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD))
      return true;
    if (now_ms() >= deadline)
      return false;
    struct timespec nap = {0, 20 * 1000000};
    nanosleep(&nap, NULL);
  }
}

static void dump_file(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  char line[512];
  while (fgets(line, sizeof line, f))
    fprintf(stderr, "  | %s", line);
  fclose(f);
}

/* fork/exec with stdout to `out_fd` (or inherited when -1) and stderr to
 * the file `log`. The child gets SIGTERM when this process dies. */
static pid_t spawn(char *const argv[], int out_fd, const char *log) {
  int log_fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  assert_true(log_fd >= 0);
  pid_t parent = getpid();
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    /* Only async-signal-safe calls between fork and exec. */
    if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent)
      _exit(126);
    if ((out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0) ||
        dup2(log_fd, STDERR_FILENO) < 0)
      _exit(126);
    execv(argv[0], argv);
    _exit(127);
  }
  assert_int_equal(close(log_fd), 0);
  return pid;
}

/* Start smtp_server.py with `extra` options (NULL-terminated) and wait for
 * "READY <port>". Fails the test (after showing the server log) when it
 * never gets ready. */
static void start_server(struct fixture *fx, const char *const *extra) {
  for (int attempt = 0; attempt < 3; attempt++) {
    fx->port = free_port();
    char port[16];
    snprintf(port, sizeof port, "%d", fx->port);
    char *argv[32];
    size_t n = 0;
    argv[n++] = (char *)PYTHON;
    argv[n++] = (char *)SERVER_SCRIPT;
    argv[n++] = port;
    argv[n++] = (char *)"--maildir";
    argv[n++] = fx->maildir;
    for (size_t i = 0; extra && extra[i]; i++) {
      assert_true(n + 2 < sizeof argv / sizeof *argv);
      argv[n++] = (char *)extra[i];
    }
    argv[n] = NULL;

    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(fcntl(fds[0], F_SETFD, FD_CLOEXEC), 0);
    fx->pid = spawn(argv, fds[1], fx->log);
    assert_int_equal(close(fds[1]), 0);

    char buf[128];
    size_t got = 0;
    char want[32];
    snprintf(want, sizeof want, "READY %d\n", fx->port);
    long long deadline = now_ms() + READY_TIMEOUT_MS;
    bool ready = false;
    while (!ready && got + 1 < sizeof buf) {
      long long left = deadline - now_ms();
      if (left <= 0)
        break;
      struct pollfd p = {.fd = fds[0], .events = POLLIN};
      int r = poll(&p, 1, (int)left);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      ssize_t k = read(fds[0], buf + got, sizeof buf - 1 - got);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        break; /* the server exited (port taken, missing module…) */
      got += (size_t)k;
      buf[got] = '\0';
      ready = strstr(buf, want) != NULL;
    }
    assert_int_equal(close(fds[0]), 0);
    if (ready)
      return;
    kill(fx->pid, SIGKILL);
    int status;
    wait_for(fx->pid, STOP_TIMEOUT_MS, &status);
    fx->pid = 0;
  }
  fprintf(stderr, "smtp_server.py never got ready; its log:\n");
  dump_file(fx->log);
  fail_msg("could not start %s (needs %s with aiosmtpd: python3-aiosmtpd)",
           SERVER_SCRIPT, PYTHON);
}

static void stop_server(struct fixture *fx) {
  if (fx->pid <= 0)
    return;
  int status = 0;
  kill(fx->pid, SIGTERM);
  if (!wait_for(fx->pid, STOP_TIMEOUT_MS, &status)) {
    kill(fx->pid, SIGKILL);
    wait_for(fx->pid, STOP_TIMEOUT_MS, &status);
  }
  fx->pid = 0;
}

/* A whole file, NUL-terminated; NULL when it does not exist. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  size_t k;
  while ((k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (cap - n - 1 == 0) {
      cap *= 2;
      buf = realloc(buf, cap);
      assert_non_null(buf);
    }
  }
  assert_int_equal(ferror(f), 0);
  assert_int_equal(fclose(f), 0);
  buf[n] = '\0';
  if (len)
    *len = n;
  return buf;
}

static char *mail_file(const struct fixture *fx, int n, const char *ext,
                       size_t *len) {
  char name[32], path[PATH_MAX];
  snprintf(name, sizeof name, "%d.%s", n, ext);
  path_in(path, fx->maildir, name);
  return slurp(path, len);
}

/* The Subject of a raw message, unfolded and RFC 2047-decoded here (base64
 * by EVP_DecodeBlock), independent of email.c. */
static char *decoded_subject(const char *msg) {
  const char *hend = strstr(msg, "\r\n\r\n");
  assert_non_null(hend);
  const char *p = strstr(msg, "\r\nSubject: ");
  assert_true(p != NULL && p < hend);
  p += strlen("\r\nSubject: ");
  char *out = calloc(1, (size_t)(hend - p) + 1);
  assert_non_null(out);
  size_t on = 0;
  for (;;) {
    const char *eol = strstr(p, "\r\n");
    /* Each folded line holds whole encoded-words. */
    while (p < eol) {
      while (*p == ' ')
        p++;
      assert_int_equal(strncmp(p, "=?UTF-8?B?", 10), 0);
      p += 10;
      const char *e = strstr(p, "?=");
      assert_true(e != NULL && e < eol);
      unsigned char bytes[128];
      assert_true((size_t)(e - p) / 4 * 3 < sizeof bytes);
      int m = EVP_DecodeBlock(bytes, (const unsigned char *)p, (int)(e - p));
      assert_true(m >= 0);
      if (e[-1] == '=')
        m--;
      if (e[-2] == '=')
        m--;
      memcpy(out + on, bytes, (size_t)m);
      on += (size_t)m;
      p = e + 2;
    }
    p = eol + 2;
    if (*p != ' ')
      break;
  }
  return out;
}

/* A realistic reminder; the HTML is long (~70 KB) so the upload takes many
 * read callbacks. malloc'd. */
static char *render(const char *rcpt) {
  static const char para[] =
      "<p>Báo cáo chuyên đề của Ban VSTBPN năm 2024 đã quá hạn 1 ngày.</p>\n";
  size_t reps = 800;
  char *html = malloc(reps * (sizeof para - 1) + 64);
  assert_non_null(html);
  char *h = html;
  h += sprintf(h, "<html><body>\n");
  for (size_t i = 0; i < reps; i++)
    h += sprintf(h, "%s", para);
  sprintf(h, "</body></html>\n");
  const char *to[] = {rcpt};
  struct email e = {
      .from_address = SENDER,
      .from_name = "Ban VSTBPN tỉnh Bắc Ninh",
      .to = to,
      .n_to = 1,
      .subject = subject,
      .text = "Kính gửi Sở Lao động – Thương binh và Xã hội,\n"
              "Báo cáo chuyên đề năm 2024 đã quá hạn 1 ngày.\n",
      .html = html,
      .message_id = "<r-2024-bc.1@dondoc.bacninh.example.gov.vn>",
      .date = 1733446800,
      .utc_offset_minutes = 420,
  };
  char *msg = email_render(&e);
  free(html);
  assert_non_null(msg);
  return msg;
}

static struct smtp_config config(const struct fixture *fx, char *url,
                                 size_t url_cap, const char *scheme) {
  snprintf(url, url_cap, "%s://127.0.0.1:%d", scheme, fx->port);
  static char ca[PATH_MAX];
  path_in(ca, tmpdir, "ca.pem");
  struct smtp_config c = {
      .url = url,
      .username = USER,
      .password = PASSWORD,
      .ca_file = ca,
      .mail_from = SENDER,
      .tls = SMTP_TLS_REQUIRED,
      .connect_timeout_ms = 5000,
      .timeout_ms = 60000,
  };
  return c;
}

static void assert_detail_prefix(const struct smtp_result *r,
                                 const char *url) {
  size_t n = strlen(url);
  assert_int_equal(strncmp(r->detail, url, n), 0);
  assert_int_equal(strncmp(r->detail + n, ": ", 2), 0);
  assert_null(strstr(r->detail, PASSWORD));
}

/* The server stored message `n` for `rcpt`, byte-identical to `sent`. */
static void assert_delivered(const struct fixture *fx, int n, const char *rcpt,
                             const char *sent) {
  size_t len = 0;
  char *eml = mail_file(fx, n, "eml", &len);
  assert_non_null(eml);
  assert_int_equal(len, strlen(sent));
  assert_memory_equal(eml, sent, len);
  char *subj = decoded_subject(eml);
  assert_string_equal(subj, subject);
  free(subj);
  free(eml);

  char *env = mail_file(fx, n, "env", NULL);
  assert_non_null(env);
  char want[512];
  snprintf(want, sizeof want, "MAIL FROM:<%s>\nRCPT TO:<%s>\n", SENDER, rcpt);
  assert_string_equal(env, want);
  free(env);
}

static void assert_nothing_delivered(const struct fixture *fx) {
  char *eml = mail_file(fx, 1, "eml", NULL);
  assert_null(eml);
}

/* ---- fixtures ------------------------------------------------------------ */

static int group_setup(void **state) {
  (void)state;
  snprintf(tmpdir, sizeof tmpdir, "/tmp/dondoc-test-smtp.XXXXXX");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return -1;
  }
  char log[PATH_MAX];
  snprintf(log, sizeof log, "%s/make_test_ca.log", tmpdir);
  char *argv[] = {(char *)"/bin/sh", (char *)CA_SCRIPT, tmpdir, NULL};
  pid_t pid = spawn(argv, -1, log);
  int status = 0;
  if (!wait_for(pid, 120000, &status) || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    fprintf(stderr, "%s failed:\n", CA_SCRIPT);
    dump_file(log);
    rm_rf(tmpdir);
    return -1;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    rm_rf(tmpdir);
    return -1;
  }
  return 0;
}

static int group_teardown(void **state) {
  (void)state;
  curl_global_cleanup();
  return rm_rf(tmpdir) == 0 ? 0 : -1;
}

static int setup(void **state) {
  struct fixture *fx = calloc(1, sizeof *fx);
  if (!fx)
    return -1;
  snprintf(fx->maildir, sizeof fx->maildir, "%s/mail.XXXXXX", tmpdir);
  if (!mkdtemp(fx->maildir)) {
    free(fx);
    return -1;
  }
  snprintf(fx->log, sizeof fx->log, "%s.log", fx->maildir);
  *state = fx;
  return 0;
}

static int teardown(void **state) {
  struct fixture *fx = *state;
  stop_server(fx);
  int rc = rm_rf(fx->maildir);
  unlink(fx->log);
  free(fx);
  return rc == 0 ? 0 : -1;
}

/* Server options, from the group's certificates. */
static char cert_buf[4][PATH_MAX];
static const char *cert_path(const char *name, int slot) {
  path_in(cert_buf[slot], tmpdir, name);
  return cert_buf[slot];
}

/* ---- tests --------------------------------------------------------------- */

static void test_starttls_auth_delivered(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  int rc = smtp_send(&c, GOOD_RCPT, msg, &r);
  if (rc != 0)
    fprintf(stderr, "detail: %s\n", r.detail);
  assert_int_equal(rc, 0);
  assert_true(r.ok);
  assert_false(r.permanent);
  assert_int_equal(r.reply_code, 250);
  assert_detail_prefix(&r, url);
  assert_delivered(fx, 1, GOOD_RCPT, msg);
  free(msg);
}

static void test_smtps_implicit_delivered(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--smtps",    "--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtps");
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  int rc = smtp_send(&c, GOOD_RCPT, msg, &r);
  if (rc != 0)
    fprintf(stderr, "detail: %s\n", r.detail);
  assert_int_equal(rc, 0);
  assert_true(r.ok);
  assert_delivered(fx, 1, GOOD_RCPT, msg);
  free(msg);
}

static void test_rogue_certificate_refused(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("rogue.pem", 0),
                        "--tls-key",  cert_path("rogue.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.ok);
  assert_false(r.permanent); /* a TLS problem may be fixed: retry later */
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  assert_string_equal(r.stage, "STARTTLS");
  assert_detail_prefix(&r, url);
  char lower[sizeof r.detail];
  for (size_t i = 0; i < sizeof lower; i++)
    lower[i] = (char)tolower((unsigned char)r.detail[i]);
  assert_non_null(strstr(lower, "certificate"));
  assert_nothing_delivered(fx);
}

static void test_rejected_recipient_then_good(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        "--reject",   BAD_RCPT,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");

  char *msg = render(BAD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, BAD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.ok);
  assert_true(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_RECIPIENT);
  assert_string_equal(r.stage, "RCPT TO");
  assert_int_equal(r.reply_code, 550);
  char want[128];
  snprintf(want, sizeof want, "%s: RCPT TO: 550 5.1.1 mailbox unavailable",
           url);
  assert_string_equal(r.detail, want);
  assert_nothing_delivered(fx);

  /* One refused recipient does not poison the next transaction. */
  msg = render(GOOD_RCPT);
  int rc = smtp_send(&c, GOOD_RCPT, msg, &r);
  if (rc != 0)
    fprintf(stderr, "detail: %s\n", r.detail);
  assert_int_equal(rc, 0);
  assert_true(r.ok);
  assert_delivered(fx, 1, GOOD_RCPT, msg);
  free(msg);
}

/* Occurrences of `line` as a whole line of the server's --events file. */
static int count_events(const char *path, const char *line) {
  char *all = slurp(path, NULL);
  int n = 0;
  size_t len = strlen(line);
  for (char *p = all; p && *p;) {
    char *end = strchr(p, '\n');
    if ((size_t)((end ? end : p + strlen(p)) - p) == len &&
        strncmp(p, line, len) == 0)
      n++;
    p = end ? end + 1 : NULL;
  }
  free(all);
  return n;
}

/* One session carries several transactions over one login; a refused
 * recipient in the middle closes that connection (libcurl does) and the
 * next message logs in again and goes through. */
static void test_session_reuses_connection(void **state) {
  struct fixture *fx = *state;
  char events[PATH_MAX];
  snprintf(events, sizeof events, "%s.events", fx->maildir);
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        "--reject",   BAD_RCPT,
                        "--events",   events,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  struct smtp_session *s = smtp_session_new(&c);
  assert_non_null(s);
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  for (int i = 1; i <= 3; i++) {
    int rc = smtp_session_send(s, GOOD_RCPT, msg, &r);
    if (rc != 0)
      fprintf(stderr, "detail: %s\n", r.detail);
    assert_int_equal(rc, 0);
    assert_delivered(fx, i, GOOD_RCPT, msg);
  }
  assert_int_equal(count_events(events, "auth ok"), 1);

  char *bad = render(BAD_RCPT);
  assert_int_equal(smtp_session_send(s, BAD_RCPT, bad, &r), -1);
  free(bad);
  assert_int_equal(r.fault, SMTP_FAULT_RECIPIENT);
  assert_int_equal(r.reply_code, 550);

  assert_int_equal(smtp_session_send(s, GOOD_RCPT, msg, &r), 0);
  assert_delivered(fx, 4, GOOD_RCPT, msg);
  assert_int_equal(count_events(events, "auth ok"), 2);
  smtp_session_free(s);
  free(msg);
  unlink(events);
}

/* A relay that takes only so many messages per connection answers the
 * next MAIL FROM with 421 and hangs up: not a refusal of the server, so
 * the session connects and logs in again and the message goes. */
static void test_session_limit_reconnects(void **state) {
  struct fixture *fx = *state;
  char events[PATH_MAX];
  snprintf(events, sizeof events, "%s.events", fx->maildir);
  const char *opts[] = {"--tls-cert",        cert_path("server.pem", 0),
                        "--tls-key",         cert_path("server.key", 1),
                        "--auth",            USER ":" PASSWORD,
                        "--max-per-session", "2",
                        "--events",          events,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  struct smtp_session *s = smtp_session_new(&c);
  assert_non_null(s);
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  for (int i = 1; i <= 5; i++) {
    int rc = smtp_session_send(s, GOOD_RCPT, msg, &r);
    if (rc != 0)
      fprintf(stderr, "message %d: %s\n", i, r.detail);
    assert_int_equal(rc, 0);
    assert_delivered(fx, i, GOOD_RCPT, msg);
  }
  assert_int_equal(count_events(events, "auth ok"), 3);
  smtp_session_free(s);
  free(msg);
  unlink(events);
}

/* A wrong password is the account's problem, not the recipient's: the
 * 535 to AUTH is a server-wide fault, retried, never a permanent failure. */
static void test_wrong_password_is_server_fault(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  c.password = "wrong-" PASSWORD;
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  assert_string_equal(r.stage, "AUTH");
  assert_int_equal(r.reply_code, 535);
  assert_detail_prefix(&r, url);
  assert_non_null(strstr(r.detail, ": AUTH: 535"));
  assert_null(strstr(r.detail, c.password));
  assert_nothing_delivered(fx);
}

/* The server refuses our sender (MAIL FROM 553): every message would get
 * the same answer, so it is the server's fault, not the recipient's. */
static void test_refused_sender_is_server_fault(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        "--reject-sender", SENDER,
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  assert_string_equal(r.stage, "MAIL FROM");
  assert_int_equal(r.reply_code, 553);
  char want[160];
  snprintf(want, sizeof want,
           "%s: MAIL FROM: 553 5.7.1 sender address rejected: not owned by "
           "user", url);
  assert_string_equal(r.detail, want);
  assert_nothing_delivered(fx);
}

/* Faults of this message, for now: a 450 to RCPT TO, a refused content.
 * Neither is the recipient's for good nor the whole server's. */
static void test_message_faults(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        "--defer",    BAD_RCPT,
                        "--refuse-data", "554 5.6.0 content rejected",
                        NULL};
  start_server(fx, opts);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  char *msg = render(BAD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, BAD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_MESSAGE);
  assert_string_equal(r.stage, "RCPT TO");
  assert_int_equal(r.reply_code, 450);

  msg = render(GOOD_RCPT);
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_MESSAGE);
  assert_string_equal(r.stage, "end of data");
  assert_int_equal(r.reply_code, 554);
  assert_non_null(strstr(r.detail, "end of data: 554 5.6.0 content rejected"));
  assert_nothing_delivered(fx);
}

/* libcurl's verbose mode is on (the stage tracking needs it), but its
 * output goes only to our callback: nothing reaches stderr, where the AUTH
 * exchange would show. */
static void test_verbose_never_reaches_stderr(void **state) {
  struct fixture *fx = *state;
  const char *opts[] = {"--tls-cert", cert_path("server.pem", 0),
                        "--tls-key",  cert_path("server.key", 1),
                        "--auth",     USER ":" PASSWORD,
                        NULL};
  start_server(fx, opts);
  char url[64], errlog[PATH_MAX];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  path_in(errlog, fx->maildir, "stderr.txt");
  fflush(stderr);
  int saved = dup(STDERR_FILENO);
  assert_true(saved >= 0);
  int fd = open(errlog, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  assert_true(fd >= 0);
  assert_true(dup2(fd, STDERR_FILENO) >= 0);
  char *msg = render(GOOD_RCPT);
  struct smtp_result r1, r2;
  int rc1 = smtp_send(&c, GOOD_RCPT, msg, &r1);
  c.password = "wrong-" PASSWORD;
  int rc2 = smtp_send(&c, GOOD_RCPT, msg, &r2);
  fflush(stderr);
  assert_true(dup2(saved, STDERR_FILENO) >= 0);
  assert_int_equal(close(saved), 0);
  assert_int_equal(close(fd), 0);
  free(msg);
  assert_int_equal(rc1, 0);
  assert_int_equal(rc2, -1);
  size_t len = 0;
  char *out = slurp(errlog, &len);
  assert_non_null(out);
  if (len != 0)
    fail_msg("stderr got %zu bytes: %.200s", len, out);
  free(out);
}

/* A relay that does not offer STARTTLS gets nothing when TLS is required
 * (no silent downgrade), but is fine for an explicit local relay. */
static void test_no_starttls_offered(void **state) {
  struct fixture *fx = *state;
  start_server(fx, NULL);
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  assert_false(r.ok);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  assert_detail_prefix(&r, url);
  assert_nothing_delivered(fx);

  c.tls = SMTP_TLS_NONE;
  c.username = NULL;
  c.password = NULL;
  int rc = smtp_send(&c, GOOD_RCPT, msg, &r);
  if (rc != 0)
    fprintf(stderr, "detail: %s\n", r.detail);
  assert_int_equal(rc, 0);
  assert_delivered(fx, 1, GOOD_RCPT, msg);
  free(msg);
}

static void test_server_down_temporary(void **state) {
  struct fixture *fx = *state;
  fx->port = free_port(); /* nothing listens there */
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  c.connect_timeout_ms = 2000;
  c.timeout_ms = 5000;
  char *msg = render(GOOD_RCPT);
  struct smtp_result r;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, msg, &r), -1);
  free(msg);
  assert_false(r.ok);
  assert_false(r.permanent);
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  assert_string_equal(r.stage, "connect");
  assert_int_equal(r.reply_code, 0);
  assert_detail_prefix(&r, url);
}

/* Checked before any connection: nothing listens on this port. */
static void test_bad_arguments(void **state) {
  struct fixture *fx = *state;
  fx->port = free_port();
  char url[64];
  struct smtp_config c = config(fx, url, sizeof url, "smtp");
  struct smtp_result r;
  const char *bad_rcpts[] = {"a@b\r\nRCPT TO:<x@y>", "<a@b>", "a b@c", "",
                             "a@b>\r\nDATA"};
  for (size_t i = 0; i < sizeof bad_rcpts / sizeof *bad_rcpts; i++) {
    assert_int_equal(smtp_send(&c, bad_rcpts[i], "x\r\n", &r), -1);
    assert_true(r.permanent);
    assert_int_equal(r.fault, SMTP_FAULT_RECIPIENT);
    assert_int_equal(r.reply_code, 0);
  }
  assert_int_equal(smtp_send(&c, NULL, "x\r\n", &r), -1);
  assert_int_equal(smtp_send(&c, GOOD_RCPT, NULL, &r), -1);
  assert_int_equal(smtp_send(NULL, GOOD_RCPT, "x\r\n", &r), -1);
  assert_int_equal(smtp_send(&c, GOOD_RCPT, "x\r\n", NULL), -1);

  c.mail_from = "x@y\r\nRSET";
  assert_int_equal(smtp_send(&c, GOOD_RCPT, "x\r\n", &r), -1);
  assert_false(r.permanent); /* configuration: fixable, then retried */
  assert_int_equal(r.fault, SMTP_FAULT_SERVER);
  c = config(fx, url, sizeof url, "smtp");
  c.url = "http://127.0.0.1/";
  assert_int_equal(smtp_send(&c, GOOD_RCPT, "x\r\n", &r), -1);
  assert_false(r.ok);

  /* Credentials in the URL stay out of detail. */
  c = config(fx, url, sizeof url, "smtp");
  char cred_url[128];
  snprintf(cred_url, sizeof cred_url, "smtp://%s:%s@127.0.0.1:%d", USER,
           PASSWORD, fx->port);
  c.url = cred_url;
  c.connect_timeout_ms = 2000;
  assert_int_equal(smtp_send(&c, GOOD_RCPT, "x\r\n", &r), -1);
  assert_null(strstr(r.detail, PASSWORD));
  assert_non_null(strstr(r.detail, "smtp://127.0.0.1:"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
      T(test_starttls_auth_delivered),
      T(test_smtps_implicit_delivered),
      T(test_rogue_certificate_refused),
      T(test_rejected_recipient_then_good),
      T(test_session_reuses_connection),
      T(test_session_limit_reconnects),
      T(test_wrong_password_is_server_fault),
      T(test_refused_sender_is_server_fault),
      T(test_message_faults),
      T(test_verbose_never_reaches_stderr),
      T(test_no_starttls_offered),
      T(test_server_down_temporary),
      T(test_bad_arguments),
#undef T
  };
  return cmocka_run_group_tests_name("smtp", tests, group_setup,
                                     group_teardown);
}
