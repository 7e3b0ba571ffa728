/*
 * test_webhook.c — cmocka tests (group "webhook") for notifiers/webhook.c.
 *
 * Signing is checked against the Standard Webhooks reference vector, so a
 * receiver using any of that project's libraries will accept our signatures.
 * Delivery is checked against a real HTTP receiver, ../e2e/webhook_server.py
 * (run from tests/unit, as the Makefile does), which verifies each signature
 * itself: a test passes only if an independent implementation agrees.
 *
 * The group setup starts one server (verifying, always 200 unless the path
 * says otherwise: /status/CODE[/RETRY_AFTER], /sleep/MS) on a free port with
 * its log in a fresh temporary directory; the teardown stops it and removes
 * the directory, and runs even when tests fail. The child gets
 * PR_SET_PDEATHSIG so it also dies if this process crashes. Tests compare the
 * server's /stats before and after, so their order does not matter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <errno.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "redact.h"
#include "webhook.h"

#define PYTHON "/usr/bin/python3"
#define SERVER "../e2e/webhook_server.py"
#define SECRET "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
/* A well-formed secret with a different key: the server must refuse it. */
#define OTHER_SECRET "whsec_QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"
#define BODY "{\"reminder\":\"Báo cáo quý III\",\"due\":\"2025-10-15\"}"

struct server {
  pid_t pid; /* 0 when not running */
  int port;
  char log[256];
};

struct fixture {
  char dir[64];
  struct server main;    /* shared by most tests */
  struct server scripted; /* started by one test; killed in teardown too */
};

struct stats {
  long connections, requests, accepted, rejected_signature, distinct_ids;
  long duplicates, rejected_timestamp;
};

/* ------------------------------------------------------------- helpers */

static long long now_s(void) { return (long long)time(NULL); }

static void stop_server(struct server *s) {
  if (s->pid <= 0)
    return;
  if (kill(s->pid, SIGTERM) != 0 && errno != ESRCH)
    perror("kill");
  /* Give it 5 s to finish cleanly, then insist. */
  for (int i = 0; i < 500; i++) {
    pid_t r = waitpid(s->pid, NULL, WNOHANG);
    if (r == s->pid || (r < 0 && errno == ECHILD)) {
      s->pid = 0;
      return;
    }
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  if (kill(s->pid, SIGKILL) != 0 && errno != ESRCH)
    perror("kill");
  if (waitpid(s->pid, NULL, 0) < 0)
    perror("waitpid");
  s->pid = 0;
}

/* fork/exec the server with its stdout on a pipe; wait up to 10 s for
 * "READY <port>". extra is NULL or a NULL-terminated list of arguments. */
static int start_server(struct server *s, const char *log,
                        const char *const *extra) {
  const char *argv[24];
  size_t n = 0;
  const char *base[] = {PYTHON, SERVER, "--port", "0", "--secret", SECRET,
                        "--log", log};
  for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
    argv[n++] = base[i];
  for (size_t i = 0; extra != NULL && extra[i] != NULL && n < 23; i++)
    argv[n++] = extra[i];
  argv[n] = NULL;
  snprintf(s->log, sizeof s->log, "%s", log);

  int fds[2];
  if (pipe(fds) != 0) {
    perror("pipe");
    return -1;
  }
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  if (pid == 0) {
    /* Die with the test process, even if it is killed or crashes. */
    if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent)
      _exit(126);
    if (dup2(fds[1], STDOUT_FILENO) < 0)
      _exit(126);
    close(fds[0]);
    close(fds[1]);
    execv(PYTHON, (char *const *)argv);
    _exit(127);
  }
  close(fds[1]);
  s->pid = pid;

  char buf[128];
  size_t got = 0;
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    long waited = (t.tv_sec - start.tv_sec) * 1000 +
                  (t.tv_nsec - start.tv_nsec) / 1000000;
    if (waited >= 10000)
      break;
    struct pollfd p = {.fd = fds[0], .events = POLLIN};
    int pr = poll(&p, 1, (int)(10000 - waited));
    if (pr < 0 && errno == EINTR)
      continue;
    if (pr <= 0)
      break;
    ssize_t r = read(fds[0], buf + got, sizeof buf - 1 - got);
    if (r <= 0)
      break; /* EOF: the server died */
    got += (size_t)r;
    buf[got] = '\0';
    if (strchr(buf, '\n') != NULL || got == sizeof buf - 1)
      break;
  }
  buf[got] = '\0';
  /* Stop reading: the server tolerates a closed stdout. */
  close(fds[0]);
  if (sscanf(buf, "READY %d", &s->port) != 1 || s->port <= 0) {
    fprintf(stderr, "webhook server did not get ready: \"%s\"\n", buf);
    stop_server(s);
    return -1;
  }
  return 0;
}

