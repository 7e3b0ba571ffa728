/*
 * decls.c — the prelude's recorded declarations → struct jurisdiction.
 *
 * rules.c runs a jurisdiction's Lua folder; the prelude records every
 * declaration as a plain table with its FILE:LINE. This file walks those
 * tables and builds the C model, checking what Lua cannot know: that dates
 * exist, that due expressions parse, that every agency, role and indicator
 * referred to is declared, that every number is finite and in its range
 * (docs/rules.md). Each error names the declaration's FILE:LINE.
 *
 * Most problems stop the jurisdiction: its model would be wrong. A bad
 * email address does not: the agency is loaded without it (its reminders
 * go to the digest's list of agencies without an address) and the problem
 * is recorded in j->diags, an error that `rules check` reports. Blank
 * characters around an address are trimmed, with a warning.
 */
#include "decls.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "email.h"
#include "lint.h"
#include "legal_calendar.h"

struct conv {
  lua_State *L;
  struct jurisdiction *j;
  struct decls_job *job;           /* where the errors go */
  bool fatal;                      /* out of memory or budget: stop now */
  char at[SANDBOX_ERR_LEN];        /* at_field's answer */
};

/* Record an error and return -1. The conversion goes on with the next
 * declaration, so one pass reports every mistake it can (up to
 * DECLS_MAX_ERRORS); only running out of memory or budget stops it. */
static int conv_fail(struct conv *c, const char *where, const char *fmt, ...)
{
  char msg[SANDBOX_ERR_LEN];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (strcmp(msg, "out of memory") == 0 ||
      strncmp(msg, "instruction budget", 18) == 0)
    c->fatal = true;
  struct decls_job *job = c->job;
  if (job->n_err < DECLS_MAX_ERRORS)
    snprintf(job->err[job->n_err++], sizeof job->err[0], "%s: %s",
             where ? where : "?", msg);
  else
    c->fatal = true;           /* enough for one pass */
  return -1;
}

/* Where field `field` of the declaration at `where` ("FILE:LINE") is
 * written: the first line from LINE on that assigns it ("field ="), so an
 * error points at the offending field, not at the start of its block.
 * Falls back to `where` when the file or the field cannot be found. The
 * result lives in c until the next call. */
static const char *at_field(struct conv *c, const char *where,
                            const char *field)
{
  const char *colon = where ? strrchr(where, ':') : NULL;
  char path[SANDBOX_ERR_LEN], line[1024];
  long from = colon ? strtol(colon + 1, NULL, 10) : 0;
  size_t flen = field ? strlen(field) : 0;
  if (colon == NULL || from <= 0 || flen == 0 ||
      (size_t)(colon - where) >= sizeof path)
    return where;
  snprintf(path, sizeof path, "%.*s", (int)(colon - where), where);
  FILE *f = fopen(path, "r");
  if (f == NULL)
    return where;
  long n = 0, found = 0;
  while (found == 0 && n < from + 200 && fgets(line, sizeof line, f)) {
    if (++n < from)
      continue;
    for (const char *p = strstr(line, field); p && !found;
         p = strstr(p + 1, field)) {
      const char *q = p + flen;
      bool word = (p == line || !(isalnum((unsigned char)p[-1]) ||
                                  p[-1] == '_')) &&
                  !(isalnum((unsigned char)*q) || *q == '_');
      while (*q == ' ' || *q == '\t')
        q++;
      if (word && q[0] == '=' && q[1] != '=')
        found = n;
    }
  }
  (void)fclose(f);
  if (found == 0)
    return where;
  snprintf(c->at, sizeof c->at, "%s:%ld", path, found);
  return c->at;
}

/* Whether the pass must stop: a fatal error, or the limit reached. */
static bool conv_stop(const struct conv *c)
{
  return c->fatal || c->job->n_err >= DECLS_MAX_ERRORS;
}

/* Record a problem that does not stop the jurisdiction, with its stable
 * code (model_add_diag). Returns 0, or -1 when out of memory. */
#define add_diag(c, code, where, error, ...)                                  \
  (model_add_diag((c)->j, code, error, where, __VA_ARGS__) == 0               \
     ? 0 : conv_fail(c, where, "out of memory"))

/* A number as rules write it, for messages: "nan", "-inf", "1e+300". */
static const char *number_text(double v, char buf[32])
{
  if (isnan(v))
    return "nan";             /* 0/0 is printed "-nan" on x86 */
  snprintf(buf, 32, "%.14g", v);
  return buf;
}

static char *xstrdup(struct conv *c, const char *s)
{
  if (s == NULL)
    return NULL;
  char *d = strdup(s);
  if (d == NULL)
    conv_fail(c, NULL, "out of memory");
  return d;
}

/* Rule files must be UTF-8: a file saved in a legacy Vietnamese encoding
 * (TCVN3, VNI) would produce mail and JSON that no one can read. */
static bool utf8_valid(const char *s)
{
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
            : (*p & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || (n == 1 && *p < 0xC2))
      return false;
    for (int i = 1; i <= n; i++)
      if ((p[i] & 0xC0) != 0x80)
        return false;
    p += n + 1;
  }
  return true;
}

/* Fields are read from the table on top of the Lua stack. */
static int get_string(struct conv *c, const char *where, const char *field,
                      int required, char **out)
{
  *out = NULL;
  lua_getfield(c->L, -1, field);
  int t = lua_type(c->L, -1);
  int rc = 0;
  if (t == LUA_TNIL) {
    if (required)
      rc = conv_fail(c, at_field(c, where, field), "missing field '%s'", field);
  } else if (t == LUA_TSTRING && !utf8_valid(lua_tostring(c->L, -1))) {
    rc = conv_fail(c, at_field(c, where, field), "field '%s' is not valid UTF-8 (save the file "
                   "as UTF-8, not TCVN3 or VNI)", field);
  } else if (t == LUA_TSTRING || t == LUA_TNUMBER) {
    *out = xstrdup(c, lua_tostring(c->L, -1));
    if (*out == NULL)
      rc = -1;
  } else {
    rc = conv_fail(c, at_field(c, where, field), "field '%s' must be a string, not a %s", field,
                   lua_typename(c->L, t));
  }
  lua_pop(c->L, 1);
  return rc;
}

/* Dates in rules lie in the years MODEL_YEAR_MIN..MODEL_YEAR_MAX: a date
 * beyond them is a typo, and monitor_from = "0000-01-01" would make the
 * evaluation walk two thousand years. */
static bool year_ok(cal_day d)
{
  int y, m, dd;
  cal_to_ymd(d, &y, &m, &dd);
  return y >= MODEL_YEAR_MIN && y <= MODEL_YEAR_MAX;
}

static int parse_date_field(struct conv *c, const char *where,
                            const char *field, const char *s, cal_day *out)
{
  if (cal_parse_date(s, out) != 0)
    return conv_fail(c, at_field(c, where, field), "field '%s': '%s' is not a real date "
                     "(YYYY-MM-DD)", field, s);
  if (!year_ok(*out))
    return conv_fail(c, at_field(c, where, field), "field '%s': %s is outside the years %d to "
                     "%d", field, s, MODEL_YEAR_MIN, MODEL_YEAR_MAX);
  return 0;
}

static int get_date(struct conv *c, const char *where, const char *field,
                    cal_day dflt, cal_day *out)
{
  char *s;
  if (get_string(c, where, field, 0, &s) != 0)
    return -1;
  *out = dflt;
  int rc = s ? parse_date_field(c, where, field, s, out) : 0;
  free(s);
  return rc;
}

/* A finite number from lo to hi, or dflt when the field is absent. */
static int get_number(struct conv *c, const char *where, const char *field,
                      double lo, double hi, double dflt, double *out)
{
  char got[32];
  lua_getfield(c->L, -1, field);
  int rc = 0;
  *out = dflt;
  if (lua_type(c->L, -1) == LUA_TNUMBER) {
    double v = lua_tonumber(c->L, -1);
    if (isfinite(v) && v >= lo && v <= hi)
      *out = v;
    else
      rc = conv_fail(c, at_field(c, where, field), "field '%s' must be a number from %g to %g, "
                     "not %s", field, lo, hi, number_text(v, got));
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, at_field(c, where, field), "field '%s' must be a number, not a %s", field,
                   luaL_typename(c->L, -1));
  }
  lua_pop(c->L, 1);
  return rc;
}

/* Whether the number on top is a whole number from lo to hi; *out then
 * holds it (never a cast of something out of range). */
static bool whole_in(lua_State *L, int idx, long lo, long hi, int *out)
{
  int isint = 0;
  lua_Integer v = 0;
  if (lua_type(L, idx) == LUA_TNUMBER)
    v = lua_tointegerx(L, idx, &isint);
  if (!isint || v < lo || v > hi)
    return false;
  *out = (int)v;
  return true;
}

/* A whole number from lo to hi, or dflt when the field is absent. */
static int get_int(struct conv *c, const char *where, const char *field,
                   long lo, long hi, int dflt, int *out)
{
  char got[32];
  lua_getfield(c->L, -1, field);
  int rc = 0;
  *out = dflt;
  if (lua_type(c->L, -1) == LUA_TNUMBER) {
    if (!whole_in(c->L, -1, lo, hi, out))
      rc = conv_fail(c, at_field(c, where, field), "field '%s' must be a whole number from %ld "
                     "to %ld, not %s", field, lo, hi,
                     number_text(lua_tonumber(c->L, -1), got));
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, at_field(c, where, field), "field '%s' must be a whole number, not a %s",
                   field, luaL_typename(c->L, -1));
  }
  lua_pop(c->L, 1);
  return rc;
}

static int get_bool(struct conv *c, const char *where, const char *field,
                    bool dflt, bool *out)
{
  lua_getfield(c->L, -1, field);
  int rc = 0;
  *out = dflt;
  if (lua_type(c->L, -1) == LUA_TBOOLEAN)
    *out = lua_toboolean(c->L, -1);
  else if (!lua_isnil(c->L, -1))
    rc = conv_fail(c, at_field(c, where, field), "field '%s' must be true or false", field);
  lua_pop(c->L, 1);
  return rc;
}

