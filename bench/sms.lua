-- wrk script for the inbound SMS benchmark: AT-style incoming messages (radio votes "RADIO A", "radio 2",
-- and comments) from random numbers, each with a unique AT id, except one in ten that repeats the thread's
-- previous id (as AT does when it retries). Each wrk thread drives one connection, so run it with as many
-- threads as connections (-t32 -c32).
--   TOKEN=... LABEL=ijwi RUN=r1 wrk -t32 -c32 -d20s -s bench/sms.lua http://127.0.0.1:7082
-- Prints one line of key=value: rps, p50/p99/max latency, errors (transport or a non-2xx status), the callbacks
-- acknowledged, and of those the ones with a new id (what PostgreSQL should hold afterwards).

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

local texts = { "RADIO+A", "radio+2", "RADIO+B", "radio+1", "Radio+a", "RADIO+Igitekerezo+cyanjye+ni+uko" }

function init(args)
   token = os.getenv("TOKEN") or "none"
   run = os.getenv("RUN") or tostring(os.time())
   math.randomseed(id * 7919 + os.time())
   sent = 0
   bad = 0
   acked = 0
   acked_new = 0
   last_id = nil
   repeating = false
end

function request()
   local atid
   if last_id ~= nil and math.random(1, 10) == 1 then
      atid = last_id
      repeating = true
   else
      sent = sent + 1
      atid = string.format("ATXid_%s_%d_%d", run, id, sent)
      repeating = false
   end
   last_id = atid
   local text = texts[math.random(1, #texts)]
   if math.random(1, 5) == 1 then
      text = "Comment+" .. math.random(1, 100000) .. "+about+the+show"
   end
   local body = "id=" .. atid .. "&from=%2B25078" .. string.format("%07d", math.random(0, 9999999))
      .. "&to=8080&text=" .. text .. "&networkCode=63510&date=2026-11-28+10%3A00%3A00&linkId=" .. atid
   return wrk.format("POST", "/at/sms?token=" .. token,
      { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      bad = bad + 1
      if os.getenv("SHOW_ERRORS") then
         io.stderr:write(string.format("error: HTTP %d: %s\n", status, (body or ""):sub(1, 80)))
      end
      return
   end
   acked = acked + 1
   if not repeating then
      acked_new = acked_new + 1
   end
end

function done(summary, latency, requests)
   local bad_status, acked_all, acked_new_all = 0, 0, 0
   for _, thread in ipairs(threads) do
      bad_status = bad_status + thread:get("bad")
      acked_all = acked_all + thread:get("acked")
      acked_new_all = acked_new_all + thread:get("acked_new")
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "label=%s clients=%d seconds=%.0f requests=%d rps=%.0f acked_per_second=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d acknowledged=%d acknowledged_new_ids=%d\n",
      os.getenv("LABEL") or "sms", #threads, seconds, summary.requests, summary.requests / seconds,
      acked_all / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.connect + e.read + e.write + e.timeout + bad_status, acked_all, acked_new_all))
end
