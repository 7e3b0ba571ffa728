/*
 * webhook_throughput.c — how many signed webhooks per second
 * webhook_send_all() delivers at a given max_parallel.
 *
 * For each parallelism (1, 8 and 32 unless -p says otherwise) it starts a
 * fresh tests/e2e/webhook_server.py (which verifies every signature), sends
 * COUNT webhooks with distinct ids in one webhook_send_all() call, times that
 * call on the monotonic clock, and then checks with the server's /stats that
 * it accepted all COUNT distinct ids exactly once (no duplicates, no bad
 * signatures). Exit status 1 if any check fails. The receiver can be made
 * slow with -d, to see what parallelism buys against a real, slow endpoint.
 *
 * Not part of `make test`: a measurement, with nothing asserted on timings.
 * Build and run from the repository root (see bench/README.md):
 *
 *   gcc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
 *       -D_DEFAULT_SOURCE -Inotifiers -o /tmp/webhook_throughput \
 *       bench/webhook_throughput.c notifiers/webhook.c \
 *       $(pkg-config --cflags --libs libcurl libcrypto)
 *   /tmp/webhook_throughput [-n COUNT] [-d DELAY_MS] [-p 1,8,32]
 */
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "webhook.h"

#define PYTHON "/usr/bin/python3"
#define SERVER "tests/e2e/webhook_server.py"
#define SECRET "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
/* A reminder-sized JSON body (~230 bytes), like the engine sends. */
#define BODY                                                                   \
  "{\"type\":\"reminder.overdue\",\"timestamp\":\"2025-10-16T01:00:00Z\","     \
  "\"data\":{\"plan\":\"bac-ninh-2025\",\"agency\":\"so-lao-dong\","           \
  "\"report\":\"Báo cáo quý III về bình đẳng giới\",\"due\":\"2025-10-15\","   \
  "\"days_late\":1}}"

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* CPU seconds (user + system) this process has used so far: the client's
 * own cost, as opposed to wall time, which the receiver may dominate. */
static double cpu_seconds(void) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0)
    return 0;
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void stop_server(pid_t pid) {
  if (pid <= 0)
    return;
  if (kill(pid, SIGTERM) != 0 && errno != ESRCH)
    perror("kill");
  if (waitpid(pid, NULL, 0) < 0)
    perror("waitpid");
}

