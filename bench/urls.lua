-- wrk script for bench/load_test.py: cycle through mixed search URLs, print a JSON summary.
--
--   wrk -t2 -c50 -d60s --latency -s bench/urls.lua http://127.0.0.1:8000 -- urls.txt
--
-- urls.txt holds one path per line (API and page searches with locations and facets).
-- Each wrk thread starts at a different offset so threads don't ask the same thing at once.

local threads = {}
local paths = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "usage: ... -- <file with one path per line>")
  for line in file:lines() do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  counter = id * 7
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
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
