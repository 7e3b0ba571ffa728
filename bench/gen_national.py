#!/usr/bin/env python3
"""Generate a deterministic national data set for `make bench`.

    gen_national.py OUTDIR [--scale S] [--now YYYY-MM-DD] [--seed N]

At scale 1: 34 provinces inheriting the shipped national rules (parent =
"national") with local overrides, 30 provincial agencies each plus their
communes (about 3,300 in all, the largest province about 190) and two
offices per commune, so the largest province has about 600 agencies; the
national indicator set plus 38 local indicators per province; ten years of
received reports and indicator values (about 1.1 million submissions and
2 million observation rows). Scale S shrinks the number of provinces and
communes (and the import file) in proportion; 0.01 and 0.1 are the small
sizes of `make bench`. The same seed and scale always give the same files.

Writes into OUTDIR:
  rules/        law/ and national/ (copied by bench.sh), one folder per province
  dondoc.lua    the config: every province, database national.db
  submissions.csv observations.csv grants.csv   loaded by load.sql
  load.sql      the sqlite3 shell script that loads them (after dondoc has
                created the schema)
  floor.sql     the SQLite floor: the rows `check` needs, read by the shell
  import.csv    one million (x scale) new observation rows, for `import`
  sizes.txt     what was generated, one "name value" per line

Only the standard library; values come from one random.Random(seed) and
are drawn in a fixed order.
"""
import argparse
import datetime as dt
import os
import random

# Provincial agencies every province has (id, name, kind, valid_until,
# successor). s02, s07 and s08 merged into others on 01/03/2025, as the
# departments did in 2025 (NQ 176/2025/QH15), so succession is exercised.
PROVINCIAL = [
    ("s01", "Sở Nội vụ", "department", None, None),
    ("s02", "Sở Lao động - Thương binh và Xã hội", "department", "2025-02-28", "s01"),
    ("s03", "Sở Y tế", "department", None, None),
    ("s04", "Sở Giáo dục và Đào tạo", "department", None, None),
    ("s05", "Sở Văn hóa, Thể thao và Du lịch", "department", None, None),
    ("s06", "Sở Tài chính", "department", None, None),
    ("s07", "Sở Kế hoạch và Đầu tư", "department", "2025-02-28", "s06"),
    ("s08", "Sở Thông tin và Truyền thông", "department", "2025-02-28", "s09"),
    ("s09", "Sở Khoa học và Công nghệ", "department", None, None),
    ("s10", "Thống kê tỉnh", "department", None, None),
    ("s11", "Sở Tư pháp", "department", None, None),
    ("s12", "Sở Công Thương", "department", None, None),
    ("s13", "Sở Nông nghiệp và Môi trường", "department", None, None),
    ("s14", "Sở Xây dựng", "department", None, None),
    ("s15", "Sở Dân tộc và Tôn giáo", "department", None, None),
    ("s16", "Thanh tra tỉnh", "department", None, None),
    ("s17", "Văn phòng UBND tỉnh", "department", None, None),
    ("s18", "Sở Ngoại vụ", "department", None, None),
    ("s19", "Ban Quản lý các khu công nghiệp", "department", None, None),
    ("s20", "Báo và Phát thanh, Truyền hình tỉnh", "department", None, None),
    ("s21", "Hội Liên hiệp Phụ nữ tỉnh", "organisation", None, None),
    ("s22", "Tỉnh đoàn", "organisation", None, None),
    ("s23", "Liên đoàn Lao động tỉnh", "organisation", None, None),
    ("s24", "Hội Nông dân tỉnh", "organisation", None, None),
    ("s25", "Ủy ban MTTQ Việt Nam tỉnh", "organisation", None, None),
    ("s26", "Hội Cựu chiến binh tỉnh", "organisation", None, None),
    ("s27", "Công an tỉnh", "sector", None, None),
    ("s28", "Bộ Chỉ huy Quân sự tỉnh", "sector", None, None),
    ("s29", "Tòa án nhân dân tỉnh", "sector", None, None),
    ("s30", "Viện Kiểm sát nhân dân tỉnh", "sector", None, None),
]

