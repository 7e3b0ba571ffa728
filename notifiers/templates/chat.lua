-- chat.lua — webhook body for a generic chat webhook: {"text": "…"}.
--
-- Input: dondoc's reminder payload, version 1 (jurisdiction, summary,
-- items[].message). Output: one Vietnamese message — a headline with the
-- counts, then one "• " line per item. Chat tools cap message size
-- (Telegram: 4096), so the list stops at 50 items or ~4000 bytes and says
-- how many were left out. Runs in the template sandbox (notifiers/
-- template.c): no patterns, no require — telegram.lua carries a copy of
-- build_text, keep the two in step.

local MAX_ITEMS = 50
local MAX_BYTES = 4000  -- below Telegram's 4096, whatever it counts
local MAX_LINE = 600    -- one runaway message must not crowd out the rest
local TAIL = 64         -- room kept for the "… và N mục khác" line

-- JSON null arrives as `null`; treat it, and anything odd, as missing.
local function str(v)
  if type(v) == "string" then return v end
  if type(v) == "number" then return tostring(v) end
  return nil
end

local function count(v)
  return type(v) == "number" and (math.tointeger(v) or v) or 0
end

-- At most n bytes of s, cut at a character boundary, "…" marking the cut.
local function clip(s, n)
  if #s <= n then return s end
  -- utf8.offset(s, 0, i): start of the character that holds byte i
  return s:sub(1, utf8.offset(s, 0, n - 2) - 1) .. "…"
end

local function build_text(p)
  local j = type(p.jurisdiction) == "table" and p.jurisdiction or {}
  local s = type(p.summary) == "table" and p.summary or {}
  local items = type(p.items) == "table" and p.items or {}
  local lines = { clip(string.format(
    "[dondoc] %s: %s quá hạn, %s sắp đến hạn, %s chỉ tiêu chậm tiến độ",
    str(j.name) or str(j.id) or "?", count(s.overdue), count(s.due_soon),
    count(s.off_track)), MAX_LINE) }
  local used, shown = #lines[1], 0
  for i = 1, math.min(#items, MAX_ITEMS) do
    local it = type(items[i]) == "table" and items[i] or {}
    local line = clip("• " .. (str(it.message) or str(it.title) or "?"),
                      MAX_LINE)
    if used + 1 + #line > MAX_BYTES - TAIL then break end
    lines[#lines + 1] = line
    used, shown = used + 1 + #line, i
  end
  if shown < #items then
    lines[#lines + 1] = string.format("… và %d mục khác", #items - shown)
  end
  return clip(table.concat(lines, "\n"), MAX_BYTES)
end

return function(p, opts)
  return { text = build_text(p) }
end
