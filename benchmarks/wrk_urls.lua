-- wrk script: GET the request paths listed one per line in the file named after "--",
-- in turn. Each wrk thread starts at a different place in the list.
--
--     wrk -t2 -c50 -d20s --latency -s benchmarks/wrk_urls.lua http://127.0.0.1:8000 -- paths.txt

local threads = 0
local all_threads = {}

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
  all_threads[threads] = thread
end

local paths = {}
local counter = 0

function init(args)
  local file = assert(io.open(args[1], "r"), "usage: -- FILE (one request path per line)")
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "no request paths in " .. args[1])
  counter = ((id or 1) - 1) * 37 % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

-- Responses by status, printed at the end as "status 200: N" lines, so that deliberate
-- 503s (load shedding) are told apart from errors.
statuses = {}  -- global: done() reads each thread's copy with thread:get

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(all_threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d\n", status, n))
  end
end