/* A role reference (role "x"), a plain id string, or nil. */
static int get_ref(struct conv *c, const char *where, const char *field,
                   int required, char **out)
{
  *out = NULL;
  lua_getfield(c->L, -1, field);
  int rc = 0;
  if (lua_type(c->L, -1) == LUA_TTABLE) {
    lua_getfield(c->L, -1, "__role");
    if (lua_type(c->L, -1) == LUA_TSTRING)
      rc = (*out = xstrdup(c, lua_tostring(c->L, -1))) ? 0 : -1;
    else
      rc = conv_fail(c, at_field(c, where, field), "field '%s' must be an agency id or "
                     "role \"…\"", field);
    lua_pop(c->L, 1);
  } else if (lua_type(c->L, -1) == LUA_TSTRING) {
    rc = (*out = xstrdup(c, lua_tostring(c->L, -1))) ? 0 : -1;
  } else if (!lua_isnil(c->L, -1) || required) {
    rc = conv_fail(c, at_field(c, where, field), "field '%s' must be an agency id or role \"…\"",
                   field);
  }
  lua_pop(c->L, 1);
  return rc;
}

/* Append a copy of s to the list v of n; a list holds at most
 * MODEL_MAX_ITEMS (the model's C copies are outside the sandbox's cap). */
static int push_string(struct conv *c, const char *where, const char *field,
                       char ***v, size_t *n, const char *s)
{
  if (*n >= MODEL_MAX_ITEMS)
    return conv_fail(c, where, "field '%s' lists more than %d agencies",
                     field, MODEL_MAX_ITEMS);
  char **nv = realloc(*v, (*n + 1) * sizeof **v);
  if (nv == NULL)
    return conv_fail(c, NULL, "out of memory");
  *v = nv;
  if ((nv[*n] = xstrdup(c, s)) == NULL)
    return -1;
  (*n)++;
  return 0;
}

/* `from = members()`, `agencies{kind=…}`, "id", { "id", … } or role "x".
 * Selectors resolve against the agencies already converted. */
static int get_agency_list(struct conv *c, const char *where,
                           const char *field, char ***out, size_t *n,
                           char **role)
{
  const struct jurisdiction *j = c->j;
  int rc = 0;
  *out = NULL; *n = 0; *role = NULL;
  lua_getfield(c->L, -1, field);
  if (lua_type(c->L, -1) == LUA_TSTRING) {
    rc = push_string(c, where, field, out, n, lua_tostring(c->L, -1));
  } else if (lua_type(c->L, -1) == LUA_TTABLE) {
    lua_getfield(c->L, -1, "__select");
    const char *sel = lua_tostring(c->L, -1);
    lua_getfield(c->L, -2, "__role");
    const char *r = lua_tostring(c->L, -1);
    lua_getfield(c->L, -3, "kind");
    const char *kind = lua_tostring(c->L, -1);
    if (r) {
      rc = (*role = xstrdup(c, r)) ? 0 : -1;
    } else if (sel && strcmp(sel, "members") != 0 &&
               (strcmp(sel, "kind") != 0 || kind == NULL)) {
      /* a table written to look like a selector */
      rc = conv_fail(c, where, "field '%s' must list agencies", field);
    } else if (sel) {
      for (size_t i = 0; i < j->n_agencies && rc == 0; i++) {
        const struct agency *a = &j->agencies[i];
        if (a->id == NULL || a->kind == NULL)
          continue;              /* its declaration failed, and said so */
        if (strcmp(sel, "members") == 0 ? a->member
                                        : strcmp(a->kind, kind) == 0)
          rc = push_string(c, where, field, out, n, a->id);
      }
    } else {
      size_t len = lua_rawlen(c->L, -4);
      for (size_t i = 1; i <= len && rc == 0; i++) {
        lua_rawgeti(c->L, -4, (lua_Integer)i);
        if (lua_type(c->L, -1) == LUA_TTABLE)       /* role "x" in a list */
          lua_getfield(c->L, -1, "__role");
        else
          lua_pushvalue(c->L, -1);
        if (lua_type(c->L, -1) != LUA_TSTRING)
          rc = conv_fail(c, where, "field '%s': entry %zu is not an agency "
                         "id or role", field, i);
        else
          rc = push_string(c, where, field, out, n, lua_tostring(c->L, -1));
        lua_pop(c->L, 2);
      }
    }
    lua_pop(c->L, 3);
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, where, "field '%s' must list agencies", field);
  }
  lua_pop(c->L, 1);
  return rc;
}

/* "12-05", "01-15 next year", "end+10", "start-5", "end+5wd", "2024-12-05",
 * "as_instructed" */
static int parse_due(struct conv *c, const char *where, const char *field,
                     const char *s,
                     struct due_spec *d)
{
  memset(d, 0, sizeof *d);
  int m, day, len = 0;
  char tail[32];
  if (strcmp(s, "as_instructed") == 0) {
    d->base = DUE_AS_INSTRUCTED;
    return 0;
  }
  if (cal_parse_date(s, &d->fixed) == 0) {
    d->base = DUE_FIXED;
    if (!year_ok(d->fixed))
      return conv_fail(c, at_field(c, where, field), "due %s is outside the years %d to %d", s,
                       MODEL_YEAR_MIN, MODEL_YEAR_MAX);
    return 0;
  }
  if (strncmp(s, "end", 3) == 0 || strncmp(s, "start", 5) == 0) {
    d->base = s[0] == 'e' ? DUE_FROM_END : DUE_FROM_START;
    const char *p = s + (s[0] == 'e' ? 3 : 5);
    if (*p == '\0')
      return 0;
    /* at most 4 digits: sscanf's %d would be undefined past INT_MAX */
    size_t digits = strspn(p + 1, "0123456789");
    if ((*p == '+' || *p == '-') && digits >= 1 && digits <= 4 &&
        (d->offset = atoi(p + 1)) <= 3660) {
      if (*p == '-')
        d->offset = -d->offset;
      p += 1 + digits;
      if (strcmp(p, "wd") == 0) {
        d->working_days = true;
        p += 2;
      }
      if (*p == '\0')
        return 0;
    }
  } else if (sscanf(s, "%2d-%2d%n", &m, &day, &len) == 2 && len == 5) {
    char md[6];
    memcpy(md, s, 5);
    md[5] = '\0';
    if (cal_parse_month_day(md, &m, &day) != 0)
      return conv_fail(c, at_field(c, where, field), "due '%s': no such day in the year", s);
    d->base = DUE_MONTH_DAY;
    d->month = m;
    d->day = day;
    if (s[5] == '\0')
      return 0;
    if (sscanf(s + 5, " %31[a-z ]", tail) == 1 && strcmp(tail, "next year") == 0)
      { d->year_offset = 1; return 0; }
  }
  return conv_fail(c, at_field(c, where, field), "due '%s' is not one of \"MM-DD\", \"MM-DD next "
                   "year\", \"end+N\", \"start-N\", \"end+Nwd\", \"YYYY-MM-DD\"", s);
}

static int get_due(struct conv *c, const char *where, const char *field,
                   const char *dflt, struct due_spec *d)
{
  char *s;
  if (get_string(c, where, field, dflt == NULL, &s) != 0)
    return -1;
  int rc = parse_due(c, where, field, s ? s : dflt, d);
  free(s);
  return rc;
}

/* Walk the list field `kind` of the result table (at top), calling fn with
 * each declaration on top of the stack and its "FILE:LINE". */
static int each_decl(struct conv *c, const char *kind,
                     int (*fn)(struct conv *, const char *where, size_t i),
                     size_t *count)
{
  lua_getfield(c->L, -1, kind);
  size_t n = lua_rawlen(c->L, -1);
  *count = n;
  int rc = 0, list = lua_gettop(c->L);
  /* A declaration that fails is reported and skipped; the others are
   * still converted, so one pass finds every mistake it can. */
  for (size_t i = 0; i < n && !conv_stop(c); i++) {
    lua_rawgeti(c->L, list, (lua_Integer)i + 1);
    lua_getfield(c->L, -1, "__where");
    char where[SANDBOX_ERR_LEN];
    snprintf(where, sizeof where, "%s",
             lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : kind);
    lua_pop(c->L, 1);
    if (fn(c, where, i) != 0)
      rc = -1;
    lua_settop(c->L, list);    /* whatever an error path left */
  }
  lua_pop(c->L, 1);
  return rc;
}

static char *decl_id(struct conv *c)
{
  lua_getfield(c->L, -1, "__id");
  char *id = lua_type(c->L, -1) == LUA_TSTRING
             ? xstrdup(c, lua_tostring(c->L, -1)) : NULL;
  if (lua_type(c->L, -1) != LUA_TSTRING)
    conv_fail(c, NULL, "a declaration has no id");
  lua_pop(c->L, 1);
  return id;
}

/* ---- addresses ------------------------------------------------------ */

/* Invisible characters that come with text pasted from documents:
 * no-break space, zero-width space, byte-order mark; and how messages
 * show them. */
static const char *const invisible[] = {"\xc2\xa0", "\xe2\x80\x8b",
                                        "\xef\xbb\xbf"};
static const char *const invisible_shown[] = {"\\u00A0", "\\u200B",
                                              "\\uFEFF"};

/* Bytes of the blank character that starts (at_end: ends) s[0..n):
 * ASCII spaces and controls, or one of the invisible ones; 0 if none. */
static size_t blank(const char *s, size_t n, bool at_end)
{
  if (n > 0) {
    unsigned char b = (unsigned char)s[at_end ? n - 1 : 0];
    if (b <= 0x20 || b == 0x7F)
      return 1;
  }
  for (size_t i = 0; i < sizeof invisible / sizeof *invisible; i++) {
    size_t k = strlen(invisible[i]);
    if (n >= k && memcmp(at_end ? s + n - k : s, invisible[i], k) == 0)
      return k;
  }
  return 0;
}

/* s[0..n) quoted for a message: controls (and, in text that is not
 * UTF-8, every byte past ASCII) as \xHH, the invisible characters as
 * \uHHHH, at most ~80 bytes shown. */
static const char *shown(const char *s, size_t n, char *buf, size_t size)
{
  char *copy = strndup(s, n);
  bool utf8 = copy && strlen(copy) == n && utf8_valid(copy);
  size_t o = 0;
  free(copy);
  buf[o++] = '\'';
  for (size_t i = 0; i < n && o + 8 < size; i++) {
    unsigned char b = (unsigned char)s[i];
    if (i >= 80 && (b & 0xC0) != 0x80) {
      o += (size_t)snprintf(buf + o, size - o, "…");
      break;
    }
    size_t k = utf8 && b >= 0x80 ? blank(s + i, n - i, false) : 0;
    if (k > 0) {
      for (size_t v = 0; v < sizeof invisible / sizeof *invisible; v++)
        if (strlen(invisible[v]) == k && memcmp(s + i, invisible[v], k) == 0)
          o += (size_t)snprintf(buf + o, size - o, "%s", invisible_shown[v]);
      i += k - 1;
    } else if (b < 0x20 || b == 0x7F || (b >= 0x80 && !utf8)) {
      o += (size_t)snprintf(buf + o, size - o, "\\x%02X", b);
    } else {
      buf[o++] = (char)b;
    }
  }
  buf[o++] = '\'';
  buf[o] = '\0';
  return buf;
}

