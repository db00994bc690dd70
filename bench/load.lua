-- wrk script for every benchmarked request.
-- wrk -s load.lua URL -- METHOD BODY USERS PREFIX [HEADER VALUE]
-- In BODY, {n} becomes a random user number in 1..USERS and {u} a string no other
-- request of the run gets (PREFIX, thread, counter). done() prints one JSON line.

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  method, body, users, prefix = args[1], args[2], tonumber(args[3]), args[4]
  headers = {["Content-Type"] = "application/json"}
  if args[5] then
    headers[args[5]] = args[6]
  end
  counter = 0
  math.randomseed(os.time() * 1000 + id)
end

function request()
  counter = counter + 1
  local unique = prefix .. "-" .. id .. "-" .. counter
  local filled = body:gsub("{n}", tostring(math.random(users))):gsub("{u}", unique)
  if method == "GET" then
    return wrk.format("GET", nil, headers, nil)
  end
  return wrk.format(method, nil, headers, filled)
end

function done(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d, "p50_us": %d, "p99_us": %d, "mean_us": %d}\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.mean))
end