struct buf {
  char data[1024];
  size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *ud) {
  struct buf *b = ud;
  size_t n = size * nmemb;
  size_t room = sizeof b->data - 1 - b->len;
  size_t take = n < room ? n : room;
  memcpy(b->data + b->len, ptr, take);
  b->len += take;
  b->data[b->len] = '\0';
  return n;
}

/* GET /stats with a plain easy handle and parse its "name value" lines. */
static void get_stats(const struct server *s, struct stats *st) {
  char url[64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/stats", s->port);
  struct buf b = {.len = 0};
  CURL *h = curl_easy_init();
  assert_non_null(h);
  CURLcode rc = curl_easy_setopt(h, CURLOPT_URL, url);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 5000L);
  if (rc == CURLE_OK)
    rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  assert_int_equal(rc, CURLE_OK);

  memset(st, 0, sizeof *st);
  struct {
    const char *name;
    long *into;
  } fields[] = {{"connections", &st->connections},
                {"requests", &st->requests},
                {"accepted", &st->accepted},
                {"rejected_signature", &st->rejected_signature},
                {"distinct_ids", &st->distinct_ids},
                {"duplicates", &st->duplicates},
                {"rejected_timestamp", &st->rejected_timestamp}};
  int found = 0;
  for (char *line = strtok(b.data, "\n"); line; line = strtok(NULL, "\n")) {
    char name[32];
    long v;
    if (sscanf(line, "%31s %ld", name, &v) != 2)
      continue;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
      if (strcmp(name, fields[i].name) == 0) {
        *fields[i].into = v;
        found++;
      }
  }
  assert_int_equal(found, 7);
}

/* How many accepted deliveries of msg_id the server logged. */
static int logged(const struct server *s, const char *msg_id) {
  FILE *f = fopen(s->log, "r");
  if (f == NULL)
    return 0; /* nothing accepted yet */
  char needle[300];
  snprintf(needle, sizeof needle, "\"webhook-id\": \"%s\"", msg_id);
  char line[4096];
  int count = 0;
  while (fgets(line, sizeof line, f) != NULL)
    if (strstr(line, needle) != NULL)
      count++;
  if (fclose(f) != 0)
    perror("fclose");
  return count;
}

/* The webhook-timestamp of the accepted delivery of msg_id, 0 if none. */
static long long logged_timestamp(const struct server *s, const char *msg_id) {
  FILE *f = fopen(s->log, "r");
  if (f == NULL)
    return 0;
  char needle[300];
  snprintf(needle, sizeof needle, "\"webhook-id\": \"%s\"", msg_id);
  char line[4096];
  long long ts = 0;
  while (fgets(line, sizeof line, f) != NULL) {
    const char *t = strstr(line, "\"timestamp\": \"");
    if (strstr(line, needle) != NULL && t != NULL)
      ts = atoll(t + strlen("\"timestamp\": \""));
  }
  if (fclose(f) != 0)
    perror("fclose");
  return ts;
}

static struct webhook_request req(const char *url, const char *secret,
                                  const char *msg_id) {
  struct webhook_request r = {.url = url, .secret = secret, .msg_id = msg_id,
                              .body = BODY, .follow_redirects = false,
                              .connect_timeout_ms = 2000, .timeout_ms = 5000};
  return r;
}

static void url_for(const struct fixture *fx, const char *path, char *out,
                    size_t len) {
  snprintf(out, len, "http://127.0.0.1:%d%s", fx->main.port, path);
}

/* Remove the (flat) temporary directory and whatever the servers left in
 * it; keep going past errors so as much as possible is cleaned. */
static void remove_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (d == NULL) {
    perror(dir);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (unlink(path) != 0)
      perror(path);
  }
  if (closedir(d) != 0)
    perror("closedir");
  if (rmdir(dir) != 0)
    perror(dir);
}

/* ------------------------------------------------------ setup/teardown */