# Roles the national indicators name (rules/national/roles.lua), with the
# 2025 hand-overs.
ROLES = {
    "secretariat": [("s02", None, "2025-02-28"), ("s01", "2025-03-01", None)],
    "gender-focal": [("s02", None, "2025-02-28"), ("s01", "2025-03-01", None)],
    "home-affairs": [("s01", None, None)],
    "labour": [("s02", None, "2025-02-28"), ("s01", "2025-03-01", None)],
    "economy": [("s07", None, "2025-02-28"), ("s06", "2025-03-01", None)],
    "social-protection": [("s02", None, "2025-02-28"), ("s03", "2025-03-01", None)],
    "culture": [("s05", None, None)],
    "health": [("s03", None, None)],
    "education": [("s04", None, None)],
    "vocational-training": [("s02", None, "2025-02-28"), ("s04", "2025-03-01", None)],
    "information": [("s08", None, "2025-02-28"), ("s09", "2025-03-01", None)],
    "statistics": [("s10", None, None)],
}

# Obligations: id, title, who owes it (Lua selector), period kind, due,
# wording, only (halves/quarters) or None.
OBLIGATIONS = [
    ("bc-thang", "Báo cáo tháng về công tác bình đẳng giới", "members()", "month", "end+7", "by", None),
    ("bc-quy", "Báo cáo quý về công tác bình đẳng giới", "members()", "quarter", "end+15", "by", None),
    ("bc-quy-bl", "Báo cáo quý về phòng, chống bạo lực gia đình", "members()", "quarter", "end+10", "by", None),
    ("bc-6t", "Báo cáo sơ kết 6 tháng", "members()", "half", "06-05", "before", (1,)),
    ("bc-ptn", "Báo cáo hoạt động Ban vì sự tiến bộ của phụ nữ", "members()", "half", "end+20", "by", None),
    ("bc-nam", "Báo cáo năm về công tác bình đẳng giới", "members()", "year", "12-05", "before", None),
    ("bc-ctqg", "Báo cáo kết quả Chương trình quốc gia về bình đẳng giới", "members()", "year", "12-15", "by", None),
    ("bc-tk", "Báo cáo số liệu thống kê giới", "members()", "year", "01-15 next year", "by", None),
    ("xa-thang", "Báo cáo tháng của UBND xã", 'agencies{ kind = "commune" }', "month", "end+5", "by", None),
    ("xa-quy", "Báo cáo quý của UBND xã", 'agencies{ kind = "commune" }', "quarter", "end+10", "by", None),
    ("xa-6t", "Báo cáo 6 tháng của UBND xã", 'agencies{ kind = "commune" }', "half", "end+15", "by", None),
    ("xa-nam", "Báo cáo năm của UBND xã", 'agencies{ kind = "commune" }', "year", "12-10", "by", None),
    ("xa-tk", "Báo cáo số liệu giới của UBND xã", 'agencies{ kind = "commune" }', "year", "01-20 next year", "by", None),
    ("vp-quy", "Báo cáo quý của đơn vị cấp xã", 'agencies{ kind = "commune-office" }', "quarter", "end+10", "by", None),
    ("vp-nam", "Báo cáo năm của đơn vị cấp xã", 'agencies{ kind = "commune-office" }', "year", "12-10", "by", None),
]

