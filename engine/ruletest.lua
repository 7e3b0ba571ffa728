-- ruletest.lua — the language of rule tests (rules/<id>/tests/*.lua),
-- compiled into dondoc.
--
-- ruletest.c runs this chunk, trusted, in a fresh sandbox for each test
-- file, after the rule prelude (engine/prelude.lua) whose vetted library it
-- receives as its argument — so a test file sees the same string, table,
-- math and utf8 functions as a rule file, and nothing else but the
-- constructs below. It returns hooks:
--   begin_file(path) -> env   the _ENV of the test file
--   result()         -> tests  every test declared, in file order
--
-- Like the prelude, this only records: each construct becomes a plain
-- table with `__where` ("FILE:LINE" of the call). Field names are checked
-- here, so a misspelt field is an error at its line; ruletest.c checks the
-- values (dates, ids the rules must declare, numbers) and runs the tests.
--
--   test "name" {
--     submissions  = { { AGENCY, OBLIGATION, PERIOD, on = DATE, note = … } },
--     observations = { { INDICATOR, PERIOD, VALUE, unit = … } },
--     extensions   = { { AGENCY, OBLIGATION, PERIOD, due = DATE (or
--                        ["until"] = DATE), letter = …, on = DATE,
--                        reason = … } },
--     exemptions   = { { AGENCY, OBLIGATION, PERIOD, letter = …, on = DATE,
--                        reason = … } },
--     at "DATE" { finding { … }, no_finding { … }, reminder { … },
--                 no_reminder { … } },
--   }

local library = ...
local getinfo = debug.getinfo          -- kept privately; tests never see debug
local error, type, pairs, ipairs, setmetatable, tostring =
      error, type, pairs, ipairs, setmetatable, tostring
local sformat = string.format

local hooks = {}
local tests, by_name = {}, {}
-- every at and expectation not yet placed in a test, to find strays (the
-- value orders them, so the first stray is reported whatever pairs does)
local made, n_made = {}, 0
local function remember(x) n_made = n_made + 1; made[x] = n_made end
local current_file

-- Where the test file called us: the first stack level that is not one of
-- dondoc's own chunks ("=ruletest", "=prelude").
local function where()
  for level = 2, 20 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source:sub(1, 1) ~= "=" then
      local src = info.source:sub(1, 1) == "@" and info.source:sub(2) or info.short_src
      return sformat("%s:%d", src, info.currentline)
    end
  end
  return current_file or "?"
end

local function fail(msg) error(where() .. ": " .. msg, 0) end

-- The fields each expectation accepts (docs/rules.md, "Rule tests").
local finding_fields = {
  kind=1, agency=1, obligation=1, indicator=1, campaign=1, period=1, due=1,
  nominal_due=1, days=1, received=1, value=1, target=1, day=1, letter=1,
  on_behalf_of=1, original_due=1, target_year=1, expected=1, projected=1,
}
local reminder_fields = {
  agency=1, obligation=1, indicator=1, campaign=1, period=1, stage=1, to=1,
  cc=1, escalation=1,
}

local function expectation(kind, known)
  return function(t)
    if type(t) ~= "table" then
      fail(sformat("%s expects a table of fields: %s { kind = \"overdue\", … }", kind, kind))
    end
    local e = { __expect = kind, __where = where() }
    local n = 0
    for k, v in pairs(t) do
      if type(k) ~= "string" or not known[k] then
        fail(sformat("%s: unknown field '%s'", kind, tostring(k)))
      end
      local tv = type(v)
      if tv ~= "string" and tv ~= "number" and tv ~= "boolean" then
        fail(sformat("%s: field '%s' must be a string, number or boolean, not a %s", kind, k, tv))
      end
      e[k] = v
      n = n + 1
    end
    if n == 0 then
      fail(sformat("%s { } names no field: it would match anything", kind))
    end
    remember(e)
    return e
  end
end

local api = {}
api.finding = expectation("finding", finding_fields)
api.no_finding = expectation("no_finding", finding_fields)
api.reminder = expectation("reminder", reminder_fields)
api.no_reminder = expectation("no_reminder", reminder_fields)

-- at "2024-12-06" { … } or at "2024-12-20T08:00" { … }
function api.at(date)
  if type(date) ~= "string" then
    fail("at needs a date: at \"2024-12-06\" { … }")
  end
  local w = where()
  return function(t)
    if type(t) ~= "table" then
      fail(sformat("at \"%s\" expects a list of finding { … }, no_finding { … }, reminder { … }, no_reminder { … }", date))
    end
    local a = { __at = date, __where = w }
    for k, v in pairs(t) do
      if type(k) ~= "number" or type(v) ~= "table" or not v.__expect then
        fail(sformat("at \"%s\": '%s' is not finding { … }, no_finding { … }, reminder { … } or no_reminder { … }",
                     date, tostring(k)))
      end
    end
    for i, e in ipairs(t) do
      made[e] = nil
      a[i] = e
    end
    if #a == 0 then fail(sformat("at \"%s\" { } expects nothing", date)) end
    remember(a)
    return a
  end
end

local fixture_lists = { submissions=1, observations=1, extensions=1, exemptions=1 }
local fixture_fields = {
  submissions = { on=1, note=1 },
  observations = { unit=1 },
  -- `until` is a Lua keyword: write ["until"] = …, or due = … (the same)
  extensions = { ["until"]=1, due=1, letter=1, on=1, reason=1 },
  exemptions = { letter=1, on=1, reason=1 },
}
local fixture_positions = { submissions=3, observations=3, extensions=3, exemptions=3 }
local fixture_shape = {
  submissions = "{ \"agency\", \"obligation\", \"period\", on = \"YYYY-MM-DD\" }",
  observations = "{ \"indicator\", \"period\", value }",
  extensions = "{ \"agency\", \"obligation\", \"period\", due = \"YYYY-MM-DD\", letter = \"…\" }",
  exemptions = "{ \"agency\", \"obligation\", \"period\", letter = \"…\" }",
}

local function check_fixtures(name, list, entries)
  if type(entries) ~= "table" then
    fail(sformat("test \"%s\": %s must be a list of %s", name, list, fixture_shape[list]))
  end
  for k, e in pairs(entries) do
    if type(k) ~= "number" or type(e) ~= "table" then
      fail(sformat("test \"%s\": %s: each entry must be %s", name, list, fixture_shape[list]))
    end
    for f, v in pairs(e) do
      local ok = (type(f) == "number" and f >= 1 and f <= fixture_positions[list])
                 or fixture_fields[list][f]
      if not ok then
        fail(sformat("test \"%s\": %s[%d]: unknown field '%s' (an entry is %s)",
                     name, list, k, tostring(f), fixture_shape[list]))
      end
      local tv = type(v)
      if tv ~= "string" and tv ~= "number" and tv ~= "boolean" then
        fail(sformat("test \"%s\": %s[%d]: field '%s' must be a string or number, not a %s",
                     name, list, k, tostring(f), tv))
      end
    end
    if e["until"] ~= nil and e.due ~= nil then
      fail(sformat("test \"%s\": %s[%d]: due and [\"until\"] are the same field; give one",
                   name, list, k))
    end
  end
end

-- test "name" { fixtures…, at "DATE" { … }, … }
function api.test(name)
  if type(name) ~= "string" or name == "" then
    fail("test needs a name: test \"Báo cáo năm: hạn 05/12\" { … }")
  end
  local w = where()
  return function(t)
    if type(t) ~= "table" then
      fail(sformat("test \"%s\" expects a table { submissions = …, at \"DATE\" { … } }", name))
    end
    if by_name[name] then
      fail(sformat("test \"%s\" is declared twice (first at %s)", name, by_name[name]))
    end
    local rec = { __name = name, __where = w, ats = {} }
    for k, v in pairs(t) do
      if type(k) == "number" then
        if type(v) ~= "table" or not v.__at then
          fail(sformat("test \"%s\": entry %d is not at \"DATE\" { … }", name, k))
        end
      elseif fixture_lists[k] then
        check_fixtures(name, k, v)
        rec[k] = v
      else
        fail(sformat("test \"%s\": unknown field '%s' (submissions, observations, extensions, exemptions, or at \"DATE\" { … })",
                     name, tostring(k)))
      end
    end
    for i, a in ipairs(t) do
      made[a] = nil
      rec.ats[i] = a
    end
    if #rec.ats == 0 then
      fail(sformat("test \"%s\" has no at \"DATE\" { … }: nothing is checked", name))
    end
    by_name[name] = w
    tests[#tests + 1] = rec
  end
end

-- The rule constructs are not available here: say so, rather than
-- "attempt to call a nil value".
local rule_words = { jurisdiction=1, agency=1, role=1, obligation=1, indicator=1,
                     campaign=1, policy=1, messages=1, holidays=1, drop=1,
                     members=1, agencies=1, ratio=1 }

function hooks.begin_file(path)
  current_file = path
  return setmetatable({}, { __metatable = false,
    __index = function(_, k)
      if api[k] ~= nil then return api[k] end
      if rule_words[k] then
        fail(sformat("'%s' declares rules; a test file only has test, at, finding, no_finding, reminder and no_reminder", k))
      end
      return library[k]
    end,
    __newindex = function(_, k)
      fail(sformat("a test file declares tests, not globals (assigning '%s'; use local)", tostring(k)))
    end })
end

-- Every test in file order; an at or expectation written outside one is
-- a mistake (it would check nothing), reported at its line.
function hooks.result()
  local first, seq
  for x, n in pairs(made) do
    if not seq or n < seq then first, seq = x, n end
  end
  if first then
    local what = first.__at and sformat("at \"%s\"", first.__at) or first.__expect
    error(sformat("%s: %s is outside %s: it checks nothing", first.__where, what,
                  first.__at and "a test \"…\" { … }" or "an at \"DATE\" { … }"), 0)
  end
  return tests
end

return hooks
