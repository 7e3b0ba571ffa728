/*
 * receiver.c — the webhook receiver of `make bench`: fast enough that it is
 * never what limits dondoc's delivery, strict enough that a fast dondoc
 * cannot cheat.
 *
 * One thread, epoll, HTTP/1.1 with keep-alive (and pipelining, should a
 * client use it). Every request is answered "200 OK" at once. It counts
 * requests, connections accepted and distinct deliveries — (path,
 * webhook-id) pairs: dondoc sends one message to many endpoints with one
 * webhook-id, and each endpoint (path) dedupes on its own —, and verifies
 * the Standard Webhooks signature (HMAC-SHA256 over "id.timestamp.body",
 * OpenSSL's HMAC) of every Nth request, and of all when N is 1. A request
 * without an id, or with a bad or missing signature when verified, is
 * answered 400 and counted as bad. The Python test server
 * (tests/e2e/webhook_server.py) verifies every request too, but tops out
 * near 3,000 requests a second on this machine: too slow to measure a
 * client that should do ten times that.
 *
 *   receiver --secret whsec_… [--verify-every N] [--stats FILE]
 *            [--kill-at N PIDFILE]
 *
 * --kill-at sends SIGKILL to the process whose id is in PIDFILE as soon as
 * the Nth request has arrived (before answering it): bench.sh's kill -9 in
 * the middle of a delivery, at a known point instead of a timed guess.
 *
 * Listens on 127.0.0.1, port chosen by the kernel, and prints "READY PORT"
 * on stdout once it accepts connections. On SIGTERM or SIGINT it writes its
 * numbers, one "name value" per line, to FILE (or stdout) and exits 0:
 *   requests connections distinct_ids duplicates verified bad
 *   first_to_last_s   time between the first and the last request
 *   service_p99_us    the receiver's own time per request, 99th percentile
 *   cpu_s             the receiver's CPU time (user + system)
 * (distinct_ids and duplicates count (path, webhook-id) pairs) and the
 * pairs, "PATH ID" one per line, to FILE.ids when FILE is given.
 *
 * Built by `make bench` (bench/bench.sh); Linux only (epoll, signalfd).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_EVENTS 64
#define MAX_HEADERS (16 * 1024)   /* a request's head may not be larger */
#define MAX_BODY (4 * 1024 * 1024)
#define KEY_MAX 64

static const char OK_REPLY[] =
  "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
static const char BAD_REPLY[] =
  "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";

struct conn {
  int fd;
  char *in; size_t in_len, in_cap;
  char *out; size_t out_len, out_off, out_cap;
  bool want_out;                    /* registered for EPOLLOUT */
};

struct stats {
  unsigned long requests, connections, verified, bad;
  double first, last;               /* monotonic seconds */
  double *service; size_t n_service, cap_service;
  char **ids; size_t n_ids, cap_ids;
};

static unsigned char key[KEY_MAX];
static int keylen;
static unsigned long verify_every = 10;
static unsigned long kill_at;          /* 0: never */
static const char *kill_pidfile;

static double mono(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what)
{
  perror(what);
  exit(2);
}

/* The --kill-at victim: kill -9 the process named in the pid file. */
static void kill_victim(void)
{
  long pid = 0;
  /* bench.sh writes the file right after starting the run: wait for it. */
  for (int tries = 0; pid <= 1 && tries < 500; tries++) {
    FILE *f = fopen(kill_pidfile, "r");
    if (f == NULL || fscanf(f, "%ld", &pid) != 1)
      pid = 0;
    if (f != NULL)
      fclose(f);
    if (pid <= 1)
      nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
  }
  if (pid <= 1)
    die(kill_pidfile);
  if (kill((pid_t)pid, SIGKILL) != 0)
    die("kill");
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
  if (need <= *cap)
    return p;
  size_t c = *cap ? *cap : 64;
  while (c < need)
    c *= 2;
  void *np = realloc(p, c * size);
  if (np == NULL)
    die("realloc");
  *cap = c;
  return np;
}

/* "whsec_<base64>" → key; the receiver only needs to accept what a
 * correct sender uses, so the shape checks are webhook.c's business. */
