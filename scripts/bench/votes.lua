-- wrk script for scripts/bench-votes: every request casts one vote with a code not used before on
-- that ballot. Codes come from the file in $CODES (one per line); the ballots from $BALLOTS
-- ("2,3,4"). Thread k of n uses codes k, k+n, k+2n, …, first on the first ballot, then the next.
-- At the end it prints how many votes were acknowledged (201) and how many were not.
-- A line "HOST;CODE" sends that vote to the association served for HOST (serve --associations).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  codes = {}
  hosts = {}
  for line in io.lines(os.getenv("CODES")) do
    local host, code = string.match(line, "^([^;]+);(.+)$")
    table.insert(codes, code or line)
    table.insert(hosts, host or "127.0.0.1")
  end
  ballots = {}
  for b in string.gmatch(os.getenv("BALLOTS"), "%d+") do table.insert(ballots, b) end
  step = tonumber(os.getenv("THREADS") or "2")
  position = index + 1
  round = 1
  acknowledged = 0
  refused = 0
  exhausted = 0
end

function request()
  if position > #codes then
    position = index + 1
    round = round + 1
  end
  if round > #ballots then
    exhausted = exhausted + 1
    return wrk.format("GET", "/healthz")
  end
  local body = '{"code":"' .. codes[position] .. '","ballot":' .. ballots[round] .. ',"choice":"yes"}'
  local host = hosts[position]
  position = position + step
  return wrk.format("POST", "/api/v1/votes", {["Content-Type"] = "application/json", ["Host"] = host}, body)
end

function response(status, headers, body)
  if status == 201 then acknowledged = acknowledged + 1
  elseif status ~= 200 then refused = refused + 1 end
end

function done(summary, latency, requests)
  local ok, bad, idle = 0, 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("acknowledged")
    bad = bad + thread:get("refused")
    idle = idle + thread:get("exhausted")
  end
  io.write(string.format("VOTES acknowledged=%d refused=%d out_of_codes=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    ok, bad, idle, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