static int group_teardown(void **state) {
  struct fixture *fx = *state;
  if (fx == NULL)
    return 0;
  stop_server(&fx->scripted);
  stop_server(&fx->main);
  if (fx->dir[0] != '\0')
    remove_dir(fx->dir);
  free(fx);
  *state = NULL;
  return 0;
}

static int group_setup(void **state) {
  struct fixture *fx = calloc(1, sizeof *fx);
  if (fx == NULL)
    return -1;
  *state = fx;
  snprintf(fx->dir, sizeof fx->dir, "/tmp/dondoc-webhook.XXXXXX");
  if (mkdtemp(fx->dir) == NULL) {
    perror("mkdtemp");
    fx->dir[0] = '\0';
    group_teardown(state);
    return -1;
  }
  char log[128];
  snprintf(log, sizeof log, "%s/main.jsonl", fx->dir);
  if (start_server(&fx->main, log, NULL) != 0) {
    group_teardown(state);
    return -1;
  }
  return 0;
}

/* --------------------------------------------------------------- tests */

/* The reference vector of Standard Webhooks (libraries/go/webhook_test.go,
 * TestWebhookSign, in github.com/standard-webhooks/standard-webhooks). */
static void sign_matches_spec_vector(void **state) {
  (void)state;
  const char *body = "{\"test\": 2432232314}";
  char out[64];
  assert_int_equal(webhook_sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265330, body, strlen(body), out,
                                sizeof out),
                   0);
  assert_string_equal(out, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

  /* 47 characters plus NUL: 48 is enough, 47 is not. */
  char exact[48];
  assert_int_equal(webhook_sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265330, body, strlen(body), exact,
                                sizeof exact),
                   0);
  assert_string_equal(exact, out);
  assert_int_equal(webhook_sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265330, body, strlen(body), exact,
                                sizeof exact - 1),
                   -1);
  /* Every part is signed: another timestamp gives another signature. */
  assert_int_equal(webhook_sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                1614265331, body, strlen(body), exact,
                                sizeof exact),
                   0);
  assert_string_not_equal(exact, out);
}

static void sign_rejects_malformed_input(void **state) {
  (void)state;
  const char *bad[] = {
      NULL,
      "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",        /* no whsec_ prefix */
      "whsec_",                                  /* empty key */
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",   /* not a multiple of 4 */
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w",  /* not base64 */
      "whsec_MfKQ9r8GKYqrTwjU=D8ILPZIo2LaLaSw",  /* '=' inside */
      " whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", /* stray space */
      "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n",
      "whsec_c2hvcnQ=",                          /* 5 bytes: below 24 */
  };
  char out[64];
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    assert_int_equal(webhook_sign(bad[i], "msg_1", 1, "{}", 2, out, sizeof out),
                     -1);
  /* '.' in the id would make the signed content ambiguous. */
  assert_int_equal(webhook_sign(SECRET, "msg.1", 1, "{}", 2, out, sizeof out),
                   -1);
  assert_int_equal(webhook_sign(SECRET, NULL, 1, "{}", 2, out, sizeof out), -1);
  assert_int_equal(webhook_sign(SECRET, "msg_1", 1, "{}", 2, NULL, 64), -1);
}

static void signed_delivery_is_verified_and_accepted(void **state) {
  struct fixture *fx = *state;
  char url[128], expect[160];
  url_for(fx, "/hook", url, sizeof url);
  struct stats before, after;
  get_stats(&fx->main, &before);

  struct webhook_request r = req(url, SECRET, "msg_signed_ok");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 4, now_s()), 0);
  assert_true(res.ok);
  assert_false(res.permanent);
  assert_int_equal(res.http_status, 200);
  assert_int_equal(res.retry_after_s, 0);
  snprintf(expect, sizeof expect, "%s: HTTP 200", url);
  assert_string_equal(res.detail, expect);

  get_stats(&fx->main, &after);
  assert_int_equal(after.accepted - before.accepted, 1);
  assert_int_equal(after.rejected_signature - before.rejected_signature, 0);
  assert_int_equal(logged(&fx->main, "msg_signed_ok"), 1);

  /* The server really checks: a different key, or no signature, is 401,
   * which is a permanent failure (a 4xx). */
  struct webhook_request wrong[2] = {req(url, OTHER_SECRET, "msg_wrong_key"),
                                     req(url, NULL, "msg_unsigned")};
  struct webhook_result wres[2];
  assert_int_equal(webhook_send_all(wrong, 2, wres, 2, now_s()), 0);
  for (int i = 0; i < 2; i++) {
    assert_false(wres[i].ok);
    assert_true(wres[i].permanent);
    assert_int_equal(wres[i].http_status, 401);
    /* the verifier's reason is quoted */
    assert_non_null(strstr(wres[i].detail, "bad signature"));
  }
  get_stats(&fx->main, &after);
  assert_int_equal(after.rejected_signature - before.rejected_signature, 2);
  assert_int_equal(logged(&fx->main, "msg_wrong_key"), 0);
}