/* email / head_email of agency `id`. Blank characters around the address
 * are trimmed (a warning); an address that is still not one (the check
 * email.c and smtp.c share) is an error diag and *out stays NULL, with
 * the reason in *problem: the agency loads without it. */
static int get_address(struct conv *c, const char *where, const char *id,
                       const char *field, char **out, char **problem)
{
  char q1[200], q2[200], why[SANDBOX_ERR_LEN];
  size_t n = 0, start = 0, end;
  *out = NULL;
  *problem = NULL;
  lua_getfield(c->L, -1, field);
  int t = lua_type(c->L, -1);
  const char *raw = t == LUA_TSTRING ? lua_tolstring(c->L, -1, &n) : NULL;
  end = n;
  if (t == LUA_TNIL) {
    lua_pop(c->L, 1);
    return 0;
  }
  while (raw && start < end && blank(raw + start, end - start, false))
    start += blank(raw + start, end - start, false);
  while (raw && end > start && blank(raw + start, end - start, true))
    end -= blank(raw + start, end - start, true);
  int rc = 0;
  char *addr = raw ? strndup(raw + start, end - start) : NULL;
  if (raw && addr == NULL)
    rc = conv_fail(c, where, "out of memory");
  else if (raw && (start > 0 || end < n))
    rc = add_diag(c, "address-trimmed", where, false, "agency '%s': blank characters around %s "
                  "%s trimmed", id, field, shown(raw, n, q1, sizeof q1));
  if (raw == NULL)
    snprintf(why, sizeof why, "%s is a %s, not an email address", field,
             lua_typename(c->L, t));
  else if (addr && addr[0] != '\0' &&       /* "" says: no address */
           (strlen(addr) != end - start || !email_address_ok(addr)))
    snprintf(why, sizeof why, "%s %s is not an email address", field,
             shown(raw + start, end - start, q2, sizeof q2));
  else
    why[0] = '\0';
  if (rc == 0 && why[0] == '\0')
    *out = addr;
  else
    free(addr);
  if (rc == 0 && why[0] != '\0') {
    char full[SANDBOX_ERR_LEN + 300];
    snprintf(full, sizeof full, "%s: %s", where, why);
    rc = add_diag(c, "invalid-address", where, true, "agency '%s': %s; the agency is used "
                  "without it until this is fixed", id, why);
    if (rc == 0 && (*problem = strdup(full)) == NULL)
      rc = conv_fail(c, where, "out of memory");
  }
  lua_pop(c->L, 1);
  return rc;
}

static int conv_agency(struct conv *c, const char *where, size_t i)
{
  struct agency *a = &c->j->agencies[i];
  if ((a->id = decl_id(c)) == NULL || (a->where = xstrdup(c, where)) == NULL)
    return -1;
  if (get_string(c, where, "name", 1, &a->name) ||
      get_string(c, where, "kind", 0, &a->kind) ||
      get_address(c, where, a->id, "email", &a->email, &a->email_error) ||
      get_address(c, where, a->id, "head_email", &a->head_email,
                  &a->head_email_error) ||
      get_string(c, where, "successor", 0, &a->successor) ||
      get_bool(c, where, "member", true, &a->member) ||
      get_date(c, where, "valid_from", CAL_DAY_MIN, &a->valid_from) ||
      get_date(c, where, "valid_until", CAL_DAY_MAX, &a->valid_until))
    return -1;
  if (a->kind == NULL && (a->kind = xstrdup(c, "department")) == NULL)
    return -1;
  if (a->valid_until < a->valid_from)
    return conv_fail(c, where, "agency '%s' ends before it starts", a->id);
  return 0;
}

static int conv_role(struct conv *c, const char *where, size_t i)
{
  struct role *r = &c->j->roles[i];
  if ((r->id = decl_id(c)) == NULL || (r->where = xstrdup(c, where)) == NULL)
    return -1;
  lua_getfield(c->L, -1, "terms");
  size_t n = lua_rawlen(c->L, -1);
  int rc = 0;
  r->terms = n <= MODEL_MAX_ITEMS ? calloc(n ? n : 1, sizeof *r->terms) : NULL;
  if (n > MODEL_MAX_ITEMS)
    rc = conv_fail(c, where, "role '%s' has more than %d holders", r->id,
                   MODEL_MAX_ITEMS);
  else if (r->terms == NULL)
    rc = conv_fail(c, where, "out of memory");
  for (size_t k = 0; k < n && rc == 0; k++) {
    struct role_term *t = &r->terms[k];
    lua_rawgeti(c->L, -1, (lua_Integer)k + 1);
    r->n_terms++;
    rc = get_string(c, where, "agency", 1, &t->agency);
    if (rc == 0)
      rc = get_date(c, where, "from", CAL_DAY_MIN, &t->from);
    if (rc == 0)
      rc = get_date(c, where, "to", CAL_DAY_MAX, &t->to);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
  return rc;
}

static const struct { const char *name; enum cal_period_kind kind; }
period_aliases[] = {
  {"monthly", CAL_MONTH}, {"quarterly", CAL_QUARTER}, {"semiannual", CAL_HALF},
  {"annual", CAL_YEAR}, {"yearly", CAL_YEAR},
};

static int period_kind(const char *name, enum cal_period_kind *k)
{
  for (size_t i = 0; i < sizeof period_aliases / sizeof *period_aliases; i++)
    if (strcmp(name, period_aliases[i].name) == 0) {
      *k = period_aliases[i].kind;
      return 0;
    }
  return cal_period_kind_parse(name, k);
}

/* only = { 1, 3 }: the months, quarters or halves of that index (bit i of
 * s->only for index i). Other kinds have no index (evaluate.c compares
 * with 0), so `only` there would silence the obligation. */
static int get_only(struct conv *c, const char *where, const char *name,
                    struct schedule *s)
{
  int max = s->kind == CAL_MONTH ? 12 : s->kind == CAL_QUARTER ? 4
            : s->kind == CAL_HALF ? 2 : 0;
  int rc = 0;
  lua_getfield(c->L, -1, "only");
  if (lua_istable(c->L, -1) && max > 0) {
    size_t n = lua_rawlen(c->L, -1);
    for (size_t k = 1; k <= n && rc == 0; k++) {
      int idx;
      lua_rawgeti(c->L, -1, (lua_Integer)k);
      if (whole_in(c->L, -1, 1, max, &idx))
        s->only |= 1u << idx;
      else
        rc = conv_fail(c, where, "periods.%s.only: entry %zu is not a "
                       "number from 1 to %d", name, k, max);
      lua_pop(c->L, 1);
    }
    if (rc == 0 && n == 0)
      rc = conv_fail(c, where, "periods.%s.only lists nothing", name);
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, where, max > 0 ? "periods.%s.only must be a list, as "
                   "only = { 1 }" : "periods.%s.only: only months, quarters "
                   "and halves have an index", name);
  }
  lua_pop(c->L, 1);
  return rc;
}

/* periods = { half = { due = "06-05", only = { 1 } }, year = { due = "12-05" } } */
/* dates = { ["2025"] = "2025-11-20" }: for an "as_instructed" schedule,
 * the date a later instruction set for one period (key: its id). */
static int get_set_dates(struct conv *c, const char *where, const char *name,
                         struct schedule *s)
{
  lua_getfield(c->L, -1, "dates");
  int rc = 0;
  if (lua_isnil(c->L, -1)) {
    lua_pop(c->L, 1);
    return 0;
  }
  if (!lua_istable(c->L, -1) || s->due.base != DUE_AS_INSTRUCTED)
    rc = conv_fail(c, where, "periods.%s.dates = { [\"2025\"] = "
                   "\"2025-11-20\" } goes with due = \"as_instructed\"", name);
  bool key_left = false;       /* lua_next's key, when the loop breaks */
  if (rc == 0)
    lua_pushnil(c->L);
  while (rc == 0 && lua_next(c->L, -2) != 0) {
    key_left = true;
    char key[CAL_PERIOD_ID_LEN + 8];
    struct cal_period p;
    cal_day day;
    int kt = lua_type(c->L, -2);
    if (kt == LUA_TNUMBER && lua_isinteger(c->L, -2))
      snprintf(key, sizeof key, "%lld", (long long)lua_tointeger(c->L, -2));
    else if (kt == LUA_TSTRING)
      snprintf(key, sizeof key, "%s", lua_tostring(c->L, -2));
    else
      key[0] = '\0';
    const char *v = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1)
                                                      : NULL;
    if (cal_period_parse(s->kind, key, &p) != 0)
      rc = conv_fail(c, where, "periods.%s.dates: '%s' is not a %s period "
                     "id", name, key, cal_period_kind_name(s->kind));
    else if (v == NULL || cal_parse_date(v, &day) != 0 || !year_ok(day))
      rc = conv_fail(c, where, "periods.%s.dates[\"%s\"] must be a date "
                     "YYYY-MM-DD in the years %d to %d", name, key,
                     MODEL_YEAR_MIN, MODEL_YEAR_MAX);
    else {
      struct set_date *nd = realloc(s->dates,
                                    (s->n_dates + 1) * sizeof *nd);
      if (nd == NULL)
        rc = conv_fail(c, where, "out of memory");
      else {
        s->dates = nd;
        snprintf(nd[s->n_dates].period, sizeof nd->period, "%s", p.id);
        nd[s->n_dates++].day = day;
      }
    }
    lua_pop(c->L, 1);
    key_left = rc != 0;
  }
  if (key_left)
    lua_pop(c->L, 1);
  lua_pop(c->L, 1);
  return rc;
}

