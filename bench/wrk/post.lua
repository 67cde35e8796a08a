-- wrk script of bench/run.sh: POSTs pre-built JSON bodies, one per line of a file, cycling through them on
-- keep-alive connections. Usage:
--   wrk -t2 -c64 -d15s -s bench/wrk/post.lua URL -- BODIES_FILE [BEARER_TOKEN]
-- With WRK_TARGETS=host:port,host:port in the environment, thread i sends to target i modulo their number
-- (several replicas from one wrk, connections split evenly). At the end it prints one machine-readable line:
--   WRK_RESULT {"requests":…,"duration_us":…,…,"p50_us":…,"p99_us":…,"max_us":…}
-- Latency here is wrk's (from the moment a request is written); the latency curve uses bench's fixed-rate generator.

local threads = 0

function setup(thread)
  thread:set("id", threads)
  local targets = os.getenv("WRK_TARGETS")
  if targets ~= nil and targets ~= "" then
    local list = {}
    for target in string.gmatch(targets, "[^,]+") do
      list[#list + 1] = target
    end
    local host, port = string.match(list[(threads % #list) + 1], "^(.+):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
  end
  threads = threads + 1
end

local requests = {}
local next_request = 1

function init(args)
  local headers = { ["Content-Type"] = "application/json" }
  if args[2] ~= nil and args[2] ~= "" then
    headers["Authorization"] = "Bearer " .. args[2]
  end
  for body in io.lines(args[1]) do
    requests[#requests + 1] = wrk.format("POST", nil, headers, body)
  end
  -- threads start at different places, so they do not send the same alert at the same moment
  next_request = (id * 4999) % #requests + 1
end

function request()
  local request = requests[next_request]
  next_request = next_request % #requests + 1
  return request
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,'
      .. '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
      summary.requests, summary.duration, errors.connect, errors.read, errors.write, errors.status, errors.timeout,
      latency:percentile(50), latency:percentile(99), latency.max))
end
