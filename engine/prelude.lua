-- prelude.lua — the rule language, in Lua, compiled into dondoc.
--
-- rules.c runs this chunk once per jurisdiction, trusted, in a fresh
-- sandboxed lua_State, before any rule file. It returns a table of hooks:
--   begin_file(path, jurisdiction) -> env   a fresh _ENV for one rule file
--   begin_law_file(path)           -> env   … for a file of rules/law/
--   result()                               -> the declarations collected
-- Rule files only ever see their own env, whose reads fall through to a
-- read-only table of the constructs below plus a vetted standard library.
--
-- Declarations are recorded, not interpreted: each becomes a plain table
-- with its fields, `__where` ("FILE:LINE" of the declaration) and `__jur`
-- (the jurisdiction whose file declared it). rules.c turns them into C
-- structs and checks dates and references, naming `__where` in errors.
--
-- Inheritance: a jurisdiction's files run after its ancestors' files in the
-- same state, so a child that declares an id its parent declared *overrides*
-- the fields it names and keeps the others. Declaring the same id twice in
-- one jurisdiction is an error. `drop(kind, id)` removes an inherited item.

local getinfo = debug.getinfo          -- kept privately; rules never see debug
local error, type, pairs, ipairs, setmetatable, tostring, next =
      error, type, pairs, ipairs, setmetatable, tostring, next
local sformat, sfind = string.format, string.find
local tointeger = math.tointeger
-- the years rules may name (MODEL_YEAR_MIN..MAX in model.h)
local YEAR_MIN, YEAR_MAX = 2000, 2100

local decls = {
  jurisdiction = {}, agency = {}, role = {}, obligation = {}, indicator = {},
  campaign = {}, policy = {}, holidays = {}, messages = {},
}
local order = 0
local current_jur, current_file

-- Where the rule file called us: the first stack level outside this chunk.
local function where()
  for level = 2, 20 do
    local info = getinfo(level, "Sl")
    if not info then break end
    if info.source ~= "=prelude" then
      local src = info.source:sub(1, 1) == "@" and info.source:sub(2) or info.short_src
      return sformat("%s:%d", src, info.currentline)
    end
  end
  return current_file or "?"
end

local function fail(msg) error(where() .. ": " .. msg, 0) end

local function check_id(kind, id)
  if type(id) ~= "string" or not sfind(id, "^[%w][%w%._%-]*$") then
    fail(sformat("%s needs an id of letters, digits, '.', '_' or '-' (got %s)",
                 kind, tostring(id)))
  end
end

-- Fields each construct accepts; a misspelt field is an error, not silence.
local fields = {
  jurisdiction = { name=1, parent=1, template=1, plan=1, monitor_from=1,
                   plan_end=1 },
  agency = { name=1, kind=1, email=1, head_email=1, member=1, valid_from=1,
             valid_until=1, successor=1, parent=1 },
  obligation = { title=1, basis=1, from=1, to=1, wording=1, periods=1,
                 active_from=1, active_until=1 },
  indicator = { title=1, goal=1, unit=1, direction=1, baseline=1, targets=1,
                target=1,
                lead=1, support=1, cadence=1, due=1, tolerance=1, value=1,
                basis=1, note=1, checks=1 },
  campaign = { title=1, window=1, from=1, to=1, plan=1, results=1,
               basis=1, active_from=1, active_until=1 },
  messages = { subject_prefix=1, greeting=1, intro=1, closing=1, signature=1 },
  policy = { before=1, on_due=1, after=1, overdue_every=1, backoff_after=1,
             backoff_every=1, escalate_after=1, escalate_every=1,
             escalate_cc_secretariat=1, max_per_week=1, working_days_only=1,
             deadline_shift=1, before_means=1, tolerance=1,
             indicator_repeat=1, digest=1, report_day=1 },
}

local function check_fields(kind, t)
  if type(t) ~= "table" then
    fail(sformat("%s expects a table of fields { … }", kind))
  end
  local known = fields[kind]
  for k in pairs(t) do
    if type(k) ~= "string" or not known[k] then
      fail(sformat("%s: unknown field '%s'", kind, tostring(k)))
    end
  end