static int decode_secret(const char *s)
{
  if (strncmp(s, "whsec_", 6) != 0)
    return -1;
  s += 6;
  size_t len = strlen(s);
  unsigned char buf[KEY_MAX + 3];
  if (len == 0 || len % 4 != 0 || len / 4 * 3 > sizeof buf)
    return -1;
  int n = EVP_DecodeBlock(buf, (const unsigned char *)s, (int)len);
  if (n < 0)
    return -1;
  while (len > 0 && s[len - 1] == '=') {       /* padding decoded as zeros */
    len--;
    n--;
  }
  if (n <= 0 || n > KEY_MAX)
    return -1;
  memcpy(key, buf, (size_t)n);
  keylen = n;
  return 0;
}

/* Does any "v1,<base64>" in the header match HMAC(key, id.ts.body)? */
static bool signature_ok(const char *id, size_t id_len, const char *ts,
                         size_t ts_len, const char *body, size_t body_len,
                         const char *sig, size_t sig_len)
{
  size_t n = id_len + 1 + ts_len + 1 + body_len;
  char *content = malloc(n);
  if (content == NULL)
    die("malloc");
  memcpy(content, id, id_len);
  content[id_len] = '.';
  memcpy(content + id_len + 1, ts, ts_len);
  content[id_len + 1 + ts_len] = '.';
  memcpy(content + id_len + 2 + ts_len, body, body_len);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  unsigned char *r = HMAC(EVP_sha256(), key, keylen,
                          (const unsigned char *)content, n, mac, &mac_len);
  free(content);
  if (r == NULL)
    return false;
  char expect[4 + 64];
  memcpy(expect, "v1,", 3);
  int enc = EVP_EncodeBlock((unsigned char *)expect + 3, mac, (int)mac_len);
  size_t want = 3 + (size_t)enc;
  /* space-separated list of signatures; any one may match */
  for (size_t i = 0; i < sig_len;) {
    while (i < sig_len && sig[i] == ' ')
      i++;
    size_t j = i;
    while (j < sig_len && sig[j] != ' ')
      j++;
    if (j - i == want && memcmp(sig + i, expect, want) == 0)
      return true;
    i = j;
  }
  return false;
}

/* The value of header `name` in head[0..len), or NULL. */
static const char *header(const char *head, size_t len, const char *name,
                          size_t *vlen)
{
  size_t nl = strlen(name);
  const char *p = memchr(head, '\n', len);   /* skip the request line */
  const char *end = head + len;
  while (p != NULL && p + 1 < end) {
    p++;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (eol == NULL)
      eol = end;
    if ((size_t)(eol - p) > nl && p[nl] == ':' &&
        strncasecmp(p, name, nl) == 0) {
      const char *v = p + nl + 1;
      while (v < eol && (*v == ' ' || *v == '\t'))
        v++;
      const char *ve = eol;
      while (ve > v && (ve[-1] == '\r' || ve[-1] == ' '))
        ve--;
      *vlen = (size_t)(ve - v);
      return v;
    }
    p = eol;
  }
  return NULL;
}

static void reply(struct conn *c, const char *text, size_t n)
{
  c->out = grow(c->out, &c->out_cap, c->out_len + n, 1);
  memcpy(c->out + c->out_len, text, n);
  c->out_len += n;
}

/* Handle every complete request in c->in. Returns -1 to drop the
 * connection (a request we cannot parse). */