static void http_500_is_temporary(void **state) {
  struct fixture *fx = *state;
  char url[128], expect[160];
  url_for(fx, "/status/500", url, sizeof url);
  struct webhook_request r = req(url, SECRET, "msg_500");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_false(res.permanent);
  assert_false(res.unavailable);   /* a 500 may be this body's doing */
  assert_int_equal(res.http_status, 500);
  /* the URL as shown: its first segment, the rest cut */
  snprintf(expect, sizeof expect, "http://127.0.0.1:%d/status/...: HTTP 500",
           fx->main.port);
  assert_string_equal(res.detail, expect);
}

static void http_410_is_permanent(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/status/410", url, sizeof url);
  struct webhook_request r = req(url, SECRET, "msg_410");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_true(res.permanent);
  assert_int_equal(res.http_status, 410);
}

static void http_429_is_temporary_with_retry_after(void **state) {
  struct fixture *fx = *state;
  char url[128], expect[160];
  url_for(fx, "/status/429/30", url, sizeof url);
  struct webhook_request r = req(url, SECRET, "msg_429");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_false(res.permanent);
  assert_int_equal(res.http_status, 429);
  assert_int_equal(res.retry_after_s, 30);
  snprintf(expect, sizeof expect,
           "http://127.0.0.1:%d/status/...: HTTP 429, Retry-After 30 s",
           fx->main.port);
  assert_string_equal(res.detail, expect);
}

static void redirect_is_permanent_unless_followed(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/status/301", url, sizeof url);
  struct webhook_request r = req(url, SECRET, "msg_redirect");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_true(res.permanent);
  assert_int_equal(res.http_status, 301);
  assert_non_null(strstr(res.detail, "/hook not followed"));
  assert_int_equal(logged(&fx->main, "msg_redirect"), 0);

  /* Asked to follow, the POST (body and signature) reaches /hook. */
  r.follow_redirects = true;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_true(res.ok);
  assert_int_equal(res.http_status, 200);
  assert_int_equal(logged(&fx->main, "msg_redirect"), 1);
}

static void timeout_is_temporary(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/sleep/3000", url, sizeof url);
  struct webhook_request r = req(url, SECRET, "msg_timeout");
  r.timeout_ms = 500;
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_false(res.permanent);
  assert_int_equal(res.http_status, 0);
  assert_true(res.unavailable);
  assert_non_null(strstr(res.detail, "timed out"));
  char shown[128];
  redact_url(url, shown, sizeof shown);
  assert_memory_equal(res.detail, shown, strlen(shown));
}

