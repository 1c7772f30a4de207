-- wrk script for bench/capacity.py: replay recorded Elasticsearch requests, print a JSON summary.
--
--   wrk -t2 -c16 -d20s --latency -s bench/replay.lua http://127.0.0.1:9200 -- requests.tsv
--
-- requests.tsv holds one request per line, METHOD<TAB>PATH<TAB>BODY, as bench/recorder.py
-- writes them (an NDJSON body's lines are joined with \x1f). Each wrk thread starts at a
-- different offset so threads don't send the same request at once.

local requests = {}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "usage: ... -- <file of recorded requests>")
  for line in file:lines() do
    local method, path, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    if method then
      local headers = {["Content-Type"] = "application/json"}
      if body:find("\31", 1, true) then
        body = body:gsub("\31", "\n") .. "\n"
        headers["Content-Type"] = "application/x-ndjson"
      end
      if #body == 0 then
        body = nil
      end
      table.insert(requests, wrk.format(method, path, headers, body))
    end
  end
  file:close()
  assert(#requests > 0, "no requests in " .. args[1])
  counter = id * 7
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_s": %.3f, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_ms": %.1f, "p90_ms": %.1f, ' ..
    '"p99_ms": %.1f, "max_ms": %.1f, "mean_ms": %.1f}\n',
    summary.requests, summary.duration / 1e6, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
end
