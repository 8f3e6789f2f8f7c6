-- Opens N tickets (and a few more, see below) through POST /api/servicedesk/tickets for bench/servicedesk.sh, from one
-- wrk thread (-t1) over several keep-alive connections: a client that needs little CPU, so the
-- server's rate is what is measured. The same bodies as the script's Python client: every other
-- ticket names the Dinas's own service (it stays at Level 2), the rest are redirected to Level 1.
--   wrk -t1 -c8 -d3600s -s bench/servicedesk_open.lua URL -- N TOKEN ELEMENT_ID AGENCY_ID,...
-- POSTs go out until N answers are in (a request lost with a closed connection is not answered, so
-- sending exactly N could wait for ever): a few dozen more are sent before wrk stops (26 at 200,000,
-- up to 60 at 3,000), and bench/servicedesk.sh counts the tickets the database holds. At the N-th
-- answer the thread interrupts wrk (SIGINT), which prints its summary. Refusals (any answer but 201) are counted.
local ffi = require("ffi")
ffi.cdef [[
  int kill(int pid, int sig);
  int getpid(void);
]]

local n, token, element, agencies
sent, answered, refused = 0, 0, 0 -- globals: done() reads them with thread:get
local levels = { "tinggi", "sedang", "rendah" }

function init(args)
  n = tonumber(args[1])
  token = args[2]
  element = args[3]
  agencies = {}
  for id in string.gmatch(args[4], "[^,]+") do agencies[#agencies + 1] = id end
end

function request()
  local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
  local i = sent
  sent = sent + 1
  local body = string.format(
    '{"type":"gangguan","title":"Printer mati %d","description":"Tidak bisa mencetak","urgency":"%s",' ..
    '"impact":"%s","agency_id":"%s","tier":2%s}',
    i, levels[i % 3 + 1], levels[math.floor(i / 3) % 3 + 1], agencies[i % #agencies + 1],
    i % 2 == 0 and string.format(',"element_id":"%s"', element) or "")
  return wrk.format("POST", "/api/servicedesk/tickets", headers, body)
end

function response(status, headers, body)
  if answered >= n then return end
  answered = answered + 1
  if status ~= 201 then
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused: " .. status .. " " .. string.sub(body, 1, 300) .. "\n") end
  end
  if answered == n then ffi.C.kill(ffi.C.getpid(), 2) end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local refusals = 0
  for _, t in ipairs(threads) do refusals = refusals + t:get("refused") end
  io.write(string.format("answered %d in %.3f s, refused %d, latency p50 %.1f ms p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, refusals, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