static void refused_connection_is_temporary(void **state) {
  (void)state;
  /* A port that was free a moment ago: bind, read it back, close. */
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(sock >= 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t alen = sizeof a;
  assert_int_equal(bind(sock, (struct sockaddr *)&a, sizeof a), 0);
  assert_int_equal(getsockname(sock, (struct sockaddr *)&a, &alen), 0);
  assert_int_equal(close(sock), 0);

  char url[128];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", ntohs(a.sin_port));
  struct webhook_request r = req(url, SECRET, "msg_refused");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_false(res.permanent);
  assert_true(res.unavailable);
  assert_int_equal(res.http_status, 0);
  assert_memory_equal(res.detail, url, strlen(url));
}

static void bad_url_scheme_is_permanent(void **state) {
  (void)state;
  struct webhook_request r = req("ftp://127.0.0.1/hook", SECRET, "msg_ftp");
  struct webhook_result res;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_true(res.permanent);
  assert_false(res.unavailable);
  assert_int_equal(res.http_status, 0);
}

/* Completion order (500 and 410 at once, the slow 200 last) differs from
 * request order; results must still line up with requests. */
static void concurrent_results_keep_request_order(void **state) {
  struct fixture *fx = *state;
  char u0[128], u1[128], u2[128];
  url_for(fx, "/sleep/400", u0, sizeof u0);
  url_for(fx, "/status/500", u1, sizeof u1);
  url_for(fx, "/status/410", u2, sizeof u2);
  struct webhook_request r[3] = {req(u0, SECRET, "msg_c0"),
                                 req(u1, SECRET, "msg_c1"),
                                 req(u2, SECRET, "msg_c2")};
  struct webhook_result res[3];
  assert_int_equal(webhook_send_all(r, 3, res, 3, now_s()), 0);
  assert_true(res[0].ok);
  assert_int_equal(res[0].http_status, 200);
  assert_false(res[1].ok);
  assert_false(res[1].permanent);
  assert_int_equal(res[1].http_status, 500);
  assert_false(res[2].ok);
  assert_true(res[2].permanent);
  assert_int_equal(res[2].http_status, 410);
  assert_int_equal(logged(&fx->main, "msg_c0"), 1);
}

/* More requests than slots: every one goes out exactly once, over at most
 * max_parallel connections that are kept alive and reused. */
static void batch_larger_than_parallelism(void **state) {
  struct fixture *fx = *state;
  enum { N = 25 };
  char url[128], ids[N][32];
  url_for(fx, "/hook", url, sizeof url);
  struct webhook_request r[N];
  struct webhook_result res[N];
  for (int i = 0; i < N; i++) {
    snprintf(ids[i], sizeof ids[i], "msg_batch_%02d", i);
    r[i] = req(url, SECRET, ids[i]);
  }
  struct stats before, after;
  get_stats(&fx->main, &before);
  assert_int_equal(webhook_send_all(r, N, res, 3, now_s()), 0);
  for (int i = 0; i < N; i++) {
    assert_true(res[i].ok);
    assert_int_equal(logged(&fx->main, ids[i]), 1);
  }
  get_stats(&fx->main, &after);
  assert_int_equal(after.accepted - before.accepted, N);
  assert_int_equal(after.distinct_ids - before.distinct_ids, N);
  assert_int_equal(after.duplicates - before.duplicates, 0);
  /* The second GET /stats is one more connection of its own. */
  long opened = after.connections - before.connections - 1;
  assert_true(opened >= 1 && opened <= 3);
}

/* A pool keeps its connections between sends: three batches through one
 * pool open no more than max_parallel connections in all (three
 * webhook_send_all calls would open up to three times as many). */
static void pool_reuses_connections_across_sends(void **state) {
  struct fixture *fx = *state;
  enum { N = 10, ROUNDS = 3, PAR = 2 };
  char url[128], ids[ROUNDS][N][32];
  url_for(fx, "/hook", url, sizeof url);
  struct webhook_pool *pool = webhook_pool_new(PAR);
  assert_non_null(pool);
  struct stats before, after;
  get_stats(&fx->main, &before);
  for (int k = 0; k < ROUNDS; k++) {
    struct webhook_request r[N];
    struct webhook_result res[N];
    for (int i = 0; i < N; i++) {
      snprintf(ids[k][i], sizeof ids[k][i], "msg_pool_%d_%02d", k, i);
      r[i] = req(url, SECRET, ids[k][i]);
    }
    assert_int_equal(webhook_pool_send(pool, r, N, res, 0), 0);
    for (int i = 0; i < N; i++) {
      assert_true(res[i].ok);
      assert_int_equal(logged(&fx->main, ids[k][i]), 1);
    }
  }
  get_stats(&fx->main, &after);
  webhook_pool_free(pool);
  assert_int_equal(after.accepted - before.accepted, N * ROUNDS);
  assert_int_equal(after.duplicates - before.duplicates, 0);
  /* The second GET /stats is one more connection of its own. */
  long opened = after.connections - before.connections - 1;
  assert_true(opened >= 1 && opened <= PAR);
}

/* One pool signs what the transfer before it signed only when secret, id,
 * second and body are all the same: the server verifies each request with
 * SECRET, so a signature carried over to another key or body is refused. */
static void signatures_reused_only_for_the_same_content(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/hook", url, sizeof url);
  static const char other_body[] = "{\"reminder\":\"Báo cáo năm\"}";
  struct webhook_request r[5] = {
    req(url, SECRET, "msg_memo"), req(url, SECRET, "msg_memo"),
    req(url, OTHER_SECRET, "msg_memo"), req(url, SECRET, "msg_memo"),
    req(url, SECRET, "msg_memo_2")};
  r[3].body = other_body;
  r[4].body = other_body;
  struct webhook_result res[5];
  struct stats before, after;
  get_stats(&fx->main, &before);
  struct webhook_pool *pool = webhook_pool_new(1);
  assert_non_null(pool);
  assert_int_equal(webhook_pool_send(pool, r, 5, res, now_s()), 0);
  webhook_pool_free(pool);
  get_stats(&fx->main, &after);
  for (int i = 0; i < 5; i++)
    if (i == 2) {
      assert_false(res[i].ok);
      assert_int_equal(res[i].http_status, 401);
    } else {
      assert_true(res[i].ok);
    }
  assert_int_equal(after.rejected_signature - before.rejected_signature, 1);
}

static void malformed_secret_is_refused_before_sending(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/hook", url, sizeof url);
  struct stats before, after;
  get_stats(&fx->main, &before);
  struct webhook_request r[3] = {
      req(url, "whsec_not base64!", "msg_badsecret"),
      req(url, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_noprefix"),
      req(url, SECRET, "msg.with.dots")};
  struct webhook_result res[3];
  assert_int_equal(webhook_send_all(r, 3, res, 2, now_s()), 0);
  for (int i = 0; i < 3; i++) {
    assert_false(res[i].ok);
    assert_true(res[i].permanent);
    assert_int_equal(res[i].http_status, 0);
  }
  assert_non_null(strstr(res[0].detail, "malformed webhook secret"));
  get_stats(&fx->main, &after);
  assert_int_equal(after.requests, before.requests); /* nothing was sent */
}

/* The --script mode, as a retry loop would see it: first a 503 asking for
 * 7 s, then success with the same webhook-id (one logged delivery). */
static void scripted_503_then_success(void **state) {
  struct fixture *fx = *state;
  char log[128];
  snprintf(log, sizeof log, "%s/scripted.jsonl", fx->dir);
  const char *extra[] = {"--script", "503/7,200", NULL};
  assert_int_equal(start_server(&fx->scripted, log, extra), 0);
  char url[128];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", fx->scripted.port);
  struct webhook_request r = req(url, SECRET, "msg_retry");
  struct webhook_result res;

  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_false(res.ok);
  assert_false(res.permanent);
  assert_int_equal(res.http_status, 503);
  assert_true(res.unavailable);    /* 503: the endpoint is down for now */
  assert_int_equal(res.retry_after_s, 7);
  assert_int_equal(logged(&fx->scripted, "msg_retry"), 0);

  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s()), 0);
  assert_true(res.ok);
  assert_int_equal(res.retry_after_s, 0);
  assert_int_equal(logged(&fx->scripted, "msg_retry"), 1);
  stop_server(&fx->scripted);
}