/* Start the server on a free port; returns its pid and port, or -1. */
static pid_t start_server(const char *log, int delay_ms, int *port) {
  char delay[16];
  snprintf(delay, sizeof delay, "%d", delay_ms);
  const char *argv[] = {PYTHON, SERVER, "--port", "0", "--secret", SECRET,
                        "--log", log, "--delay-ms", delay, NULL};
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
    /* Die with the benchmark, whatever happens to it. */
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
  char buf[128] = {0};
  size_t got = 0;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while (got < sizeof buf - 1 && !memchr(buf, '\n', got)) {
    int left = 10000 - (int)(seconds_since(&t0) * 1000);
    struct pollfd p = {.fd = fds[0], .events = POLLIN};
    int pr = left > 0 ? poll(&p, 1, left) : 0;
    if (pr < 0 && errno == EINTR)
      continue;
    if (pr <= 0)
      break;
    ssize_t r = read(fds[0], buf + got, sizeof buf - 1 - got);
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  buf[got] = '\0';
  close(fds[0]);
  if (sscanf(buf, "READY %d", port) != 1) {
    fprintf(stderr, "server did not start (run from the repository root): "
                    "\"%s\"\n", buf);
    stop_server(pid);
    return -1;
  }
  return pid;
}

struct text {
  char data[1024];
  size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *ud) {
  struct text *t = ud;
  size_t n = size * nmemb;
  size_t room = sizeof t->data - 1 - t->len;
  size_t take = n < room ? n : room;
  memcpy(t->data + t->len, ptr, take);
  t->len += take;
  t->data[t->len] = '\0';
  return n;
}

/* Value of one "name value" line of GET /stats, or -1. */
static long stat_value(const char *stats, const char *name) {
  size_t len = strlen(name);
  for (const char *p = stats; p != NULL && *p; p = strchr(p, '\n')) {
    if (*p == '\n')
      p++;
    if (strncmp(p, name, len) == 0 && p[len] == ' ')
      return strtol(p + len + 1, NULL, 10);
  }
  return -1;
}

static int fetch_stats(int port, struct text *out) {
  char url[64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/stats", port);
  out->len = 0;
  out->data[0] = '\0';
  CURL *h = curl_easy_init();
  if (h == NULL)
    return -1;
  CURLcode rc = curl_easy_setopt(h, CURLOPT_URL, url);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_WRITEDATA, out);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
  if (rc == CURLE_OK)
    rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? 0 : -1;
}

static long count_lines(const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return -1;
  long lines = 0;
  int c;
  while ((c = getc(f)) != EOF)
    lines += c == '\n';
  if (fclose(f) != 0)
    return -1;
  return lines;
}

/* One measured run; returns 0 when every check passed. */
static int run(int parallel, int count, int delay_ms) {
  char dir[] = "/tmp/dondoc-bench.XXXXXX";
  if (mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    return -1;
  }
  char log[64];
  snprintf(log, sizeof log, "%s/deliveries.jsonl", dir);
  int rc = -1, port = 0;
  struct webhook_request *reqs = calloc((size_t)count, sizeof *reqs);
  struct webhook_result *res = calloc((size_t)count, sizeof *res);
  char (*ids)[32] = calloc((size_t)count, sizeof *ids);
  pid_t pid = -1;
  char url[64];
  if (reqs == NULL || res == NULL || ids == NULL)
    goto out;
  if ((pid = start_server(log, delay_ms, &port)) < 0)
    goto out;
  snprintf(url, sizeof url, "http://127.0.0.1:%d/hook", port);
  for (int i = 0; i < count; i++) {
    snprintf(ids[i], sizeof ids[i], "msg_bench_p%d_%05d", parallel, i);
    reqs[i] = (struct webhook_request){
        .url = url, .secret = SECRET, .msg_id = ids[i], .body = BODY,
        .connect_timeout_ms = 5000, .timeout_ms = 30000};
  }

  struct timespec t0;
  double cpu0 = cpu_seconds();
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int sent = webhook_send_all(reqs, (size_t)count, res, parallel,
                              (long long)time(NULL));
  double secs = seconds_since(&t0);
  double cpu = cpu_seconds() - cpu0;
  if (sent != 0) {
    fprintf(stderr, "webhook_send_all failed\n");
    goto out;
  }
  int ok = 0;
  for (int i = 0; i < count; i++) {
    if (res[i].ok)
      ok++;
    else if (count - ok <= 3)
      fprintf(stderr, "  %s\n", res[i].detail);
  }

  struct text st;
  if (fetch_stats(port, &st) != 0) {
    fprintf(stderr, "cannot read /stats\n");
    goto out;
  }
  /* Minus one: the GET /stats connection itself. */
  long conns = stat_value(st.data, "connections") - 1;
  long accepted = stat_value(st.data, "accepted");
  long distinct = stat_value(st.data, "distinct_ids");
  long dups = stat_value(st.data, "duplicates");
  long rejected = stat_value(st.data, "rejected_signature");
  long lines = count_lines(log);
  printf("max_parallel=%-3d %d webhooks in %6.3f s = %6.0f msg/s  "
         "(client CPU %.3f s)  ok=%d; server: connections=%ld accepted=%ld "
         "distinct_ids=%ld duplicates=%ld bad_signatures=%ld log_lines=%ld\n",
         parallel, count, secs, count / secs, cpu, ok, conns, accepted,
         distinct, dups, rejected, lines);
  if (ok == count && accepted == count && distinct == count && dups == 0 &&
      rejected == 0 && lines == count && conns >= 1 && conns <= parallel)
    rc = 0;
  else
    fprintf(stderr, "max_parallel=%d: CHECK FAILED\n", parallel);

out:
  stop_server(pid);
  free(reqs);
  free(res);
  free(ids);
  if (unlink(log) != 0 && errno != ENOENT)
    perror(log);
  if (rmdir(dir) != 0)
    perror(dir);
  return rc;
}

int main(int argc, char **argv) {
  int count = 1000, delay_ms = 0;
  char plist[64] = "1,8,32";
  int opt;
  while ((opt = getopt(argc, argv, "n:d:p:")) != -1) {
    switch (opt) {
    case 'n': count = atoi(optarg); break;
    case 'd': delay_ms = atoi(optarg); break;
    case 'p': snprintf(plist, sizeof plist, "%s", optarg); break;
    default:
      fprintf(stderr, "usage: %s [-n COUNT] [-d DELAY_MS] [-p 1,8,32]\n",
              argv[0]);
      return 2;
    }
  }
  if (count < 1 || delay_ms < 0) {
    fprintf(stderr, "COUNT must be > 0 and DELAY_MS >= 0\n");
    return 2;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    fprintf(stderr, "curl_global_init failed\n");
    return 1;
  }
  printf("webhook throughput: %d signed webhooks per run, receiver delay "
         "%d ms, %s\n", count, delay_ms, curl_version());
  int failed = 0;
  for (char *tok = strtok(plist, ","); tok != NULL; tok = strtok(NULL, ",")) {
    int p = atoi(tok);
    if (p < 1 || run(p, count, delay_ms) != 0)
      failed = 1;
  }
  curl_global_cleanup();
  return failed;
}