end

-- Record or override declaration `id` of `kind`.
local function need_jurisdiction()
  if not decls.jurisdiction[current_jur] then
    fail(sformat("the first declaration for '%s' must be jurisdiction \"%s\" { … }",
                 current_jur, current_jur))
  end
end

local function declare(kind, id, t)
  local w = where()
  if kind ~= "jurisdiction" then need_jurisdiction() end
  local old = decls[kind][id]
  if old and old.__jur == current_jur then
    fail(sformat("%s '%s' is declared twice (first at %s)", kind, id, old.__where))
  end
  local d
  if old then                        -- inherited: override only what is named
    d = {}
    for k, v in pairs(old) do d[k] = v end
    d.__inherited_from = old.__jur
    -- keep the parent's targets beside the override ("TW" beside local)
    if kind == "indicator" and t.targets ~= nil then d.__parent_targets = old.targets end
    -- a parent's figures mean nothing once the unit or direction changed
    if kind == "indicator" and ((t.unit ~= nil and t.unit ~= old.unit) or
        (t.direction ~= nil and t.direction ~= old.direction)) then
      d.__parent_targets = nil
    end
  else
    d = {}
  end
  for k, v in pairs(t) do d[k] = v end
  -- an override keeps its parent's place, so lists follow the plan's order
  if not old then order = order + 1 end
  d.__id, d.__where, d.__jur, d.__order = id, w, current_jur, old and old.__order or order
  decls[kind][id] = d
  return d
end

local function construct(kind)
  return function(id)
    check_id(kind, id)
    return function(t)
      check_fields(kind, t)
      declare(kind, id, t)
    end
  end
end

local api = {}

local hooks = {}
local loading = {}

-- jurisdiction "bac-ninh" { parent = "national" } loads the parent's folder
-- right here, so every inherited declaration comes before the child's own.
function api.jurisdiction(id)
  check_id("jurisdiction", id)
  return function(t)
    check_fields("jurisdiction", t)
    if id ~= current_jur then
      fail(sformat("this folder holds jurisdiction '%s', not '%s'", current_jur, id))
    end
    if decls.jurisdiction[id] then
      fail(sformat("jurisdiction '%s' is declared twice (first at %s)", id,
                   decls.jurisdiction[id].__where))
    end
    if t.parent ~= nil then
      check_id("parent", t.parent)
      if loading[t.parent] then
        fail(sformat("jurisdiction '%s' inherits from itself through '%s'", id, t.parent))
      end
      local file, jur = current_file, current_jur
      loading[id] = true
      hooks.load_jurisdiction(t.parent, where())
      current_file, current_jur = file, jur
    end
    declare("jurisdiction", id, t)
  end
end

api.agency = construct("agency")
api.obligation = construct("obligation")
api.indicator = construct("indicator")
api.campaign = construct("campaign")

-- role "secretariat" { { "so-a", to = "2025-02-28" }, { "so-b", from = "2025-03-01" } }
-- role "x" "so-a" names a single holder for all time. Used as a value
-- (to = role "secretariat") it yields a reference instead.
function api.role(id)
  check_id("role", id)
  local ref = setmetatable({ __role = id }, {
    __call = function(_, holders)
      if type(holders) == "string" then holders = { { holders } } end
      if type(holders) ~= "table" or #holders == 0 then
        fail("role '" .. id .. "' needs a list of holders { { \"agency\", from = …, to = … } }")
      end
      local terms = {}
      for i, h in ipairs(holders) do
        if type(h) == "string" then h = { h } end
        if type(h) ~= "table" or type(h[1]) ~= "string" then
          fail(sformat("role '%s': holder %d must be { \"agency-id\", from = …, to = … }", id, i))
        end
        terms[i] = { agency = h[1], from = h.from, to = h.to }
      end
      declare("role", id, { terms = terms })
    end,
  })
  return ref
end