static void empty_batch_is_fine(void **state) {
  (void)state;
  assert_int_equal(webhook_send_all(NULL, 0, NULL, 8, now_s()), 0);
}

/* The shown form of URLs (redact.h): scheme, host and a harmless first
 * segment stay; credentials, tokens and everything after go. */
static void redact_url_rules(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      /* Telegram: the token IS the first segment */
      {"https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
       "https://api.telegram.org/***/..."},
      {"https://dondoc:pa55word@chat.example/hooks/abc",
       "https://chat.example/hooks/..."},
      {"https://baocao.example/api?token=s3cr3t-t0ken",
       "https://baocao.example/api/..."},
      {"https://baocao.example?token=abc", "https://baocao.example/..."},
      {"https://baocao.example#frag", "https://baocao.example/..."},
      {"http://127.0.0.1:8080/hook", "http://127.0.0.1:8080/hook"},
      {"https://chat.example", "https://chat.example"},
      {"https://chat.example/", "https://chat.example/"},
      {"https://hooks.slack.com/services/T000/B000/XXXXXXXX",
       "https://hooks.slack.com/services/..."},
      {"https://x.example/v1/spaces", "https://x.example/v1/..."},
      /* long, number-heavy or encoded first segments are tokens */
      {"https://x.example/3f9a8b7c6d5e4f3a2b1c0d", "https://x.example/***"},
      {"https://x.example/a1b2c3d4e5", "https://x.example/***"},
      {"https://x.example/k%3Dv/x", "https://x.example/***/..."},
      {"https://x.example/user@host", "https://x.example/***"},
      {"smtp://ban:mat-khau@mail.example:587", "smtp://mail.example:587"},
      {"smtps://mail.example:465", "smtps://mail.example:465"},
      {"not a url", "***"},
      {"/relative/path", "***"},
  };
  char out[256];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    redact_url(cases[i][0], out, sizeof out);
    if (strcmp(out, cases[i][1]) != 0)
      fail_msg("redact_url(%s) = %s, expected %s", cases[i][0], out,
               cases[i][1]);
  }
  redact_url(NULL, out, sizeof out);
  assert_string_equal(out, "(no url)");
  char tiny[8];
  redact_url("https://api.telegram.org/bot1:x/y", tiny, sizeof tiny);
  assert_string_equal(tiny, "https:/");          /* cut, still terminated */

  /* Scrubbing text that quotes the URL or pieces of it. */
  const char *url = "https://dondoc:pa55word@api.telegram.org/bot123456:"
                    "ABCdefGHI/sendMessage?chat=-100&token=t0ps3cret#frag";
  char text[256];
  snprintf(text, sizeof text, "Failed to POST %s: refused; token t0ps3cret, "
           "path /bot123456:ABCdefGHI/sendMessage, user dondoc", url);
  redact_scrub(text, sizeof text, url);
  assert_string_equal(text,
      "Failed to POST https://api.telegram.org/***/...: refused; token ***, "
      "path /***/***, user ***");
  /* a text too small for what replaces: cut, terminated, no secret */
  char small[24];
  snprintf(small, sizeof small, "x pa55word %s", "yyyyyyyyyyyyy");
  redact_scrub(small, sizeof small, url);
  assert_null(strstr(small, "pa55"));
  assert_true(strlen(small) < sizeof small);
}