static int conv_schedules(struct conv *c, const char *where,
                          struct obligation *o)
{
  lua_getfield(c->L, -1, "periods");
  if (!lua_istable(c->L, -1)) {
    lua_pop(c->L, 1);
    return conv_fail(c, where, "obligation '%s' needs periods = { year = "
                     "{ due = \"12-05\" }, … }", o->id);
  }
  int rc = 0;
  lua_pushnil(c->L);
  while (rc == 0 && lua_next(c->L, -2) != 0) {
    const char *name = lua_type(c->L, -2) == LUA_TSTRING
                       ? lua_tostring(c->L, -2) : "?";
    struct schedule s;
    memset(&s, 0, sizeof s);
    if (period_kind(name, &s.kind) != 0 || s.kind == CAL_WINDOW)
      rc = conv_fail(c, where, "periods: unknown period kind '%s' (month, "
                     "quarter, half, year, school_year, once)", name);
    else if (!lua_istable(c->L, -1))
      rc = conv_fail(c, where, "periods.%s must be { due = … }", name);
    else
      rc = get_due(c, where, "due", NULL, &s.due);
    if (rc == 0 && s.kind == CAL_ONCE && s.due.base != DUE_FIXED)
      rc = conv_fail(c, where, "periods.once needs a date: due = "
                     "\"YYYY-MM-DD\"");
    if (rc == 0)
      rc = get_only(c, where, name, &s);
    if (rc == 0)
      rc = get_set_dates(c, where, name, &s);
    if (rc == 0) {
      struct schedule *ns = realloc(o->schedules,
                                    (o->n_schedules + 1) * sizeof *ns);
      if (ns == NULL)
        rc = conv_fail(c, where, "out of memory");
      else
        (o->schedules = ns)[o->n_schedules++] = s;
    }
    if (rc != 0)
      free(s.dates);           /* not in the obligation: ours to free */
    lua_pop(c->L, 1);
  }
  if (rc != 0)
    lua_pop(c->L, 1);          /* the key lua_next left */
  lua_pop(c->L, 1);
  return rc;
}

static int get_wording(struct conv *c, const char *where, enum wording *w)
{
  char *s;
  if (get_string(c, where, "wording", 0, &s) != 0)
    return -1;
  int rc = 0;
  if (s == NULL || strcmp(s, "by") == 0)
    *w = WORDING_BY;
  else if (strcmp(s, "before") == 0)
    *w = WORDING_BEFORE;
  else if (strcmp(s, "on") == 0)
    *w = WORDING_ON;
  else
    rc = conv_fail(c, where, "wording '%s' must be \"before\", \"by\" or "
                   "\"on\"", s);
  free(s);
  return rc;
}

/* to = role "secretariat", "ubnd-tinh", or a list of them: every one the
 * report goes to ("báo cáo UBND tỉnh, Bộ LĐTBXH"). Selectors (members())
 * make no sense here. */
static int get_recipients(struct conv *c, const char *where,
                          struct obligation *o)
{
  lua_getfield(c->L, -1, "to");
  bool selector = false;
  if (lua_istable(c->L, -1)) {
    lua_getfield(c->L, -1, "__select");
    selector = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
  if (selector)
    return conv_fail(c, where, "field 'to' names who receives the report: "
                     "an agency, role \"…\" or a list of them, not a "
                     "selector");
  char *role = NULL;
  int rc = get_agency_list(c, where, "to", &o->to, &o->n_to, &role);
  if (rc == 0 && role)
    rc = push_string(c, where, "to", &o->to, &o->n_to, role);
  free(role);
  return rc;
}

static int conv_obligation_common(struct conv *c, const char *where,
                                  struct obligation *o)
{
  if ((o->where = xstrdup(c, where)) == NULL)
    return -1;
  return get_string(c, where, "basis", 0, &o->basis) ||
         get_agency_list(c, where, "from", &o->from, &o->n_from,
                         &o->from_role) ||
         get_recipients(c, where, o) ||
         get_date(c, where, "active_from", CAL_DAY_MIN, &o->active_from) ||
         get_date(c, where, "active_until", CAL_DAY_MAX, &o->active_until)
         ? -1 : 0;
}

static struct obligation *new_obligation(struct conv *c, const char *where)
{
  struct jurisdiction *j = c->j;
  if (j->n_obligations >= MODEL_MAX_ITEMS) {
    conv_fail(c, where, "more than %d obligations (campaigns make two each)",
              MODEL_MAX_ITEMS);
    return NULL;
  }
  /* the index no longer covers every obligation: scan until rebuilt */
  free(j->obligation_ix.v);
  j->obligation_ix = (struct model_id_index){0};
  struct obligation *no = realloc(j->obligations,
                                  (j->n_obligations + 1) * sizeof *no);
  if (no == NULL) {
    conv_fail(c, NULL, "out of memory");
    return NULL;
  }
  j->obligations = no;
  memset(&no[j->n_obligations], 0, sizeof *no);
  return &no[j->n_obligations++];
}

static int conv_obligation(struct conv *c, const char *where, size_t i)
{
  (void)i;
  struct obligation *o = new_obligation(c, where);
  if (o == NULL || (o->id = decl_id(c)) == NULL)
    return -1;
  if (get_string(c, where, "title", 1, &o->title) ||
      conv_obligation_common(c, where, o) || get_wording(c, where, &o->wording))
    return -1;
  return conv_schedules(c, where, o);
}

/* Whether the table on top has only the fields in known[0..n); else an
 * error naming the first other one. */
static int only_fields(struct conv *c, const char *where, const char *what,
                       const char *const *known, size_t n, const char *list)
{
  int rc = 0;
  lua_pushnil(c->L);
  while (rc == 0 && lua_next(c->L, -2) != 0) {
    const char *k = lua_type(c->L, -2) == LUA_TSTRING
                    ? lua_tostring(c->L, -2) : NULL;
    bool ok = false;
    for (size_t i = 0; k && i < n && !ok; i++)
      ok = strcmp(k, known[i]) == 0;
    if (!ok)
      rc = conv_fail(c, where, "%s: unknown field '%s' (%s)", what,
                     k ? k : "?", list);
    lua_pop(c->L, 1);
  }
  if (rc != 0)
    lua_pop(c->L, 1);          /* the key lua_next left */
  return rc;
}

/* window = { from = "11-15", to = "12-15" } of campaign cp (table on top). */
static int conv_window(struct conv *c, const char *where, struct campaign *cp)
{
  static const char *const known[] = {"from", "to"};
  char *from = NULL, *to = NULL, what[300];
  int rc = 0;
  snprintf(what, sizeof what, "campaign '%s': window", cp->id);
  lua_getfield(c->L, -1, "window");
  if (!lua_istable(c->L, -1))
    rc = conv_fail(c, where, "campaign '%s' needs window = { from = "
                   "\"MM-DD\", to = \"MM-DD\" }", cp->id);
  if (rc == 0 && (only_fields(c, where, what, known, 2, "from, to") ||
                  get_string(c, where, "from", 1, &from) ||
                  get_string(c, where, "to", 1, &to)))
    rc = -1;
  if (rc == 0 && (cal_parse_month_day(from, &cp->from_m, &cp->from_d) != 0 ||
                  cal_parse_month_day(to, &cp->to_m, &cp->to_d) != 0))
    rc = conv_fail(c, where, "campaign window '%s'..'%s' is not two MM-DD "
                   "days", from, to);
  lua_pop(c->L, 1);
  free(from);
  free(to);
  return rc;
}

/* A part of campaign cp (plan or results), its table on top, declared by
 * a jurisdiction that wants that report: obligation "<id>-<part>" whose
 * period is each year's window. Who reports, to whom and when it is
 * active come from the campaign (at index -2); the basis is the part's
 * own, since the campaign's decision sets the window, not this date. */
static int conv_campaign_part(struct conv *c, const char *where,
                              const struct campaign *cp, const char *part,
                              const char *prefix)
{
  static const char *const known[] = {"due", "title", "wording", "basis"};
  char buf[512], what[300], *basis = NULL;
  snprintf(what, sizeof what, "campaign '%s': %s", cp->id, part);
  if (only_fields(c, where, what, known, 4, "due, title, wording, basis"))
    return -1;
  struct obligation *o = new_obligation(c, where);
  struct schedule *s = o ? calloc(1, sizeof *s) : NULL;
  if (s == NULL)
    return o ? conv_fail(c, where, "out of memory") : -1;
  o->schedules = s;
  o->n_schedules = 1;
  s->kind = CAL_WINDOW;
  s->win_from_m = cp->from_m; s->win_from_d = cp->from_d;
  s->win_to_m = cp->to_m; s->win_to_d = cp->to_d;
  snprintf(buf, sizeof buf, "%s-%s", cp->id, part);
  int rc = (o->id = xstrdup(c, buf)) && (o->campaign = xstrdup(c, cp->id))
           ? 0 : -1;
  if (rc == 0)
    rc = get_due(c, where, "due", NULL, &s->due);
  if (rc == 0)
    rc = get_string(c, where, "title", 0, &o->title);
  if (rc == 0 && o->title == NULL) {
    snprintf(buf, sizeof buf, "%s %s", prefix, cp->title);
    rc = (o->title = xstrdup(c, buf)) ? 0 : -1;
  }
  if (rc == 0)
    rc = get_wording(c, where, &o->wording);
  if (rc == 0)
    rc = get_string(c, where, "basis", 0, &basis);
  lua_pushvalue(c->L, -2);               /* the campaign */
  if (rc == 0)
    rc = conv_obligation_common(c, where, o);
  lua_pop(c->L, 1);
  if (rc == 0) {
    free(o->basis);
    o->basis = basis;
    basis = NULL;
  }
  if (rc == 0 && o->basis == NULL)
    rc = add_diag(c, "report-without-basis", where, false, "campaign '%s': the %s report has no "
                  "basis; name the instruction that sets its date (%s = { "
                  "due = …, basis = \"…\" }) or leave the report out",
                  cp->id, part, part);
  if (rc == 0 && o->n_from == 0 && o->from_role == NULL)
    rc = add_diag(c, "nobody-owes", where, false, "campaign '%s': nobody owes the %s report;"
                  " say who does in the campaign (from = members(), to = "
                  "role \"secretariat\")", cp->id, part);
  free(basis);
  return rc;
}

/* campaign "action-month" { title = …, basis = …,
 *   window = { from = "11-15", to = "12-15" },
 *   -- only where a plan asks for these reports, with its own basis:
 *   plan = { due = "start-5", basis = … }, results = { due = "end+5", … },
 *   from = …, to = … }
 * A campaign is a status of its own (evaluate.c); each part declared as a
 * table becomes an obligation; a part set to false is left out (an
 * inherited one turned off). */
static int conv_campaign(struct conv *c, const char *where, size_t i)
{
  static const char *const parts[] = {"plan", "results"};
  static const char *const prefix[] = {"Kế hoạch", "Báo cáo kết quả"};
  struct campaign *cp = &c->j->campaigns[i];
  if ((cp->id = decl_id(c)) == NULL || (cp->where = xstrdup(c, where)) == NULL)
    return -1;
  int rc = get_string(c, where, "title", 1, &cp->title) ||
           get_string(c, where, "basis", 0, &cp->basis) ||
           get_date(c, where, "active_from", CAL_DAY_MIN, &cp->active_from) ||
           get_date(c, where, "active_until", CAL_DAY_MAX,
                    &cp->active_until) ||
           conv_window(c, where, cp) ? -1 : 0;
  if (rc == 0 && cp->active_until < cp->active_from)
    rc = conv_fail(c, where, "campaign '%s' ends before it starts", cp->id);
  for (size_t k = 0; k < 2 && rc == 0; k++) {
    lua_getfield(c->L, -1, parts[k]);
    if (lua_istable(c->L, -1))
      rc = conv_campaign_part(c, where, cp, parts[k], prefix[k]);
    else if (!lua_isnil(c->L, -1) && !(lua_isboolean(c->L, -1) &&
                                       !lua_toboolean(c->L, -1)))
      rc = conv_fail(c, where, "campaign '%s': %s must be { due = …, basis "
                     "= … } or false", cp->id, parts[k]);
    lua_pop(c->L, 1);
  }
  return rc;
}

static int cmp_target(const void *a, const void *b)
{
  const struct target *x = a, *y = b;
  return (x->year > y->year) - (x->year < y->year);
}

/* A figure of an indicator (a target, a baseline): finite, and within
 * ±MODEL_VALUE_MAX so that sums and paths over it stay finite too. */
static int check_value(struct conv *c, const char *where, const char *what,
                       double v)
{
  char got[32];
  if (isfinite(v) && fabs(v) <= MODEL_VALUE_MAX)
    return 0;
  return conv_fail(c, where, "%s must be a number from %g to %g, not %s",
                   what, -MODEL_VALUE_MAX, MODEL_VALUE_MAX,
                   number_text(v, got));
}

/* targets = { [2025] = 60, [2030] = 75 } (true/false for yes/no) */
static int get_targets(struct conv *c, const char *where, const char *field,
                       const char *label, struct target **out, size_t *n)
{
  *out = NULL; *n = 0;
  lua_getfield(c->L, -1, field);
  int rc = 0;
  if (lua_istable(c->L, -1)) {
    lua_pushnil(c->L);
    while (rc == 0 && lua_next(c->L, -2) != 0) {
      struct target t = {0, 0, false};
      char what[64];
      lua_Integer small = lua_isinteger(c->L, -2) ? lua_tointeger(c->L, -2)
                                                  : 0;
      if (small >= 1 && small <= 64 && lua_type(c->L, -1) == LUA_TNUMBER) {
        /* { [2025] = 15,5 } is Lua for { [2025] = 15, 5 }: a Vietnamese
         * decimal comma, not a second entry */
        rc = conv_fail(c, at_field(c, where, field), "%s: a number without a year (%s) — a "
                       "decimal comma? Lua needs a point: [2025] = 15.5",
                       label, number_text(lua_tonumber(c->L, -1), what));
      } else if (!whole_in(c->L, -2, MODEL_YEAR_MIN, MODEL_YEAR_MAX,
                           &t.year)) {
        rc = conv_fail(c, at_field(c, where, field), "%s: keys must be years from %d to %d, as "
                       "[2025] = 60", label, MODEL_YEAR_MIN, MODEL_YEAR_MAX);
      } else if (lua_type(c->L, -1) == LUA_TBOOLEAN) {
        t.value = lua_toboolean(c->L, -1);
      } else if (lua_type(c->L, -1) == LUA_TNUMBER) {
        t.value = lua_tonumber(c->L, -1);
        snprintf(what, sizeof what, "%s[%d]", label, t.year);
        rc = check_value(c, where, what, t.value);
      } else {
        rc = conv_fail(c, at_field(c, where, field), "%s[%d] must be a number", label, t.year);
      }
      if (rc == 0) {
        struct target *nt = realloc(*out, (*n + 1) * sizeof *nt);
        if (nt == NULL)
          rc = conv_fail(c, at_field(c, where, field), "out of memory");
        else
          (*out = nt)[(*n)++] = t;
      }
      lua_pop(c->L, 1);
    }
    if (rc != 0)
      lua_pop(c->L, 1);
    else if (*n)
      qsort(*out, *n, sizeof **out, cmp_target);
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, at_field(c, where, field), "%s must be a table { [year] = value }", label);
  }
  lua_pop(c->L, 1);
  return rc;
}

