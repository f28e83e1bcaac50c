#!/usr/bin/env python3
"""Board members at work while the neighbourhood votes: CLIENTS threads, each signed in to the board,
load the compliance, minutes, agenda and projector pages in a loop for SECONDS seconds (and stop by
themselves). Prints each page's count, p50 and p99 in ms, and how many answers were not 200.

Usage: board_load.py HOST PORT COOKIE SECONDS [CLIENTS]
"""
import http.client, sys, threading, time

host, port, cookie, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
clients = int(sys.argv[5]) if len(sys.argv) > 5 else 4
pages = ["/bestuur/naleving", "/bestuur/notulen/1", "/bestuur/vergaderingen/1", "/projector/1"]
times = {page: [] for page in pages}
bad = [0]
lock = threading.Lock()
deadline = time.monotonic() + seconds

def client(offset):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    i = offset
    while time.monotonic() < deadline:
        page = pages[i % len(pages)]
        i += 1
        started = time.monotonic()
        try:
            connection.request("GET", page, headers={"Cookie": cookie})
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except Exception:
            ok = False
            connection = http.client.HTTPConnection(host, port, timeout=60)
        with lock:
            times[page].append((time.monotonic() - started) * 1000)
            if not ok:
                bad[0] += 1

threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
def pct(values, p): return sorted(values)[min(len(values) - 1, int(len(values) * p))] if values else float("nan")
for page in pages:
    print(f"BOARD {page} loads={len(times[page])} p50_ms={pct(times[page], 0.5):.0f} p99_ms={pct(times[page], 0.99):.0f}")
print(f"BOARD not_ok={bad[0]}")
