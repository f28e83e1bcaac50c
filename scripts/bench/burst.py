#!/usr/bin/env python3
"""A burst of votes for scripts/bench-votes: opens N connections at once, each sends one vote
(a code not used before), and reports when the last acknowledgement (201) arrived.
Usage: burst.py HOST PORT BALLOT CODES_FILE N"""
import asyncio, json, sys, time

async def vote(host, port, ballot, code, start):
    reader, writer = await asyncio.open_connection(host, port)
    body = json.dumps({"code": code, "ballot": ballot, "choice": "yes"}).encode()
    writer.write(b"POST /api/v1/votes HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
                 % (host.encode(), port, len(body)) + body)
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    await reader.read()
    writer.close()
    return status, time.monotonic() - start

async def main():
    host, port, ballot, path, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    codes = [line.strip() for line in open(path) if line.strip()][:n]
    start = time.monotonic()
    results = await asyncio.gather(*(vote(host, port, ballot, code, start) for code in codes))
    acknowledged = [t for s, t in results if s == 201]
    print("BURST sent=%d acknowledged=%d last_ack_s=%.3f" % (len(codes), len(acknowledged), max(acknowledged, default=0)))

asyncio.run(main())