/* target = 100: a target the plan gives without a year ("phấn đấu 100%"),
 * read as the jurisdiction's plan_end; said so wherever it is shown. */
static int get_yearless_target(struct conv *c, const char *where,
                               struct indicator *ind)
{
  lua_getfield(c->L, -1, "target");
  int type = lua_type(c->L, -1);
  double v = type == LUA_TBOOLEAN ? lua_toboolean(c->L, -1)
             : type == LUA_TNUMBER ? lua_tonumber(c->L, -1) : 0;
  lua_pop(c->L, 1);
  if (type == LUA_TNIL)
    return 0;
  if (type != LUA_TNUMBER && type != LUA_TBOOLEAN)
    return conv_fail(c, where, "target must be a number (a target without a "
                     "year; with years: targets = { [2025] = 60 })");
  if (type == LUA_TNUMBER && check_value(c, where, "target", v) != 0)
    return -1;
  if (c->j->plan_end == 0)
    return conv_fail(c, where, "target without a year needs the plan's end "
                     "year: plan_end = 2025 in jurisdiction \"%s\" { … }",
                     c->j->id);
  for (size_t k = 0; k < ind->n_targets; k++)
    if (ind->targets[k].year == c->j->plan_end)
      return conv_fail(c, where, "target (no year, read as plan_end %d) and "
                       "targets[%d] say the same year twice", c->j->plan_end,
                       c->j->plan_end);
  struct target *nt = realloc(ind->targets,
                              (ind->n_targets + 1) * sizeof *nt);
  if (nt == NULL)
    return conv_fail(c, where, "out of memory");
  ind->targets = nt;
  nt[ind->n_targets++] = (struct target){c->j->plan_end, v, true};
  qsort(nt, ind->n_targets, sizeof *nt, cmp_target);
  return 0;
}

static int conv_indicator(struct conv *c, const char *where, size_t i)
{
  struct indicator *ind = &c->j->indicators[i];
  char *dir = NULL, *cadence = NULL;
  int rc = 0;

  if ((ind->id = decl_id(c)) == NULL || (ind->where = xstrdup(c, where)) == NULL)
    return -1;
  ind->tolerance = -1;
  if (get_string(c, where, "title", 1, &ind->title) ||
      get_string(c, where, "unit", 0, &ind->unit) ||
      get_string(c, where, "goal", 0, &ind->goal) ||
      get_string(c, where, "basis", 0, &ind->basis) ||
      get_string(c, where, "direction", 0, &dir) ||
      get_string(c, where, "cadence", 0, &cadence) ||
      get_ref(c, where, "lead", 0, &ind->lead) ||
      get_number(c, where, "tolerance", 0, 1, -1, &ind->tolerance) ||
      get_due(c, where, "due", "end+30", &ind->due) ||
      get_targets(c, where, "targets", "targets", &ind->targets,
                  &ind->n_targets) ||
      get_targets(c, where, "__parent_targets", "the parent's targets",
                  &ind->parent_targets,
                  &ind->n_parent_targets))
    rc = -1;
  if (rc == 0) {
    char *role = NULL;
    rc = get_agency_list(c, where, "support", &ind->support, &ind->n_support,
                         &role);
    if (rc == 0 && role)                      /* support = role "x" */
      rc = push_string(c, where, "support", &ind->support, &ind->n_support,
                       role);
    free(role);
  }
  if (rc == 0) {
    static const struct { const char *name; enum direction d; } dirs[] = {
      {"at_least", DIR_AT_LEAST}, {"at_most", DIR_AT_MOST},
      {"above", DIR_ABOVE}, {"below", DIR_BELOW}, {"yes_no", DIR_YES_NO},
    };
    size_t k = 0;
    while (dir && k < sizeof dirs / sizeof *dirs && strcmp(dir, dirs[k].name))
      k++;
    ind->direction_given = dir != NULL;
    if (dir == NULL)
      ind->direction = DIR_AT_LEAST;
    else if (k < sizeof dirs / sizeof *dirs)
      ind->direction = dirs[k].d;
    else
      rc = conv_fail(c, where, "direction '%s' must be at_least, at_most, "
                     "above (strictly: \"trên\"), below (\"dưới\") or "
                     "yes_no", dir);
  }
  if (rc == 0) {
    ind->cadence = CAL_YEAR;
    if (cadence && (period_kind(cadence, &ind->cadence) != 0 ||
                    ind->cadence == CAL_WINDOW || ind->cadence == CAL_ONCE))
      rc = conv_fail(c, where, "cadence '%s' must be month, quarter, half, "
                     "year or school_year", cadence);
  }
  if (rc == 0 && ind->unit == NULL)
    rc = (ind->unit = xstrdup(c, "")) ? 0 : -1;
  if (rc == 0 && ind->due.base == DUE_AS_INSTRUCTED)
    rc = conv_fail(c, where, "an indicator's value needs a due date: "
                   "\"as_instructed\" is for obligations");
  if (rc == 0)
    rc = get_yearless_target(c, where, ind);
  if (rc == 0) {                               /* baseline = { 2020, 42 } */
    lua_getfield(c->L, -1, "baseline");
    if (lua_istable(c->L, -1)) {
      lua_rawgeti(c->L, -1, 1);
      lua_rawgeti(c->L, -2, 2);
      if (!whole_in(c->L, -2, MODEL_YEAR_MIN, MODEL_YEAR_MAX,
                    &ind->baseline_year) ||
          lua_type(c->L, -1) != LUA_TNUMBER)
        rc = conv_fail(c, where, "baseline must be { year, value }, the year "
                       "from %d to %d", MODEL_YEAR_MIN, MODEL_YEAR_MAX);
      else
        rc = check_value(c, where, "the baseline value",
                         ind->baseline_value = lua_tonumber(c->L, -1));
      ind->has_baseline = rc == 0;
      lua_pop(c->L, 2);
    } else if (!lua_isnil(c->L, -1)) {
      rc = conv_fail(c, where, "baseline must be { year, value }");
    }
    lua_pop(c->L, 1);
  }
  if (rc == 0) {                               /* value = ratio(a, b) */
    lua_getfield(c->L, -1, "value");
    if (lua_istable(c->L, -1)) {
      ind->is_ratio = true;
      if (get_string(c, where, "num", 1, &ind->num) ||
          get_string(c, where, "den", 1, &ind->den) ||
          get_number(c, where, "scale", 1, 1e6, 100, &ind->scale))
        rc = -1;
    } else if (!lua_isnil(c->L, -1)) {
      rc = conv_fail(c, where, "value must be ratio(\"num\", \"den\")");
    }
    lua_pop(c->L, 1);
  }
  free(dir);
  free(cadence);
  return rc;
}