static int serve(struct conn *c, struct stats *st)
{
  size_t off = 0;
  for (;;) {
    char *head = c->in + off;
    size_t avail = c->in_len - off;
    char *eoh = NULL;
    for (size_t i = 3; i < avail; i++)
      if (head[i] == '\n' && head[i - 1] == '\r' && head[i - 2] == '\n' &&
          head[i - 3] == '\r') {
        eoh = head + i + 1;
        break;
      }
    if (eoh == NULL) {
      if (avail > MAX_HEADERS)
        return -1;
      break;
    }
    double t0 = mono();
    size_t head_len = (size_t)(eoh - head), cl_len = 0;
    const char *cl = header(head, head_len, "content-length", &cl_len);
    size_t body_len = cl ? strtoul(cl, NULL, 10) : 0;
    if (body_len > MAX_BODY)
      return -1;
    if (avail - head_len < body_len)
      break;                                    /* the body is still coming */
    size_t id_len = 0, ts_len = 0, sig_len = 0;
    const char *id = header(head, head_len, "webhook-id", &id_len);
    const char *ts = header(head, head_len, "webhook-timestamp", &ts_len);
    const char *sig = header(head, head_len, "webhook-signature", &sig_len);
    st->requests++;
    if (kill_at != 0 && st->requests == kill_at)
      kill_victim();
    if (st->requests == 1)
      st->first = t0;
    st->last = t0;
    bool ok = id != NULL && id_len > 0;
    if (ok && (verify_every == 1 || st->requests % verify_every == 1)) {
      ok = ts != NULL && sig != NULL &&
           signature_ok(id, id_len, ts, ts_len, eoh, body_len, sig, sig_len);
      st->verified++;
    }
    if (ok) {
      /* "POST /path HTTP/1.1": the path is the request line's second word. */
      const char *path = memchr(head, ' ', head_len);
      path = path ? path + 1 : head;
      size_t path_len = strcspn(path, " \r\n");
      st->ids = grow(st->ids, &st->cap_ids, st->n_ids + 1, sizeof *st->ids);
      if ((st->ids[st->n_ids] = malloc(path_len + id_len + 2)) == NULL)
        die("malloc");
      snprintf(st->ids[st->n_ids], path_len + id_len + 2, "%.*s %.*s",
               (int)path_len, path, (int)id_len, id);
      st->n_ids++;
      reply(c, OK_REPLY, sizeof OK_REPLY - 1);
    } else {
      st->bad++;
      reply(c, BAD_REPLY, sizeof BAD_REPLY - 1);
    }
    off += head_len + body_len;
    st->service = grow(st->service, &st->cap_service, st->n_service + 1,
                       sizeof *st->service);
    st->service[st->n_service++] = mono() - t0;
  }
  memmove(c->in, c->in + off, c->in_len - off);
  c->in_len -= off;
  return 0;
}

/* Write what is pending. Returns -1 when the peer is gone. */
static int flush(struct conn *c)
{
  while (c->out_off < c->out_len) {
    ssize_t w = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return 0;
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    c->out_off += (size_t)w;
  }
  c->out_off = c->out_len = 0;
  return 0;
}

static void drop(int ep, struct conn *c)
{
  (void)epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  free(c->in);
  free(c->out);
  free(c);
}

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void report(struct stats *st, const char *path)
{
  FILE *f = path ? fopen(path, "w") : stdout;
  if (f == NULL)
    die(path);
  if (path) {
    char ids_path[4096];
    snprintf(ids_path, sizeof ids_path, "%s.ids", path);
    FILE *g = fopen(ids_path, "w");
    if (g == NULL)
      die(ids_path);
    for (size_t i = 0; i < st->n_ids; i++)
      fprintf(g, "%s\n", st->ids[i]);
    if (fclose(g) != 0)
      die(ids_path);
  }
  qsort(st->ids, st->n_ids, sizeof *st->ids, cmp_str);
  size_t distinct = 0;
  for (size_t i = 0; i < st->n_ids; i++)
    distinct += i == 0 || strcmp(st->ids[i], st->ids[i - 1]) != 0;
  qsort(st->service, st->n_service, sizeof *st->service, cmp_double);
  double p99 = st->n_service
    ? st->service[(size_t)((double)(st->n_service - 1) * 0.99)] : 0;
  struct rusage ru;
  double cpu = 0;
  if (getrusage(RUSAGE_SELF, &ru) == 0)
    cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  fprintf(f, "requests %lu\nconnections %lu\ndistinct_ids %zu\n"
          "duplicates %zu\nverified %lu\nbad %lu\nfirst_to_last_s %.6f\n"
          "service_p99_us %.1f\ncpu_s %.3f\n", st->requests, st->connections,
          distinct, st->n_ids - distinct, st->verified, st->bad,
          st->requests ? st->last - st->first : 0, p99 * 1e6, cpu);
  if (path && fclose(f) != 0)
    die(path);
}