/* A URL with a password, a bot token and a ?token=: no detail, whatever
 * the outcome, shows any of them. */
static void secrets_in_url_never_reach_detail(void **state) {
  struct fixture *fx = *state;
  char ok_url[256], down_url[256], bad_url[256];
  snprintf(ok_url, sizeof ok_url,
           "http://dondoc:pa55word@127.0.0.1:%d/bot123456:ABCdefGHI/"
           "sendMessage?token=t0ps3cret", fx->main.port);
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(sock >= 0);
  struct sockaddr_in a = {.sin_family = AF_INET,
                          .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t alen = sizeof a;
  assert_int_equal(bind(sock, (struct sockaddr *)&a, sizeof a), 0);
  assert_int_equal(getsockname(sock, (struct sockaddr *)&a, &alen), 0);
  assert_int_equal(close(sock), 0);
  snprintf(down_url, sizeof down_url,
           "http://dondoc:pa55word@127.0.0.1:%d/bot123456:ABCdefGHI/"
           "sendMessage?token=t0ps3cret", ntohs(a.sin_port));
  snprintf(bad_url, sizeof bad_url,
           "ftp://dondoc:pa55word@127.0.0.1:%d/bot123456:ABCdefGHI/"
           "sendMessage?token=t0ps3cret", fx->main.port);
  struct webhook_request r[4] = {req(ok_url, SECRET, "msg_secret_ok"),
                                 req(ok_url, OTHER_SECRET, "msg_secret_401"),
                                 req(down_url, SECRET, "msg_secret_down"),
                                 req(bad_url, SECRET, "msg_secret_ftp")};
  struct webhook_result res[4];
  assert_int_equal(webhook_send_all(r, 4, res, 4, 0), 0);
  assert_true(res[0].ok);
  assert_int_equal(res[1].http_status, 401);
  assert_false(res[2].ok);
  assert_true(res[2].unavailable);
  assert_true(res[3].permanent);
  char shown[64];
  snprintf(shown, sizeof shown, "http://127.0.0.1:%d/***/...: ",
           fx->main.port);
  assert_memory_equal(res[0].detail, shown, strlen(shown));
  for (int i = 0; i < 4; i++) {
    static const char *const secrets[] = {"pa55word", "123456:ABCdefGHI",
                                          "t0ps3cret", "sendMessage",
                                          "dondoc:"};
    for (size_t k = 0; k < sizeof secrets / sizeof secrets[0]; k++)
      if (strstr(res[i].detail, secrets[k]) != NULL)
        fail_msg("detail %d shows %s: %s", i, secrets[k], res[i].detail);
  }
}

/* A verifier that finds the timestamp out of tolerance answers 401 and
 * says so: temporary, since the next attempt carries a fresh timestamp.
 * The same 401 for a wrong signature stays permanent (above). */
static void stale_timestamp_is_temporary(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/hook", url, sizeof url);
  struct stats before, after;
  get_stats(&fx->main, &before);
  struct webhook_request r = req(url, SECRET, "msg_stale");
  struct webhook_result res;
  long long stale = now_s() - 600;
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, stale), 0);
  assert_false(res.ok);
  assert_int_equal(res.http_status, 401);
  assert_false(res.permanent);
  assert_false(res.unavailable);
  assert_non_null(strstr(res.detail, "HTTP 401: timestamp too old"));
  assert_int_equal(res.timestamp, stale);
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, now_s() + 600), 0);
  assert_false(res.permanent);
  assert_non_null(strstr(res.detail, "timestamp too new"));
  get_stats(&fx->main, &after);
  assert_int_equal(after.rejected_timestamp - before.rejected_timestamp, 2);
  assert_int_equal(logged(&fx->main, "msg_stale"), 0);
  /* and retried with the clock (now = 0), it goes through */
  assert_int_equal(webhook_send_all(&r, 1, &res, 1, 0), 0);
  assert_true(res.ok);
  assert_int_equal(logged(&fx->main, "msg_stale"), 1);
}

