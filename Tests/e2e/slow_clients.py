#!/usr/bin/env python3
"""One laptop must not stop the vote: SLOW idle and slow connections from one address while VOTERS
real voters vote. Half of the slow connections send nothing; the other half send a request head one
byte every half second (slowloris). Every real vote must be acknowledged (201) and /healthz must
answer throughout. Prints the voters' latencies (p50, p99, max) and how many slow connections the
server closed.

Usage: slow_clients.py HOST PORT CODES_FILE BALLOT SLOW VOTERS
"""
import http.client, json, socket, sys, threading, time

host, port, codes_file, ballot, slow, voters = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
codes = [line.strip() for line in open(codes_file) if line.strip()][:voters]
assert len(codes) == voters, f"need {voters} codes, have {len(codes)}"

sockets, closed_by_server, stop = [], [0], threading.Event()
for i in range(slow):
    try:
        s = socket.create_connection((host, port), timeout=5)
        s.setblocking(False)
        sockets.append((s, i % 2 == 1))
    except OSError as e:
        print(f"slow connection {i} could not open: {e}")
head = b"POST /api/v1/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 10000

def trickle():
    position = 0
    while not stop.is_set():
        for s, sends in list(sockets):
            try:
                data = s.recv(4096)
                if data == b"":
                    closed_by_server[0] += 1
                    sockets.remove((s, sends))
                    continue
            except BlockingIOError:
                pass
            except OSError:
                closed_by_server[0] += 1
                sockets.remove((s, sends))
                continue
            if sends:
                try:
                    s.send(head[position:position + 1])
                except (BlockingIOError, OSError):
                    pass
        position += 1
        time.sleep(0.5)

trickler = threading.Thread(target=trickle, daemon=True)
trickler.start()
time.sleep(2)

results, lock = [], threading.Lock()
def vote(code):
    started = time.monotonic()
    status = None
    try:
        connection = http.client.HTTPConnection(host, port, timeout=15)
        connection.request("POST", "/api/v1/votes", json.dumps({"code": code, "ballot": ballot, "choice": "yes"}), {"Content-Type": "application/json"})
        status = connection.getresponse().status
        connection.close()
    except Exception as e:
        status = f"error: {e}"
    with lock:
        results.append((status, (time.monotonic() - started) * 1000))

def health():
    try:
        connection = http.client.HTTPConnection(host, port, timeout=5)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except Exception:
        return False

threads = [threading.Thread(target=vote, args=(code,)) for code in codes]
for i, t in enumerate(threads):
    t.start()
    time.sleep(0.02)
probes = [health() for _ in range(5)]
for t in threads:
    t.join()
time.sleep(12)   # past the server's first-request limit: the slow ones are closed
stop.set()
trickler.join(timeout=5)
latencies = sorted(ms for status, ms in results)
acknowledged = sum(1 for status, _ in results if status == 201)
def pct(p): return latencies[min(len(latencies) - 1, int(len(latencies) * p))]
print(f"SLOW opened={slow - 0} closed_by_server={closed_by_server[0]} still_open={len(sockets)}")
print(f"VOTERS sent={len(results)} acknowledged={acknowledged} p50_ms={pct(0.5):.1f} p99_ms={pct(0.99):.1f} max_ms={latencies[-1]:.1f}")
print(f"HEALTH probes_ok={sum(probes)}/5")
failures = [r for r in results if r[0] != 201]
if failures: print("refused:", failures[:5])
sys.exit(0 if acknowledged == voters and all(probes) and len(sockets) == 0 else 1)
