-- wrk script for the USSD benchmark: report sessions (consent, district, sector, service, gap, comment or skip,
-- quote consent, send), unique session ids, random numbers, districts, services, gaps and comments (one in four
-- holding '*', which Ijwi records as a span). MIX=full (the default): every session is the full 10 hops and
-- files a report at its END; MIX=present: 5 to 9 inputs, so some abandon early (the mix of issue 6). Each wrk thread drives one connection, so run it with as
-- many threads as connections (-t32 -c32): the thread's Lua state is then one caller's session.
--   TOKEN=... LABEL=ijwi wrk -t32 -c32 -d30s -s bench/ussd.lua http://127.0.0.1:7081
-- Prints one line of key=value: rps, p50/p99/max latency, errors (transport, HTTP status, or a body that is
-- neither CON nor END) and the sessions that ended.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

local function new_session()
   session = session + 1
   sid = string.format("w%s-%d-%d", run, id, session)
   phone = string.format("%%2B25078%07d", math.random(1000000, 9999999))
   inputs = { "1", "1", tostring(math.random(1, 30)), "1", tostring(math.random(1, 6)), tostring(math.random(1, 6)) }
   local c = math.random(0, 3)
   if c <= 1 then
      table.insert(inputs, "1")
   elseif c == 2 then
      table.insert(inputs, "Comment+" .. math.random(1, 100000) .. "+about+the+service")
   else
      table.insert(inputs, "Comment+" .. math.random(1, 100000) .. "%2Aabout+the+service")
   end
   table.insert(inputs, tostring(math.random(1, 2)))
   table.insert(inputs, "1")
   inputs_used = full and 9 or 5 + math.random(0, 4)
   hop = 0
   text = ""
end

function init(args)
   token = os.getenv("TOKEN") or "none"
   run = os.getenv("RUN") or tostring(os.time())
   full = (os.getenv("MIX") or "full") ~= "present"
   reports = 0
   math.randomseed(id * 7919 + os.time())
   session = 0
   bad = 0
   ended = 0
   new_session()
end

function request()
   local body = "sessionId=" .. sid .. "&phoneNumber=" .. phone
      .. "&serviceCode=%2A384%2A7%23&networkCode=63510&text=" .. text
   return wrk.format("POST", "/at/ussd?token=" .. token,
      { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function response(status, headers, body)
   local kind = body and body:sub(1, 4) or ""
   if status ~= 200 or (kind ~= "CON " and kind ~= "END ") then
      bad = bad + 1
      if os.getenv("SHOW_ERRORS") then
         io.stderr:write(string.format("error: HTTP %d after text=%s: %s\n", status, text, (body or ""):sub(1, 80)))
      end
      new_session()
      return
   end
   hop = hop + 1
   if kind == "END " then
      ended = ended + 1
      if body:match("%d%d%d%d%d%d") then
         reports = reports + 1
      end
      new_session()
   elseif hop > inputs_used then
      new_session() -- the caller hangs up
   else
      local input = inputs[hop]
      text = (text == "" and input) or (text .. "%2A" .. input)
   end
end

function done(summary, latency, requests)
   local bad_bodies, sessions_ended, reports_all = 0, 0, 0
   for _, thread in ipairs(threads) do
      bad_bodies = bad_bodies + thread:get("bad")
      sessions_ended = sessions_ended + thread:get("ended")
      reports_all = reports_all + thread:get("reports")
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "label=%s clients=%d seconds=%.0f requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d sessions_ended=%d reports=%d reports_per_second=%.0f\n",
      os.getenv("LABEL") or "ussd", #threads, seconds, summary.requests, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.connect + e.read + e.write + e.timeout + bad_bodies, sessions_ended, reports_all, reports_all / seconds))
end