int main(int argc, char **argv)
{
  const char *secret = NULL, *stats_path = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--secret") == 0 && i + 1 < argc)
      secret = argv[++i];
    else if (strcmp(argv[i], "--verify-every") == 0 && i + 1 < argc)
      verify_every = strtoul(argv[++i], NULL, 10);
    else if (strcmp(argv[i], "--stats") == 0 && i + 1 < argc)
      stats_path = argv[++i];
    else if (strcmp(argv[i], "--kill-at") == 0 && i + 2 < argc) {
      kill_at = strtoul(argv[++i], NULL, 10);
      kill_pidfile = argv[++i];
    } else {
      fprintf(stderr, "usage: receiver --secret whsec_... "
              "[--verify-every N] [--stats FILE] [--kill-at N PIDFILE]\n");
      return 2;
    }
  }
  if (secret == NULL || decode_secret(secret) != 0 || verify_every == 0) {
    fprintf(stderr, "receiver: need --secret whsec_<base64>, N >= 1\n");
    return 2;
  }

  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  if (sigprocmask(SIG_BLOCK, &mask, NULL) != 0)
    die("sigprocmask");
  signal(SIGPIPE, SIG_IGN);
  int sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
  if (sfd < 0)
    die("signalfd");

  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (lfd < 0)
    die("socket");
  int one = 1;
  if (setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
    die("setsockopt");
  struct sockaddr_in addr = {.sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t alen = sizeof addr;
  if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
      listen(lfd, 1024) != 0 ||
      getsockname(lfd, (struct sockaddr *)&addr, &alen) != 0)
    die("bind/listen");

  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    die("epoll_create1");
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev) != 0)
    die("epoll_ctl");
  ev.data.ptr = &sfd;
  if (epoll_ctl(ep, EPOLL_CTL_ADD, sfd, &ev) != 0)
    die("epoll_ctl");
  printf("READY %d\n", ntohs(addr.sin_port));
  if (fflush(stdout) != 0)
    die("stdout");

  struct stats st;
  memset(&st, 0, sizeof st);
  struct epoll_event events[MAX_EVENTS];
  for (;;) {
    int n = epoll_wait(ep, events, MAX_EVENTS, -1);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      die("epoll_wait");
    for (int i = 0; i < n; i++) {
      void *who = events[i].data.ptr;
      if (who == &sfd) {
        report(&st, stats_path);
        return 0;
      }
      if (who == NULL) {                        /* new connections */
        int cfd;
        while ((cfd = accept4(lfd, NULL, NULL,
                              SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
          st.connections++;
          (void)setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          struct conn *c = calloc(1, sizeof *c);
          if (c == NULL)
            die("calloc");
          c->fd = cfd;
          struct epoll_event cev = {.events = EPOLLIN | EPOLLRDHUP,
                                    .data.ptr = c};
          if (epoll_ctl(ep, EPOLL_CTL_ADD, cfd, &cev) != 0)
            die("epoll_ctl");
        }
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
          perror("accept4");
        continue;
      }
      struct conn *c = who;
      bool gone = false;
      if (events[i].events & EPOLLIN) {
        for (;;) {
          c->in = grow(c->in, &c->in_cap, c->in_len + 65536, 1);
          ssize_t r = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
          if (r > 0) {
            c->in_len += (size_t)r;
            continue;
          }
          if (r < 0 && errno == EINTR)
            continue;
          if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            gone = true;
          break;
        }
        if (serve(c, &st) != 0)
          gone = true;
      }
      if (!gone && flush(c) != 0)
        gone = true;
      if (!gone && (c->out_len > 0) != c->want_out) {
        /* wait for writability only while a reply is stuck */
        c->want_out = c->out_len > 0;
        struct epoll_event cev = {
          .events = EPOLLIN | EPOLLRDHUP | (c->want_out ? EPOLLOUT : 0),
          .data.ptr = c};
        if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &cev) != 0)
          die("epoll_ctl");
      }
      if (gone || (events[i].events & (EPOLLERR | EPOLLHUP)))
        drop(ep, c);
    }
  }
}