-- policy { … } merges field by field over the inherited policy.
function api.policy(t)
  need_jurisdiction()
  check_fields("policy", t)
  local p = decls.policy.policy or {}
  for k, v in pairs(t) do p[k] = v end
  p.__where = where()
  decls.policy.policy = p
end

-- messages { intro = "…", signature = "…" } merges like policy: the words
-- of the reminders, with {agency}, {jurisdiction} and {date} filled in.
function api.messages(t)
  need_jurisdiction()
  check_fields("messages", t)
  local m = decls.messages.messages or {}
  for k, v in pairs(t) do
    if type(v) ~= "string" then fail("messages." .. k .. " must be a string") end
    m[k] = v
  end
  m.__where = where()
  decls.messages.messages = m
end

-- holidays(2025) { { "2025-01-01", name = "…" }, { "from", "to", name = "…" },
--                  work = { "2025-04-26" }, notice = "Thông báo …" }
-- With `notice`, the block is (part of) the year's announced civil-service
-- schedule: its days replace the ones dondoc computes from the Labour Code
-- for that year (engine/legal_calendar.h). Without it, the days add to them.
-- rules/law/ declares the announced years for every jurisdiction.
local holiday_fields = { work = true, notice = true }
local in_law = false                   -- running a file of rules/law/