/* checks.range = { lo, hi }: two figures, lo <= hi. */
static int get_check_range(struct conv *c, const char *at,
                           struct indicator_checks *k)
{
  char a[32], b[32];
  int rc = 0;
  lua_rawgeti(c->L, -1, 1);
  lua_rawgeti(c->L, -2, 2);
  if (lua_type(c->L, -2) != LUA_TNUMBER || lua_type(c->L, -1) != LUA_TNUMBER ||
      lua_rawlen(c->L, -3) != 2) {
    rc = conv_fail(c, at, "checks.range must be { lowest, highest }, as "
                   "range = { 0, 100 }");
  } else {
    k->range_lo = lua_tonumber(c->L, -2);
    k->range_hi = lua_tonumber(c->L, -1);
    rc = check_value(c, at, "checks.range's lowest value", k->range_lo) ||
         check_value(c, at, "checks.range's highest value", k->range_hi)
         ? -1 : 0;
    if (rc == 0 && k->range_lo > k->range_hi)
      rc = conv_fail(c, at, "checks.range: the lowest value (%s) is above "
                     "the highest (%s)", number_text(k->range_lo, a),
                     number_text(k->range_hi, b));
    k->has_range = rc == 0;
  }
  lua_pop(c->L, 2);
  return rc;
}

/* checks.parts = { "m1.2.f", "m1.2.m" }: declared series, not ratios, that
 * add up to this one. */
static int get_check_parts(struct conv *c, const char *at,
                           struct indicator *ind)
{
  const struct jurisdiction *j = c->j;
  struct indicator_checks *k = &ind->checks;
  size_t len = lua_rawlen(c->L, -1);
  if (len < 2 || len > MODEL_MAX_PARTS)
    return conv_fail(c, at, "checks.parts lists the %d to %d series that add "
                     "up to %s, as parts = { \"%s.f\", \"%s.m\" }", 2,
                     MODEL_MAX_PARTS, ind->id, ind->id, ind->id);
  if (ind->is_ratio)
    return conv_fail(c, at, "checks.parts: %s is a ratio; its parts would "
                     "not add up to it", ind->id);
  int rc = 0;
  for (size_t i = 1; i <= len && rc == 0; i++) {
    lua_rawgeti(c->L, -1, (lua_Integer)i);
    const char *id = lua_type(c->L, -1) == LUA_TSTRING
                     ? lua_tostring(c->L, -1) : NULL;
    const struct indicator *part = id ? model_indicator(j, id) : NULL;
    if (id == NULL)
      rc = conv_fail(c, at, "checks.parts: entry %zu is not an indicator id",
                     i);
    else if (part == NULL || part->id == NULL)
      rc = conv_fail(c, at, "checks.parts: '%s' is not a declared indicator",
                     id);
    else if (part == ind)
      rc = conv_fail(c, at, "checks.parts: %s cannot be a part of itself",
                     id);
    else if (part->is_ratio)
      rc = conv_fail(c, at, "checks.parts: '%s' is a ratio; parts are "
                     "series that add up", id);
    for (size_t q = 0; q < k->n_parts && rc == 0; q++)
      if (&j->indicators[k->parts[q]] == part)
        rc = conv_fail(c, at, "checks.parts names '%s' twice", id);
    if (rc == 0)
      k->parts[k->n_parts++] = (size_t)(part - j->indicators);
    lua_pop(c->L, 1);
  }
  return rc;
}

/* checks = { num_le_den = true, parts = { … }, range = { lo, hi },
 * whole = true } — read once every indicator exists, so parts may name
 * indicators declared further down. */
static int conv_checks_of(struct conv *c, const char *where, size_t i)
{
  struct indicator *ind = &c->j->indicators[i];
  if (ind->id == NULL)
    return 0;                  /* its declaration failed, and said so */
  lua_getfield(c->L, -1, "checks");
  if (lua_isnil(c->L, -1))
    return 0;
  const char *at = at_field(c, where, "checks");
  char at_copy[SANDBOX_ERR_LEN];
  snprintf(at_copy, sizeof at_copy, "%s", at);
  if (!lua_istable(c->L, -1))
    return conv_fail(c, at_copy, "checks must be a table, as checks = { "
                     "num_le_den = true }");
  static const char *const known[] = {"num_le_den", "parts", "range",
                                      "whole"};
  int rc = 0;
  lua_pushnil(c->L);
  while (lua_next(c->L, -2) != 0) {
    size_t k = 0;
    const char *key = lua_type(c->L, -2) == LUA_TSTRING
                      ? lua_tostring(c->L, -2) : NULL;
    while (key && k < 4 && strcmp(key, known[k]) != 0)
      k++;
    if (rc == 0 && (key == NULL || k == 4))
      rc = conv_fail(c, at_copy, "checks: unknown field '%s' (num_le_den, "
                     "parts, range, whole)", key ? key : "?");
    lua_pop(c->L, 1);
  }
  struct indicator_checks *k = &ind->checks;
  if (rc == 0)
    rc = get_bool(c, at_copy, "num_le_den", false, &k->num_le_den) ||
         get_bool(c, at_copy, "whole", false, &k->whole) ? -1 : 0;
  if (rc == 0 && k->num_le_den && !ind->is_ratio)
    rc = conv_fail(c, at_copy, "checks.num_le_den is for indicators whose "
                   "value is ratio(\"numerator\", \"denominator\")");
  if (rc == 0 && k->whole && ind->is_ratio)
    rc = conv_fail(c, at_copy, "checks.whole: %s is computed from %s and %s; "
                   "declare whole = true on those series", ind->id, ind->num,
                   ind->den);
  if (rc == 0) {
    lua_getfield(c->L, -1, "range");
    if (lua_istable(c->L, -1))
      rc = get_check_range(c, at_copy, k);
    else if (!lua_isnil(c->L, -1))
      rc = conv_fail(c, at_copy, "checks.range must be { lowest, highest }");
    lua_pop(c->L, 1);
  }
  if (rc == 0) {
    lua_getfield(c->L, -1, "parts");
    if (lua_istable(c->L, -1))
      rc = get_check_parts(c, at_copy, ind);
    else if (!lua_isnil(c->L, -1))
      rc = conv_fail(c, at_copy, "checks.parts must list indicator ids");
    lua_pop(c->L, 1);
  }
  return rc;
}

static int get_steps(struct conv *c, const char *where, const char *field,
                     int *steps, size_t *n)
{
  lua_getfield(c->L, -1, field);
  int rc = 0;
  if (lua_istable(c->L, -1)) {
    size_t len = lua_rawlen(c->L, -1);
    if (len > POLICY_MAX_STEPS)
      rc = conv_fail(c, where, "policy.%s: at most %d steps", field,
                     POLICY_MAX_STEPS);
    *n = 0;
    for (size_t k = 1; k <= len && rc == 0; k++) {
      lua_rawgeti(c->L, -1, (lua_Integer)k);
      if (!whole_in(c->L, -1, 0, POLICY_MAX_DAYS, &steps[*n]))
        rc = conv_fail(c, where, "policy.%s: entry %zu is not a number of "
                       "days from 0 to %d", field, k, POLICY_MAX_DAYS);
      else
        (*n)++;
      lua_pop(c->L, 1);
    }
  } else if (!lua_isnil(c->L, -1)) {
    rc = conv_fail(c, where, "policy.%s must be a list of days", field);
  }
  lua_pop(c->L, 1);
  return rc;
}

/* policy.report_day: the weekday from which the digest carries the HTML
 * report (docs/report.md); Monday when unsaid, -1 for "none". */
static int report_day(struct conv *c, const char *where, const char *name,
                      int *out)
{
  static const char *const days[] = {"monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday",
                                     "sunday"};
  *out = 0;
  if (name == NULL)
    return 0;
  if (strcmp(name, "none") == 0) {
    *out = -1;
    return 0;
  }
  for (int i = 0; i < 7; i++)
    if (strcmp(name, days[i]) == 0) {
      *out = i;
      return 0;
    }
  return conv_fail(c, at_field(c, where, "report_day"), "policy.report_day "
                   "'%s' must be a weekday (\"monday\" … \"sunday\") or "
                   "\"none\"", name);
}

