-- wrk script: GET the request paths listed one per line in the file named after "--",
-- in turn. Each wrk thread starts at a different place in the list.
--
--     wrk -t2 -c50 -d20s --latency -s benchmarks/wrk_urls.lua http://127.0.0.1:8000 -- paths.txt

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
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
