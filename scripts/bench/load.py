#!/usr/bin/env python3
"""Load for scripts/crash-test: casts votes over keep-alive connections until the server goes away,
and records every acknowledged receipt (a 201 is a promise that the vote is durable).
Usage: load.py PORT PAIRS_FILE START CONNECTIONS OUT
PAIRS_FILE has one "ballot;code" per line; this run uses lines from START on. It writes to OUT:
a first line "next=N" (where the next run should start) and then one "ballot;receipt" per
acknowledged vote."""
import asyncio, json, sys

async def worker(port, pairs, state, acknowledged):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return
    while state["next"] < len(pairs) and not state["down"]:
        ballot, code = pairs[state["next"]]
        state["next"] += 1
        body = json.dumps({"code": code, "ballot": int(ballot), "choice": "yes"}).encode()
        try:
            writer.write(b"POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                         % len(body) + body)
            await writer.drain()
            status_line = await reader.readline()
            if not status_line:
                raise ConnectionError("closed")
            status = int(status_line.split()[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await reader.readexactly(length)
        except (OSError, ConnectionError, asyncio.IncompleteReadError):
            state["down"] = True
            return
        if status == 201:
            acknowledged.append((ballot, json.loads(payload)["receipt"]))
        elif status != 409:
            state["unexpected"] += 1

async def main():
    port, path, start, connections, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    pairs = [line.strip().split(";") for line in open(path) if line.strip()]
    state = {"next": start, "down": False, "unexpected": 0}
    acknowledged = []
    await asyncio.gather(*(worker(port, pairs, state, acknowledged) for _ in range(connections)))
    with open(out, "w") as f:
        f.write("next=%d\n" % state["next"])
        for ballot, receipt in acknowledged:
            f.write("%s;%s\n" % (ballot, receipt))
    if state["unexpected"]:
        print("load.py: %d unexpected answers" % state["unexpected"], file=sys.stderr)
        sys.exit(1)

asyncio.run(main())