/* A policy count (of days, of messages): a whole number, at least `min`. */
static int conv_policy(struct conv *c)
{
  struct policy *p = &c->j->policy;
  char where[SANDBOX_ERR_LEN], *shift = NULL, *before = NULL, *day = NULL;

  /* national defaults, documented in docs/rules.md */
  p->before[0] = 7; p->before[1] = 1; p->n_before = 2;
  p->after[0] = 1; p->n_after = 1;
  p->on_due = true;
  lua_getfield(c->L, -1, "policy");
  lua_getfield(c->L, -1, "__where");
  snprintf(where, sizeof where, "%s",
           lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : "policy");
  lua_pop(c->L, 1);
  int rc = get_steps(c, where, "before", p->before, &p->n_before) ||
           get_steps(c, where, "after", p->after, &p->n_after) ||
           get_bool(c, where, "on_due", true, &p->on_due) ||
           get_int(c, where, "overdue_every", 1, POLICY_MAX_DAYS, 7,
                   &p->overdue_every) ||
           get_int(c, where, "backoff_after", 0, POLICY_MAX_DAYS, 30,
                   &p->backoff_after) ||
           get_int(c, where, "backoff_every", 1, POLICY_MAX_DAYS, -1,
                   &p->backoff_every) ||
           get_int(c, where, "escalate_after", 0, 10 * POLICY_MAX_DAYS, 14,
                   &p->escalate_after) ||
           get_int(c, where, "escalate_every", 0, POLICY_MAX_DAYS, 0,
                   &p->escalate_every) ||
           get_bool(c, where, "escalate_cc_secretariat", false,
                    &p->escalate_cc_secretariat) ||
           get_int(c, where, "max_per_week", 0, 100, 3, &p->max_per_week) ||
           get_int(c, where, "indicator_repeat", 1, POLICY_MAX_DAYS, 30,
                   &p->indicator_repeat) ||
           get_bool(c, where, "working_days_only", true,
                    &p->working_days_only) ||
           get_number(c, where, "tolerance", 0, 1, 0.10, &p->tolerance) ||
           get_string(c, where, "deadline_shift", 0, &shift) ||
           get_string(c, where, "before_means", 0, &before) ||
           get_string(c, where, "digest", 0, &p->digest) ||
           get_string(c, where, "report_day", 0, &day) ? -1 : 0;
  /* unset, the back-off is monthly, or the policy's own pace if slower */
  if (rc == 0 && p->backoff_every < 0)
    p->backoff_every = p->overdue_every > 30 ? p->overdue_every : 30;
  /* a back-off that repeats faster than before is a swapped pair */
  if (rc == 0 && p->backoff_after > 0 && p->backoff_every < p->overdue_every)
    rc = conv_fail(c, where, "policy.backoff_every (%d) must be at least "
                   "overdue_every (%d): it slows the repeats down",
                   p->backoff_every, p->overdue_every);
  if (rc == 0 && p->digest == NULL)
    rc = (p->digest = xstrdup(c, "daily")) ? 0 : -1;
  if (rc == 0 && strcmp(p->digest, "daily") != 0 &&
      strcmp(p->digest, "weekly") != 0 && strcmp(p->digest, "none") != 0)
    rc = conv_fail(c, where, "policy.digest '%s' must be \"daily\", "
                   "\"weekly\" or \"none\"", p->digest);
  if (rc == 0) {
    if (shift == NULL || strcmp(shift, "next_working_day") == 0)
      p->deadline_shift = SHIFT_NEXT_WORKING_DAY;
    else if (strcmp(shift, "none") == 0)
      p->deadline_shift = SHIFT_NONE;
    else if (strcmp(shift, "previous_working_day") == 0)
      p->deadline_shift = SHIFT_PREVIOUS_WORKING_DAY;
    else
      rc = conv_fail(c, where, "deadline_shift '%s' must be next_working_day,"
                     " previous_working_day or none", shift);
  }
  if (rc == 0) {
    if (before == NULL || strcmp(before, "by") == 0)
      p->before_is_day_before = false;
    else if (strcmp(before, "day_before") == 0)
      p->before_is_day_before = true;
    else
      rc = conv_fail(c, where, "before_means '%s' must be \"by\" (the date "
                     "itself is the last day) or \"day_before\"", before);
  }
  if (rc == 0)
    rc = report_day(c, where, day, &p->report_day);
  free(shift);
  free(before);
  free(day);
  lua_pop(c->L, 1);
  return rc;
}

static int conv_messages(struct conv *c)
{
  struct message_texts *m = &c->j->texts;
  char where[SANDBOX_ERR_LEN];
  lua_getfield(c->L, -1, "messages");
  lua_getfield(c->L, -1, "__where");
  snprintf(where, sizeof where, "%s",
           lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : "messages");
  lua_pop(c->L, 1);
  int rc = get_string(c, where, "subject_prefix", 0, &m->subject_prefix) ||
           get_string(c, where, "greeting", 0, &m->greeting) ||
           get_string(c, where, "intro", 0, &m->intro) ||
           get_string(c, where, "closing", 0, &m->closing) ||
           get_string(c, where, "signature", 0, &m->signature) ? -1 : 0;
  lua_pop(c->L, 1);
  return rc;
}

/* holidays(YEAR) { notice = "…" }: the year's days are the announced
 * schedule, not computed. The entry is on top of the stack. */
static int conv_notice(struct conv *c, const char *where)
{
  char *notice = NULL;
  int year = 0;
  int rc = get_string(c, where, "notice", 1, &notice) ||
           get_int(c, where, "year", MODEL_YEAR_MIN, MODEL_YEAR_MAX, 0,
                   &year) ? -1 : 0;
  free(notice);
  if (rc == 0 && cal_holidays_set_announced(&c->j->holidays, year) != 0)
    rc = conv_fail(c, where, "out of memory");
  return rc;
}

/* One day or range of days off (or a worked Saturday) on top of the stack. */
static int conv_holiday_days(struct conv *c, const char *where)
{
  struct cal_holidays *h = &c->j->holidays;
  char *from = NULL, *to = NULL, *name = NULL;
  cal_day a = 0, b = -1;     /* set on every path clang can follow */
  bool work = false;
  int year = 0;
  int rc = get_string(c, where, "from", 1, &from) ||
           get_string(c, where, "to", 1, &to) ||
           get_string(c, where, "name", 0, &name) ||
           get_bool(c, where, "work", false, &work) ||
           get_int(c, where, "year", MODEL_YEAR_MIN, MODEL_YEAR_MAX, 0,
                   &year) ||
           parse_date_field(c, where, "holiday", from, &a) ||
           parse_date_field(c, where, "holiday", to, &b) ? -1 : 0;
  int y1, y2, m, d;
  if (rc == 0) {
    cal_to_ymd(a, &y1, &m, &d);
    cal_to_ymd(b, &y2, &m, &d);
    if (y1 != year || y2 != year || b < a || b - a > 31)
      rc = conv_fail(c, where, "holidays(%d): %s..%s is not a range of "
                     "days in %d", year, from, to, year);
  }
  for (cal_day x = a; rc == 0 && x <= b; x++)
    if ((work ? cal_holidays_add_work(h, x) : cal_holidays_add_off(h, x)))
      rc = conv_fail(c, where, "out of memory");
  /* the name says why a deadline moved (rules preview) */
  if (rc == 0 && !work && name && cal_holidays_add_name(h, a, b, name))
    rc = conv_fail(c, where, "out of memory");
  free(from);
  free(to);
  free(name);
  return rc;
}

/* The jurisdiction's days off: what holidays(YEAR) declares (rules/law/
 * first, then the jurisdiction's own and its parents'), and for every year
 * without an announced schedule the statutory days computed from the law. */
static int conv_holidays(struct conv *c)
{
  lua_getfield(c->L, -1, "holidays");
  size_t n = lua_rawlen(c->L, -1);
  int rc = 0;
  if (n > MODEL_MAX_ITEMS) {
    lua_rawgeti(c->L, -1, MODEL_MAX_ITEMS + 1);
    lua_getfield(c->L, -1, "__where");
    rc = conv_fail(c, lua_tostring(c->L, -1), "more than %d holiday entries",
                   MODEL_MAX_ITEMS);
    lua_pop(c->L, 2);
    n = 0;
  }
  for (size_t i = 1; i <= n && rc == 0; i++) {
    char where[SANDBOX_ERR_LEN];
    lua_rawgeti(c->L, -1, (lua_Integer)i);
    lua_getfield(c->L, -1, "__where");
    snprintf(where, sizeof where, "%s",
             lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : "holidays");
    lua_pop(c->L, 1);
    lua_getfield(c->L, -1, "notice");
    bool is_notice = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    rc = is_notice ? conv_notice(c, where) : conv_holiday_days(c, where);
    lua_pop(c->L, 1);
  }
  lua_pop(c->L, 1);
  if (rc == 0 && legal_holidays_fill(&c->j->holidays, MODEL_YEAR_MIN,
                                     MODEL_YEAR_MAX) != 0)
    rc = conv_fail(c, c->j->dir, "out of memory");
  cal_holidays_finish(&c->j->holidays);
  return rc;
}

static int conv_jurisdiction(struct conv *c, const char *id)
{
  struct jurisdiction *j = c->j;
  char where[SANDBOX_ERR_LEN];
  lua_getfield(c->L, -1, "jurisdiction");
  if (!lua_istable(c->L, -1)) {
    lua_pop(c->L, 1);
    return conv_fail(c, j->dir, "no jurisdiction \"%s\" { … } declared", id);
  }
  lua_getfield(c->L, -1, "__where");
  snprintf(where, sizeof where, "%s",
           lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : j->dir);
  lua_pop(c->L, 1);
  int rc = (j->id = xstrdup(c, id)) == NULL ||
           (j->where = xstrdup(c, where)) == NULL ||
           get_string(c, where, "name", 1, &j->name) ||
           get_string(c, where, "parent", 0, &j->parent) ||
           get_string(c, where, "plan", 0, &j->plan) ||
           get_bool(c, where, "template", false, &j->is_template) ||
           get_date(c, where, "monitor_from", CAL_DAY_MIN, &j->monitor_from)
           || get_int(c, where, "plan_end", MODEL_YEAR_MIN, MODEL_YEAR_MAX, 0,
                      &j->plan_end)
           ? -1 : 0;
  lua_pop(c->L, 1);
  return rc;
}

/* References between declarations, checked once everything is converted. */
/* A reference to something not declared, remembered once per id. */
struct missing {
  const char *id, *what, *where;
  bool roles_ok;
  size_t uses;
};

struct missing_set {
  struct missing v[DECLS_MAX_ERRORS];
  size_t n;
};

/* Note a use of id by `where` (field `what`) if it names nothing; -1 when
 * the budget ran out. */
static int check_ref(struct conv *c, struct missing_set *m, const char *where,
                     const char *what, const char *id, bool roles_ok)
{
  /* each look-up walks the lists: charged, as a Lua loop would be */
  if (sandbox_spend(c->L, 1 + c->j->n_agencies + c->j->n_roles) != 0)
    return conv_fail(c, where, "instruction budget exceeded checking the "
                     "references");
  if (id == NULL || model_agency(c->j, id) ||
      (roles_ok && model_role(c->j, id)))
    return 0;
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->v[i].id, id) == 0) {
      m->v[i].uses++;
      m->v[i].roles_ok &= roles_ok;
      return 0;
    }
  if (m->n < DECLS_MAX_ERRORS)
    m->v[m->n++] = (struct missing){id, what, where, roles_ok, 1};
  return 0;
}