/* Each transfer is stamped when it starts, not when the batch began: one
 * slot, three receivers that each take 1.2 s, so the third starts at least
 * 2.4 s after the first. The receiver checks every signature. */
static void each_transfer_stamped_when_it_starts(void **state) {
  struct fixture *fx = *state;
  char url[128];
  url_for(fx, "/sleep/1200", url, sizeof url);
  struct webhook_request r[3] = {req(url, SECRET, "msg_stamp_0"),
                                 req(url, SECRET, "msg_stamp_1"),
                                 req(url, SECRET, "msg_stamp_2")};
  for (int i = 0; i < 3; i++)
    r[i].timeout_ms = 10000;
  struct webhook_result res[3];
  long long t0 = now_s();
  assert_int_equal(webhook_send_all(r, 3, res, 1, 0), 0);
  for (int i = 0; i < 3; i++) {
    assert_true(res[i].ok);
    assert_int_equal(logged_timestamp(&fx->main, r[i].msg_id),
                     res[i].timestamp);
  }
  assert_true(res[0].timestamp >= t0);
  assert_true(res[1].timestamp >= res[0].timestamp + 1);
  assert_true(res[2].timestamp >= res[0].timestamp + 2);
}

int main(void) {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, "curl_global_init failed\n");
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(sign_matches_spec_vector),
      cmocka_unit_test(sign_rejects_malformed_input),
      cmocka_unit_test(signed_delivery_is_verified_and_accepted),
      cmocka_unit_test(http_500_is_temporary),
      cmocka_unit_test(http_410_is_permanent),
      cmocka_unit_test(http_429_is_temporary_with_retry_after),
      cmocka_unit_test(redirect_is_permanent_unless_followed),
      cmocka_unit_test(timeout_is_temporary),
      cmocka_unit_test(refused_connection_is_temporary),
      cmocka_unit_test(bad_url_scheme_is_permanent),
      cmocka_unit_test(concurrent_results_keep_request_order),
      cmocka_unit_test(batch_larger_than_parallelism),
      cmocka_unit_test(pool_reuses_connections_across_sends),
      cmocka_unit_test(signatures_reused_only_for_the_same_content),
      cmocka_unit_test(malformed_secret_is_refused_before_sending),
      cmocka_unit_test(scripted_503_then_success),
      cmocka_unit_test(empty_batch_is_fine),
      cmocka_unit_test(redact_url_rules),
      cmocka_unit_test(secrets_in_url_never_reach_detail),
      cmocka_unit_test(stale_timestamp_is_temporary),
      cmocka_unit_test(each_transfer_stamped_when_it_starts),
  };
  int failed = cmocka_run_group_tests_name("webhook", tests, group_setup,
                                           group_teardown);
  curl_global_cleanup();
  return failed;
}
