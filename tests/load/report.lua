-- Prints one machine-readable line per wrk run: requests per second, latency percentiles (ms), errors.
-- Optional: WRK_METHOD, WRK_BODY_FILE and WRK_HEADERS ("Name: value|Name: value") from the environment.
local method = os.getenv("WRK_METHOD")
if method then wrk.method = method end
local bodyFile = os.getenv("WRK_BODY_FILE")
if bodyFile then
  local f = io.open(bodyFile, "r"); wrk.body = f:read("*a"); f:close()
end
local headers = os.getenv("WRK_HEADERS")
if headers then
  for pair in string.gmatch(headers, "[^|]+") do
    local name, value = pair:match("^%s*([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms requests=%d errors=%d non2xx3xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, errors, summary.errors.status))
end