function api.holidays(year)
  -- a whole number: holidays(1e300) must not reach C as an int
  local y = type(year) == "number" and tointeger(year)
  if not y then fail("holidays needs a year: holidays(2025) { … }") end
  year = y
  if year < YEAR_MIN or year > YEAR_MAX then
    fail(sformat("holidays(%d): the year must be from %d to %d", year, YEAR_MIN, YEAR_MAX))
  end
  return function(t)
    if not in_law then need_jurisdiction() end
    if type(t) ~= "table" then fail("holidays(" .. year .. ") expects a table") end
    for k in pairs(t) do
      if not tointeger(k) and not holiday_fields[k] then
        fail(sformat("holidays(%d): unknown field '%s'", year, tostring(k)))
      end
    end
    if t.work ~= nil and type(t.work) ~= "table" then
      fail(sformat("holidays(%d): work must be a list of dates, as work = { \"%d-04-26\" }", year, year))
    end
    if t.notice ~= nil and (type(t.notice) ~= "string" or t.notice == "") then
      fail(sformat("holidays(%d): notice must name the announcement, as notice = \"Thông báo 9441/TB-BNV\"", year))
    end
    local w = where()
    local list = decls.holidays
    if t.notice then
      list[#list + 1] = { notice = t.notice, year = year, __where = w }
    end
    for i, h in ipairs(t) do
      if type(h) == "string" then h = { h } end
      if type(h) ~= "table" or type(h[1]) ~= "string" then
        fail(sformat("holidays(%d): entry %d must be { \"YYYY-MM-DD\" [, \"YYYY-MM-DD\"], name = … }", year, i))
      end
      list[#list + 1] = { from = h[1], to = h[2] or h[1], name = h.name,
                          year = year, __where = w }
    end
    for _, d in ipairs(t.work or {}) do
      list[#list + 1] = { from = d, to = d, work = true, year = year, __where = w }
    end
  end
end

-- A campaign's optional reports are obligations named "<campaign>-plan" and
-- "<campaign>-results"; dropping one sets that part of the campaign to
-- false (no report) and keeps the campaign. Returns whether id was one.
local function drop_campaign_part(id)
  for cid, c in pairs(decls.campaign) do
    for _, part in ipairs({ "plan", "results" }) do
      if id == cid .. "-" .. part and type(c[part]) == "table" then
        local d = {}
        for k, v in pairs(c) do d[k] = v end
        d[part] = false
        decls.campaign[cid] = d
        return true
      end
    end
  end
  return false
end

-- drop("indicator", "m5.2"): the jurisdiction does not take this inherited item.
function api.drop(kind, id)
  if not decls[kind] or kind == "policy" or kind == "holidays" or kind == "messages" then
    fail("drop: unknown kind '" .. tostring(kind) .. "'")
  end
  if kind == "obligation" and not decls.obligation[id] and type(id) == "string"
     and drop_campaign_part(id) then
    return
  end
  if not decls[kind][id] then fail(sformat("drop: no %s '%s' to drop", kind, tostring(id))) end
  decls[kind][id] = nil
end

-- Selectors for `from =`: resolved by rules.c once every agency is known.
function api.members() return { __select = "members" } end
function api.agencies(q)
  if type(q) ~= "table" or type(q.kind) ~= "string" then
    fail("agencies{ kind = \"…\" } selects agencies by kind")
  end
  return { __select = "kind", kind = q.kind }
end

-- Computed indicator values.
function api.ratio(numerator, denominator, scale)
  if type(numerator) ~= "string" or type(denominator) ~= "string" then
    fail("ratio(\"numerator-id\", \"denominator-id\" [, scale]) takes two indicator ids")
  end
  return { __value = "ratio", num = numerator, den = denominator, scale = scale or 100 }
end

-- A vetted standard library. Strings: no pattern matching (it runs in C,
-- out of reach of the instruction budget) and no dump (bytecode).
local safe_string = {}
for _, k in ipairs({ "byte", "char", "format", "len", "lower", "upper", "rep",
                     "reverse", "sub" }) do
  safe_string[k] = string[k]
end
local safe_math = {}
for k, v in pairs(math) do
  if k ~= "random" and k ~= "randomseed" then safe_math[k] = v end
end
local safe_table = { concat = table.concat, insert = table.insert,
                     remove = table.remove, sort = table.sort,
                     unpack = table.unpack }
local safe_utf8 = {}
for k, v in pairs(utf8) do safe_utf8[k] = v end

for _, k in ipairs({ "assert", "error", "ipairs", "next", "pairs", "select",
                     "tonumber", "tostring", "type" }) do
  api[k] = _G[k]
end
api.string, api.math, api.table, api.utf8 = safe_string, safe_math, safe_table, safe_utf8

-- Read-only views, so one file cannot change what another file sees.
local function readonly(t, name)
  return setmetatable({}, {
    __index = t,
    __newindex = function(_, k) fail(sformat("%s is read-only (assigning '%s')", name, tostring(k))) end,
    __metatable = false,
  })
end
for _, k in ipairs({ "string", "math", "table", "utf8" }) do
  api[k] = readonly(api[k], k)
end
local base = readonly(api, "the rule library")
-- the same vetted library for the rule tests (engine/ruletest.lua)
hooks.library = base

-- Method calls on strings ("x"):upper() go through the shared string
-- metatable; point it at the vetted table so :dump() and :gsub() are gone.
getmetatable("").__index = safe_string
getmetatable("").__metatable = false

function hooks.begin_file(path, jur)
  current_file, current_jur, in_law = path, jur, false
  return setmetatable({}, { __index = base, __metatable = false })
end

-- A file of rules/law/, run for every jurisdiction before its own folder:
-- the law's calendar, so only holidays(YEAR) { … } and the library.
function hooks.begin_law_file(path)
  current_file, current_jur, in_law = path, nil, true
  return setmetatable({}, { __metatable = false, __index = function(_, k)
    if (decls[k] and k ~= "holidays") or k == "drop" then
      fail(sformat("only holidays(YEAR) { … } can be declared in rules/law (not %s)", tostring(k)))
    end
    return base[k]
  end })
end

-- The declarations that apply to jurisdiction `jur`, each kind as a list in
-- declaration order (so output follows the order the plan was written in).
local tsort = table.sort
function hooks.result(jur)
  local out = { jurisdiction = decls.jurisdiction[jur],
                policy = decls.policy.policy or {}, holidays = decls.holidays,
                messages = decls.messages.messages or {} }
  for _, kind in ipairs({ "agency", "role", "obligation", "indicator", "campaign" }) do
    local list = {}
    for _, d in pairs(decls[kind]) do list[#list + 1] = d end
    tsort(list, function(a, b) return a.__order < b.__order end)
    out[kind] = list
  end
  return out
end

return hooks
