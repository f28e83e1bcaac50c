#!/usr/bin/env python3
"""Votes over HTTP for scripts/full-disk-test. Usage: full_disk.py PORT PAIRS_FILE OUT_PREFIX
Casts every "ballot;code" pair once (8 at a time) and writes OUT_PREFIX.ack ("ballot;receipt" per
201), OUT_PREFIX.refused (the pairs answered 503 storage-full, to cast again later) and prints a
summary "created=N storage_full=M other=K"."""
import json, sys, http.client
from concurrent.futures import ThreadPoolExecutor

port, pairs_file, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
pairs = [line.strip().split(";") for line in open(pairs_file) if line.strip()]

def vote(pair):
    ballot, code = pair
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/api/v1/votes", json.dumps({"code": code, "ballot": int(ballot), "choice": "yes"}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return pair, response.status, body

created, full, other = [], [], []
with ThreadPoolExecutor(8) as pool:
    for pair, status, body in pool.map(vote, pairs):
        if status == 201:
            created.append((pair[0], json.loads(body)["receipt"]))
        elif status == 503 and "storage-full" in body:
            full.append(pair)
        else:
            other.append((pair, status, body[:200]))
with open(out + ".ack", "w") as f:
    f.writelines(f"{b};{r}\n" for b, r in created)
with open(out + ".refused", "w") as f:
    f.writelines(f"{b};{c}\n" for b, c in full)
print(f"created={len(created)} storage_full={len(full)} other={len(other)}")
for item in other[:3]:
    print("unexpected:", item, file=sys.stderr)
