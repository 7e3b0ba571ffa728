#!/usr/bin/env python3
"""Generate a large synthetic province for benchmarks.

    gen_province.py OUTDIR AGENCIES OBLIGATIONS INDICATORS

Writes OUTDIR/rules/big/jurisdiction.lua (inheriting the shipped national
rules, which the caller copies to OUTDIR/rules/national), OUTDIR/dondoc.lua,
and OUTDIR/data.sql: a year of submissions (about 80% received) and five
years of indicator values, loaded with the sqlite3 shell after dondoc has
created the schema.
"""
import os, random, sys

out, n_ag, n_ob, n_ind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(42)
os.makedirs(f"{out}/rules/big", exist_ok=True)
roles = ["secretariat", "home-affairs", "labour", "economy", "health", "education",
         "culture", "information", "statistics", "gender-focal", "social-protection",
         "vocational-training"]
with open(f"{out}/rules/big/jurisdiction.lua", "w") as f:
    f.write('jurisdiction "big" { name = "Tỉnh Lớn", parent = "national", monitor_from = "2024-01-01" }\n')
    for a in range(n_ag):
        f.write(f'agency "a{a}" {{ name = "Cơ quan {a}", email = "a{a}@big.example.gov.vn" }}\n')
    for r in roles:
        f.write(f'role "{r}" "a0"\n')
    kinds = [("month", '"end+10"'), ("quarter", '"end+15"'), ("half", '"06-05"'), ("year", '"12-05"')]
    for o in range(n_ob):
        k, due = kinds[o % 4]
        f.write(f'obligation "o{o}" {{ title = "Báo cáo {o}", from = members(), '
                f'to = role "secretariat", periods = {{ {k} = {{ due = {due} }} }} }}\n')
    for i in range(n_ind):
        f.write(f'indicator "x{i}" {{ title = "Chỉ tiêu {i}", unit = "%", direction = "at_least", '
                f'baseline = {{ 2020, 40 }}, targets = {{ [2025] = 60, [2030] = 75 }}, lead = "a{i % n_ag}" }}\n')
with open(f"{out}/dondoc.lua", "w") as f:
    f.write('rules_dir = "rules"\ndatabase = "big.db"\njurisdictions = { "big" }\n')
with open(f"{out}/data.sql", "w") as f:
    f.write("BEGIN;\n")
    for o in range(n_ob):
        k = ["month", "quarter", "half", "year"][o % 4]
        periods = {"month": [f"2024-{m:02d}" for m in range(1, 13)],
                   "quarter": [f"2024-Q{q}" for q in range(1, 5)],
                   "half": ["2024-H1"], "year": ["2024"]}[k]
        for a in range(n_ag):
            for p in periods:
                if random.random() < 0.8:
                    f.write(f"INSERT INTO submissions (jurisdiction, agency, obligation, period, received_on) "
                            f"VALUES ('big','a{a}','o{o}','{p}','2024-12-01');\n")
    for i in range(n_ind):
        for y in range(2020, 2025):
            v = 40 + (y - 2020) * random.uniform(1, 5)
            f.write(f"INSERT INTO observations (jurisdiction, indicator, unit, period, value) "
                    f"VALUES ('big','x{i}','big','{y}',{v:.2f});\n")
    f.write("COMMIT;\n")