# The national indicators that take values (ratio ones are computed from
# two of these), with their cadence and a plausible range.
NATIONAL_SERIES = [
    ("m1.1", "year", "%"), ("m2.1", "year", "%"), ("m2.2", "year", "%"),
    ("m2.3", "year", "%"), ("m3.1", "year", "%"),
    ("m3.2a.detected", "year", "n"), ("m3.2a.supported", "year", "num"),
    ("m3.2b.detected", "year", "n"), ("m3.2b.counselled", "year", "num"),
    ("m3.3.detected", "year", "n"), ("m3.3.supported", "year", "num"),
    ("m3.4.facilities", "year", "n"), ("m3.4.active", "year", "num"),
    ("m4.1", "year", "ratio111"), ("m4.2", "year", "%"), ("m4.3", "year", "%"),
    ("m4.4", "year", "%"), ("m5.1", "school_year", "yes_no"),
    ("m5.2", "year", "%"), ("m5.3", "year", "%"), ("m5.4a", "year", "%"),
    ("m5.4b", "year", "%"), ("m6.1", "year", "%"), ("m6.2", "year", "%"),
    ("m6.3", "year", "%"), ("m6.4", "year", "%"),
]
N_LOCAL = 38
YEARS = 10
IMPORT_ROWS = 1_000_000


def province_sizes(n_prov, communes):
    """Communes per province: a convex ramp (the largest ~4.75x the
    smallest, like the 2025 provinces), summing exactly to `communes`."""
    if n_prov == 1:
        return [communes]
    raw = [1 + 3.75 * (k / (n_prov - 1)) ** 1.6 for k in range(n_prov)]
    total = sum(raw)
    sizes = [max(1, int(communes * r / total)) for r in raw]
    k = n_prov - 1
    while sum(sizes) < communes:           # hand out the rounding remainder
        sizes[k] += 1
        k = (k - 1) % n_prov
    return sizes


def day(s):
    return dt.date.fromisoformat(s)


def periods(kind, year):
    """(period id, first day, last day) of a kind in one year."""
    if kind == "month":
        for m in range(1, 13):
            first = dt.date(year, m, 1)
            nxt = dt.date(year + (m == 12), m % 12 + 1, 1)
            yield f"{year}-{m:02d}", first, nxt - dt.timedelta(days=1)
    elif kind == "quarter":
        for q in range(1, 5):
            first = dt.date(year, 3 * q - 2, 1)
            nxt = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1)
            yield f"{year}-Q{q}", first, nxt - dt.timedelta(days=1)
    elif kind == "half":
        yield f"{year}-H1", dt.date(year, 1, 1), dt.date(year, 6, 30)
        yield f"{year}-H2", dt.date(year, 7, 1), dt.date(year, 12, 31)
    else:
        yield f"{year}", dt.date(year, 1, 1), dt.date(year, 12, 31)


def nominal_due(due, end):
    """The due expressions used above, without the holiday shift (the
    generator only needs to place receipt dates around them)."""
    if due.startswith("end+"):
        return end + dt.timedelta(days=int(due[4:]))
    m, d = int(due[0:2]), int(due[3:5])
    return dt.date(end.year + (1 if due.endswith("next year") else 0), m, d)