/* One error per missing id, at its first use. A use in an inherited file
 * is the inheriting province's to fix: the message says so and where. */
static void report_missing(struct conv *c, const struct missing_set *m)
{
  const struct jurisdiction *j = c->j;
  size_t dirlen = strlen(j->dir);
  for (size_t i = 0; i < m->n && !conv_stop(c); i++) {
    const struct missing *x = &m->v[i];
    const char *kind = x->roles_ok ? "role or agency" : "agency";
    char more[48] = "";
    if (x->uses > 1)
      snprintf(more, sizeof more, " (and %zu more use%s)", x->uses - 1,
               x->uses > 2 ? "s" : "");
    bool inherited = strncmp(x->where, j->dir, dirlen) != 0 ||
                     x->where[dirlen] != '/';
    if (inherited)
      conv_fail(c, j->id, "%s '%s' used by %s%s (%s) is not declared; "
                "declare it in %s/%s", kind, x->id, x->where, more, x->what,
                j->dir, x->roles_ok ? "roles.lua" : "agencies.lua");
    else
      conv_fail(c, x->where, "%s '%s' is not a declared %s%s", x->what,
                x->id, kind, more);
  }
}

/* Every reference checked, every missing one reported (once). */
static int check_references(struct conv *c)
{
  const struct jurisdiction *j = c->j;
  struct missing_set m = {.n = 0};
  int rc = 0;
  for (size_t i = 0; i < j->n_agencies && rc == 0; i++)
    rc = check_ref(c, &m, j->agencies[i].where, "successor",
                   j->agencies[i].successor, false);
  for (size_t i = 0; i < j->n_roles && rc == 0; i++)
    for (size_t k = 0; k < j->roles[i].n_terms && rc == 0; k++)
      rc = check_ref(c, &m, j->roles[i].where, "role holder",
                     j->roles[i].terms[k].agency, false);
  for (size_t i = 0; i < j->n_obligations && rc == 0; i++) {
    const struct obligation *o = &j->obligations[i];
    for (size_t k = 0; k < o->n_from && rc == 0; k++)
      rc = check_ref(c, &m, o->where, "from", o->from[k], false);
    for (size_t k = 0; k < o->n_to && rc == 0; k++)
      rc = check_ref(c, &m, o->where, "to", o->to[k], true);
    if (rc == 0 && o->from_role && !model_role(j, o->from_role))
      rc = conv_fail(c, o->where, "from: '%s' is not a declared role",
                     o->from_role);
  }
  for (size_t i = 0; i < j->n_indicators && rc == 0; i++) {
    const struct indicator *ind = &j->indicators[i];
    rc = check_ref(c, &m, ind->where, "lead", ind->lead, true);
    for (size_t k = 0; k < ind->n_support && rc == 0; k++)
      rc = check_ref(c, &m, ind->where, "support", ind->support[k], true);
    if (rc == 0 && ind->is_ratio && (!model_indicator(j, ind->num) ||
                                     !model_indicator(j, ind->den)))
      conv_fail(c, ind->where, "ratio(\"%s\", \"%s\"): both must be "
                "declared indicators", ind->num, ind->den);
  }
  report_missing(c, &m);
  return m.n > 0 || rc != 0 ? -1 : 0;
}

/* A zeroed array of n; *count is set only once it exists, so that
 * model_jurisdiction_release never walks a count of nothing. */
/* Agencies that end with no successor while an obligation they owe goes
 * on: their later reports will show as `unassigned` — say so now, once
 * per obligation and end date, at the first agency's line, where the fix
 * (a successor) goes (the districts abolished on 01/07/2025). */
static int check_abolished(struct conv *c)
{
  const struct jurisdiction *j = c->j;
  for (size_t i = 0; i < j->n_obligations; i++) {
    const struct obligation *o = &j->obligations[i];
    for (size_t k = 0; k < o->n_from; k++) {
      const struct agency *a = model_agency(j, o->from[k]), *b;
      if (a == NULL || a->valid_until == CAL_DAY_MAX || a->successor ||
          o->active_until <= a->valid_until)
        continue;
      /* the first of its group? then gather the others ending that day */
      bool seen = false;
      for (size_t q = 0; q < k && !seen; q++)
        seen = (b = model_agency(j, o->from[q])) && !b->successor &&
               b->valid_until == a->valid_until;
      if (seen)
        continue;
      char ids[400], ended[CAL_DATE_LEN];
      size_t used = 0, n = 0;
      ids[0] = '\0';
      for (size_t q = k; q < o->n_from; q++) {
        b = model_agency(j, o->from[q]);
        if (!b || b->successor || b->valid_until != a->valid_until)
          continue;
        n++;
        if (used < sizeof ids - 1) {
          int w = snprintf(ids + used, sizeof ids - used, "%s'%s'",
                           used ? ", " : "", b->id);
          used += w > 0 ? (size_t)w : 0;
        }
      }
      cal_format(a->valid_until, ended);
      if (add_diag(c, "abolished-without-successor", a->where, false, "agenc%s %s end%s on %s with no "
                   "successor, but obligation '%s' (%s) goes on after that "
                   "day: those reports will show as unassigned (give %s a "
                   "successor, or the obligation an active_until)",
                   n == 1 ? "y" : "ies", ids, n == 1 ? "s" : "", ended, o->id,
                   o->where, n == 1 ? "it" : "them") != 0)
        return -1;
    }
  }
  return 0;
}

static int alloc_array(struct conv *c, void **p, size_t *count, size_t n,
                       size_t size)
{
  *p = calloc(n ? n : 1, size);
  if (*p == NULL)
    return conv_fail(c, NULL, "out of memory");
  *count = n;
  return 0;
}

/* More than MODEL_MAX_ITEMS declarations of `kind` (a list in the result
 * table on top) is an error at the first one too many. */
static int too_many(struct conv *c, const char *kind, size_t n)
{
  if (n <= MODEL_MAX_ITEMS)
    return 0;
  lua_getfield(c->L, -1, kind);
  lua_rawgeti(c->L, -1, MODEL_MAX_ITEMS + 1);
  lua_getfield(c->L, -1, "__where");
  char where[SANDBOX_ERR_LEN];
  snprintf(where, sizeof where, "%s",
           lua_isstring(c->L, -1) ? lua_tostring(c->L, -1) : kind);
  lua_pop(c->L, 3);
  return conv_fail(c, where, "more than %d %s declarations", MODEL_MAX_ITEMS,
                   kind);
}

/* Convert the result table (top of stack) into j. */
static int conv_agencies(struct conv *c)
{
  size_t n;
  int rc = each_decl(c, "agency", conv_agency, &n);
  if (model_index_agencies(c->j) != 0)
    rc = conv_fail(c, NULL, "out of memory");
  return rc;
}

static int conv_roles(struct conv *c)
{
  size_t n;
  return each_decl(c, "role", conv_role, &n);
}

static int conv_obligations(struct conv *c)
{
  size_t n;
  return each_decl(c, "obligation", conv_obligation, &n);
}

/* A campaign adds obligations, so these are indexed after it. */
static int conv_campaigns(struct conv *c)
{
  size_t n;
  int rc = each_decl(c, "campaign", conv_campaign, &n);
  if (model_index_obligations(c->j) != 0)
    rc = conv_fail(c, NULL, "out of memory");
  return rc;
}

static int conv_indicators(struct conv *c)
{
  size_t n;
  int rc = each_decl(c, "indicator", conv_indicator, &n);
  if (model_index_indicators(c->j) != 0)
    rc = conv_fail(c, NULL, "out of memory");
  return rc;
}

static int conv_checks(struct conv *c)
{
  size_t n;
  return each_decl(c, "indicator", conv_checks_of, &n);
}

static int convert(struct conv *c, const char *id)
{
  struct jurisdiction *j = c->j;
  size_t n_agencies, n_roles, n_indicators, n_campaigns;
  lua_getfield(c->L, -1, "agency");
  n_agencies = lua_rawlen(c->L, -1);
  lua_getfield(c->L, -2, "role");
  n_roles = lua_rawlen(c->L, -1);
  lua_getfield(c->L, -3, "indicator");
  n_indicators = lua_rawlen(c->L, -1);
  lua_getfield(c->L, -4, "campaign");
  n_campaigns = lua_rawlen(c->L, -1);
  lua_pop(c->L, 4);
  if (too_many(c, "agency", n_agencies) || too_many(c, "role", n_roles) ||
      too_many(c, "indicator", n_indicators) ||
      too_many(c, "campaign", n_campaigns) ||
      alloc_array(c, (void **)&j->agencies, &j->n_agencies, n_agencies,
                  sizeof *j->agencies) ||
      alloc_array(c, (void **)&j->roles, &j->n_roles, n_roles,
                  sizeof *j->roles) ||
      alloc_array(c, (void **)&j->indicators, &j->n_indicators, n_indicators,
                  sizeof *j->indicators) ||
      alloc_array(c, (void **)&j->campaigns, &j->n_campaigns, n_campaigns,
                  sizeof *j->campaigns))
    return -1;
  /* Each step goes on after errors that stay with their declaration. */
  int (*const steps[])(struct conv *) = {
    conv_agencies, conv_roles, conv_obligations, conv_campaigns,
    conv_indicators, conv_checks, conv_policy, conv_messages, conv_holidays,
  };
  int rc = conv_jurisdiction(c, id), top = lua_gettop(c->L);
  if (rc != 0)                 /* everything else reads the jurisdiction */
    return -1;
  for (size_t k = 0; k < sizeof steps / sizeof *steps && !conv_stop(c); k++) {
    if (steps[k](c) != 0)
      rc = -1;
    lua_settop(c->L, top);
  }
  /* A template's references are resolved by the jurisdictions using it;
   * after errors in the Lua files, missing declarations would cascade. */
  if (j->is_template || conv_stop(c) || !c->job->check_references)
    return rc;
  if (check_references(c) != 0)
    rc = -1;
  if (rc != 0 || check_abolished(c) != 0)
    return -1;
  /* the doubts, on rules that loaded */
  return lint_jurisdiction(j) == 0 ? 0 : conv_fail(c, NULL, "out of memory");
}

int decls_convert(lua_State *L)
{
  struct decls_job *job = lua_touserdata(L, 1);
  struct conv c = {.L = L, .j = job->j, .job = job};
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  job->rc = convert(&c, job->id) != 0 || job->n_err > 0 ? -1 : 0;
  return 0;
}