def lua_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Gen:
    def __init__(self, out, scale, now, seed):
        self.out, self.scale, self.now = out, scale, now
        self.rng = random.Random(seed)
        self.n_prov = max(1, round(34 * scale))
        self.sizes = province_sizes(self.n_prov, max(1, round(3300 * scale)))
        self.first_year = now.year - YEARS + 1
        self.count = {"submissions": 0, "observations": 0, "grants": 0,
                      "agencies": 0, "communes": sum(self.sizes),
                      "provinces": self.n_prov, "import_rows": 0,
                      "largest_province_agencies": 30 + 3 * max(self.sizes)}

    def r(self):
        return self.rng.random()

    # ---- rules ---------------------------------------------------------

    def write_rules(self, pid, k, n_comm):
        d = os.path.join(self.out, "rules", pid)
        os.makedirs(d, exist_ok=True)
        # Most provinces follow this year's deadlines; every fifth looks
        # back to the start of last year (a local override).
        monitor = f"{self.now.year - 1}-01-01" if k % 5 == 4 else f"{self.now.year}-01-01"
        with open(os.path.join(d, "jurisdiction.lua"), "w") as f:
            f.write(f"-- Synthetic province {k + 1} of the benchmark (bench/gen_national.py).\n")
            f.write(f'jurisdiction "{pid}" {{\n  name = "Tỉnh mẫu {k + 1:02d}",\n'
                    f'  parent = "national",\n  plan = "Kế hoạch mẫu số {k + 1}/KH-UBND",\n'
                    f'  monitor_from = "{monitor}",\n}}\n')
            if k % 3 == 1:      # local policy override
                f.write("policy { before = { 10, 3 }, overdue_every = 14 }\n")
        with open(os.path.join(d, "agencies.lua"), "w") as f:
            for aid, name, kind, until, succ in PROVINCIAL:
                f.write(f'agency "{aid}" {{ name = {lua_str(name)}, kind = "{kind}", '
                        f'email = "{aid}@{pid}.example.gov.vn", head_email = "gd.{aid}@{pid}.example.gov.vn"')
                if until:
                    f.write(f', valid_until = "{until}", successor = "{succ}"')
                f.write(" }\n")
            for c in range(1, n_comm + 1):
                xid = f"x{c:03d}"
                f.write(f'agency "{xid}" {{ name = "UBND xã {c}", kind = "commune", member = false, '
                        f'email = "{xid}@{pid}.example.gov.vn" }}\n')
                for suffix, name in (("p", "Hội Phụ nữ xã"), ("v", "Văn phòng HĐND-UBND xã")):
                    f.write(f'agency "{xid}{suffix}" {{ name = "{name} {c}", kind = "commune-office", '
                            f'member = false, email = "{xid}{suffix}@{pid}.example.gov.vn" }}\n')
            for role, terms in ROLES.items():
                if len(terms) == 1:
                    f.write(f'role "{role}" "{terms[0][0]}"\n')
                    continue
                parts = []
                for aid, frm, to in terms:
                    t = f'"{aid}"'
                    if frm:
                        t += f', from = "{frm}"'
                    if to:
                        t += f', to = "{to}"'
                    parts.append("{ " + t + " }")
                f.write(f'role "{role}" {{ {", ".join(parts)} }}\n')
        self.count["agencies"] += 30 + 3 * n_comm
        with open(os.path.join(d, "plan.lua"), "w") as f:
            for oid, title, who, kind, due, wording, only in OBLIGATIONS:
                onl = f", only = {{ {', '.join(map(str, only))} }}" if only else ""
                f.write(f'obligation "{oid}" {{ title = {lua_str(title)}, '
                        f'basis = "Kế hoạch mẫu số {k + 1}/KH-UBND", from = {who}, '
                        f'to = role "secretariat", wording = "{wording}", '
                        f'periods = {{ {kind} = {{ due = "{due}"{onl} }} }}, '
                        f'active_from = "{self.first_year}-01-01" }}\n')
        with open(os.path.join(d, "indicators.lua"), "w") as f:
            # Local overrides of national targets, a dropped indicator,
            # and the province's own indicators.
            f.write(f'indicator "m1.1" {{ targets = {{ [2025] = {50 + k % 10}, [2030] = {70 + k % 6} }} }}\n')
            f.write(f'indicator "m2.1" {{ targets = {{ [2025] = {45 + k % 7} }} }}\n')
            if k % 4 == 0:
                f.write('drop("indicator", "m5.4b")\n')
            for i in range(1, N_LOCAL + 1):
                lead = 'role "statistics"' if i == 1 else f'"{PROVINCIAL[(i * 7 + k) % 20][0]}"'
                direction = "at_most" if i % 5 == 0 else "at_least"
                t25, t30 = (30 - i % 7, 20 - i % 5) if direction == "at_most" else (40 + i % 30, 50 + i % 30)
                f.write(f'indicator "l{i:02d}" {{ title = "Chỉ tiêu riêng số {i} của tỉnh", '
                        f'unit = "%", direction = "{direction}", baseline = {{ {self.first_year}, {t25 + (8 if direction == "at_most" else -15)} }}, '
                        f'targets = {{ [2025] = {t25}, [2030] = {t30} }}, lead = {lead}, '
                        f'cadence = "year", due = "12-25" }}\n')

    # ---- data ------------------------------------------------------------

    def series(self, pid, k):
        """(indicator id, cadence, kind) of every indicator a province
        stores values for."""
        out = [s for s in NATIONAL_SERIES if not (k % 4 == 0 and s[0] == "m5.4b")]
        out += [(f"l{i:02d}", "year", "%") for i in range(1, N_LOCAL + 1)]
        return out

    def value(self, kind, level, year_index):
        if kind == "yes_no":
            return "1" if year_index > YEARS // 2 or self.r() < 0.3 else "0"
        if kind == "n":
            return str(int(level * 10 + self.r() * 40))
        if kind == "num":       # a ratio's numerator: below any "n" of the same level
            return str(int(level * 8 + self.r() * 40))
        if kind == "ratio111":
            return f"{104 + self.r() * 10:.1f}"
        v = level + year_index * (0.5 + self.r() * 2.5) + self.r() * 4 - 2
        return f"{min(100.0, max(0.0, v)):.2f}"

    def period_ids(self, cadence):
        for y in range(self.first_year, self.now.year + 1):
            yield y, (f"{y - 1}-{y}" if cadence == "school_year" else str(y))

    def write_observations(self, pid, k, n_comm, obs):
        units = [pid] + [f"x{c:03d}" for c in range(1, n_comm + 1)]
        for ind, cadence, kind in self.series(pid, k):
            for unit in units:
                level = 20 + self.r() * 40
                for yi, (y, per) in enumerate(self.period_ids(cadence)):
                    # this year's values come with the annual report (due
                    # 25/12): a third are in early
                    if y == self.now.year and self.r() > 0.33:
                        continue
                    obs.write(f"{pid},{ind},{unit},{per},{self.value(kind, level, yi)}\n")
                    self.count["observations"] += 1

    def write_submissions(self, pid, n_comm, subs, grants):
        owners = {
            "members()": [a[0] for a in PROVINCIAL],
            'agencies{ kind = "commune" }': [f"x{c:03d}" for c in range(1, n_comm + 1)],
            'agencies{ kind = "commune-office" }': [f"x{c:03d}{s}" for c in range(1, n_comm + 1) for s in "pv"],
        }
        until = {a[0]: day(a[3]) for a in PROVINCIAL if a[3]}
        for oid, _t, who, kind, due, _w, only in OBLIGATIONS:
            for aid in owners[who]:
                reliable = 0.70 + self.r() * 0.25        # share sent on time
                for y in range(self.first_year, self.now.year + 1):
                    for idx, (per, _first, end) in enumerate(periods(kind, y)):
                        if only and idx + 1 not in only:
                            continue
                        nd = nominal_due(due, end)
                        if nd > self.now + dt.timedelta(days=10) or (aid in until and nd > until[aid]):
                            continue
                        x = self.r()
                        if x < 0.004 and nd > self.now - dt.timedelta(days=400):
                            grants.write(f"{pid},{aid},{oid},{per},extension,"
                                         f"{nd + dt.timedelta(days=20)},{10 + int(x * 9000)}/UBND-VX,"
                                         f"{nd - dt.timedelta(days=3)}\n")
                            self.count["grants"] += 1
                        if x < reliable:
                            got = nd - dt.timedelta(days=int(self.r() * 8))
                        elif x < reliable + 0.1:
                            got = nd + dt.timedelta(days=1 + int(self.r() * 40))
                        else:
                            continue                     # never sent
                        if got > self.now:
                            continue
                        subs.write(f"{pid},{aid},{oid},{per},{got}\n")
                        self.count["submissions"] += 1

    def write_import(self, imp, provinces):
        """New rows (years before the history) until IMPORT_ROWS x scale."""
        want = round(IMPORT_ROWS * self.scale)
        imp.write("jurisdiction,indicator,unit,period,value\n")
        n = 0
        for y in range(self.first_year - 1, self.first_year - 41, -1):
            for pid, k, n_comm in provinces:
                for ind, cadence, kind in self.series(pid, k):
                    per = f"{y - 1}-{y}" if cadence == "school_year" else str(y)
                    for c in range(1, n_comm + 1):
                        if n == want:
                            return n
                        imp.write(f"{pid},{ind},x{c:03d},{per},{self.value(kind, 30, 0)}\n")
                        n += 1
        return n

    def write_config(self, provinces):
        with open(os.path.join(self.out, "dondoc.lua"), "w") as f:
            f.write('rules_dir = "rules"\ndatabase = "national.db"\noutbox_dir = "box"\n')
            f.write('mail = { from = "ban-vstbpn@national.example.gov.vn" }\n')
            f.write("jurisdictions = { " + ", ".join(f'"{p[0]}"' for p in provinces) + " }\n")

    def write_sql(self, provinces):
        with open(os.path.join(self.out, "load.sql"), "w") as f:
            f.write(""".bail on
PRAGMA journal_mode = WAL;
CREATE TEMP TABLE s (jurisdiction, agency, obligation, period, received_on);
CREATE TEMP TABLE o (jurisdiction, indicator, unit, period, value);
CREATE TEMP TABLE g (jurisdiction, agency, obligation, period, kind, new_due, letter, granted_on);
.import --csv submissions.csv s
.import --csv observations.csv o
.import --csv grants.csv g
BEGIN;
INSERT INTO submissions (jurisdiction, agency, obligation, period, received_on)
  SELECT * FROM s;
INSERT INTO observations (jurisdiction, indicator, unit, period, value, source)
  SELECT jurisdiction, indicator, unit, period, CAST(value AS REAL), 'bench' FROM o;
INSERT INTO grants (jurisdiction, agency, obligation, period, kind, new_due, letter, granted_on)
  SELECT * FROM g;
COMMIT;
ANALYZE;
""")
        # The floor: what `check` must read, nothing else — each province's
        # received reports and grants from the year before its window (a
        # deadline can fall a year after its period), and its own indicator
        # values (not the communes'), in the order evaluation wants them.
        with open(os.path.join(self.out, "floor.sql"), "w") as f:
            f.write(".mode list\n")
            for pid, k, _n in provinces:
                lo_year = self.now.year - 1 - (1 if k % 5 == 4 else 0)
                f.write(f"SELECT agency, obligation, period, received_on FROM submissions"
                        f" WHERE jurisdiction = '{pid}' AND period >= '{lo_year}'"
                        f" ORDER BY agency, obligation, period;\n")
                f.write(f"SELECT agency, obligation, period, kind, new_due, letter, reason, granted_on"
                        f" FROM grants WHERE jurisdiction = '{pid}' AND period >= '{lo_year}'"
                        f" ORDER BY agency, obligation, period, granted_on DESC, id DESC;\n")
                f.write(f"SELECT indicator, period, value FROM observations"
                        f" WHERE jurisdiction = '{pid}' AND unit = '{pid}'"
                        f" ORDER BY indicator, period;\n")

    def run(self):
        os.makedirs(self.out, exist_ok=True)
        provinces = [(f"p{k + 1:02d}", k, n) for k, n in enumerate(self.sizes)]
        for pid, k, n in provinces:
            self.write_rules(pid, k, n)
        with open(os.path.join(self.out, "submissions.csv"), "w") as subs, \
             open(os.path.join(self.out, "grants.csv"), "w") as grants, \
             open(os.path.join(self.out, "observations.csv"), "w") as obs:
            for pid, k, n in provinces:
                self.write_submissions(pid, n, subs, grants)
                self.write_observations(pid, k, n, obs)
        with open(os.path.join(self.out, "import.csv"), "w") as imp:
            self.count["import_rows"] = self.write_import(imp, provinces)
        self.write_config(provinces)
        self.write_sql(provinces)
        with open(os.path.join(self.out, "sizes.txt"), "w") as f:
            for key, v in self.count.items():
                f.write(f"{key} {v}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--now", default="2025-12-10")
    ap.add_argument("--seed", type=int, default=14)
    a = ap.parse_args()
    Gen(a.out, a.scale, day(a.now), a.seed).run()


if __name__ == "__main__":
    main()
