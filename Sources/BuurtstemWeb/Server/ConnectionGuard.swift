import HTTPTypes
public import Logging
public import NIOCore
import NIOHTTPTypes
import Synchronization

/// How long a connection may take and how many there may be, so that no single client can stall
/// the server: a slow client (a byte a second), idle sockets by the hundred, slow uploads by the
/// thousand, or a full descriptor table. At an assembly every phone shares the venue's one address,
/// so a full cap first closes connections that are waiting (no request under way: idle, or still
/// sending its headers), oldest first, then the slowest one still sending a body; a request whose
/// body has arrived (being answered) is never cut. A connection is judged only after `grace`: one
/// just opened, or whose head has just arrived and whose body is on its way, is never the one
/// closed (a phone's vote takes milliseconds; the uploads that crowd it out have been there for
/// seconds). When only such young connections could make room, the newcomer is refused instead.
public struct ConnectionLimits: Sendable {
    /// Connections in all.
    public var total: Int
    /// Connections from one address (the venue's Wi-Fi is one address).
    public var perAddress: Int
    /// Requests whose body is still arriving, from one client (behind a trusted proxy: the forwarded
    /// client). A phone sends its few hundred bytes at once; past this the slowest is closed.
    public var bodiesPerClient: Int
    /// From opening a connection to a complete request head.
    public var firstRequest: TimeAmount
    /// From one answer to the next request's complete head (keep-alive).
    public var keepAlive: TimeAmount
    /// From the request head to the end of a body: `bodyBase` plus the time the declared length
    /// takes at `bodyRate` bytes a second, at most `body`.
    public var body: TimeAmount
    public var bodyBase: TimeAmount
    public var bodyRate: Int
    /// How long a connection (since it opened, was answered, or sent its head) is left alone
    /// before it may be closed to make room.
    public var grace: TimeAmount

    public init(
        total: Int = 4_096, perAddress: Int = 2_048, bodiesPerClient: Int = 64, firstRequest: TimeAmount = .seconds(10),
        keepAlive: TimeAmount = .seconds(30), body: TimeAmount = .seconds(20), bodyBase: TimeAmount = .seconds(3), bodyRate: Int = 16_384,
        grace: TimeAmount = .seconds(2)
    ) {
        self.total = total
        self.perAddress = perAddress
        self.bodiesPerClient = bodiesPerClient
        self.firstRequest = firstRequest
        self.keepAlive = keepAlive
        self.body = body
        self.bodyBase = bodyBase
        self.bodyRate = bodyRate
        self.grace = grace
    }

    /// Limits that fit a process allowed `descriptors` open files (some are kept for the database,
    /// logs and the listening socket).
    public func fitting(descriptors: Int) -> ConnectionLimits {
        var limits = self
        limits.total = max(16, min(total, descriptors - 64))
        limits.perAddress = min(perAddress, limits.total)
        limits.bodiesPerClient = min(bodiesPerClient, limits.perAddress)
        return limits
    }

    /// How long a body of `length` bytes may take to arrive (nil: length not declared, as for the largest).
    public func bodyTime(length: Int?) -> TimeAmount {
        let bytes = length ?? 64 * 1024
        let time = bodyBase + .milliseconds(Int64(bytes) * 1000 / Int64(max(1, bodyRate)))
        return min(time, body)
    }
}

/// Every open connection, shared by the connections' guards: admits, evicts and counts.
public final class ConnectionRegistry: Sendable {
    struct Entry {
        var channel: any Channel
        /// The peer's address (the proxy's, behind one).
        var address: String
        /// Who sent the current request: the peer, or behind a trusted proxy the forwarded client.
        var client: String
        var opened: NIODeadline
        /// Since when it has been waiting for a request head (nil: a request is under way).
        var waitingSince: NIODeadline?
        /// A request whose body is still arriving: since when, and how many bytes so far.
        var body: (since: NIODeadline, received: Int)?
    }

    struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        /// Connections per peer address, and bodies arriving per client, kept with the entries (no
        /// scan of every connection per request).
        var fromAddress: [String: Int] = [:]
        var arriving: [String: Int] = [:]
        var evicted = 0
        var refused = 0
        var timedOut = 0

        mutating func add(_ id: ObjectIdentifier, _ entry: Entry) {
            entries[id] = entry
            fromAddress[entry.address, default: 0] += 1
        }

        @discardableResult
        mutating func remove(_ id: ObjectIdentifier) -> Entry? {
            guard let entry = entries.removeValue(forKey: id) else { return nil }
            fromAddress[entry.address, default: 1] -= 1
            if fromAddress[entry.address] == 0 { fromAddress[entry.address] = nil }
            if entry.body != nil { bodyEnded(entry.client) }
            return entry
        }

        mutating func bodyEnded(_ client: String) {
            arriving[client, default: 1] -= 1
            if arriving[client] == 0 { arriving[client] = nil }
        }
    }

    public let limits: ConnectionLimits
    /// Proxies whose `X-Forwarded-For` names the client (the same list as `ForwardedMiddleware`'s).
    public let trustedProxies: Set<String>
    let logger: Logger
    /// Repeated events are logged once with a count, so a flood cannot fill the disk.
    let log: LogThrottle
    /// The time the registry judges connections by (tests move it by hand).
    let now: @Sendable () -> NIODeadline
    private let state = Mutex(State())

    public convenience init(
        limits: ConnectionLimits = ConnectionLimits(), trustedProxies: Set<String> = [], logger: Logger = Logger(label: "buurtstem.connections")
    ) {
        self.init(limits: limits, trustedProxies: trustedProxies, logger: logger, now: { .now() })
    }

    init(limits: ConnectionLimits, trustedProxies: Set<String> = [], logger: Logger, now: @escaping @Sendable () -> NIODeadline) {
        self.now = now
        self.limits = limits
        self.trustedProxies = trustedProxies
        self.logger = logger
        self.log = LogThrottle(logger: logger)
    }

    /// Open connections now.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Connections closed to make room, refused, and closed for taking too long, so far.
    public var counters: (evicted: Int, refused: Int, timedOut: Int) { state.withLock { ($0.evicted, $0.refused, $0.timedOut) } }

    /// Registers a new connection; returns the connections to close to make room for it, or nil
    /// when there is no room (every connection is in the middle of being answered).
    func admit(_ id: ObjectIdentifier, channel: any Channel, address: String) -> [any Channel]? {
        state.withLock { state -> [any Channel]? in
            var closing: [any Channel] = []
            let now = self.now()
            let settled = now - limits.grace
            while state.fromAddress[address, default: 0] >= limits.perAddress {
                guard let channel = Self.evict(&state, now: now, settled: settled, where: { $0.address == address }) else {
                    state.refused += 1
                    return nil
                }
                closing.append(channel)
            }
            while state.entries.count >= limits.total {
                guard let channel = Self.evict(&state, now: now, settled: settled, where: { _ in true }) else {
                    state.refused += 1
                    return nil
                }
                closing.append(channel)
            }
            state.add(id, Entry(channel: channel, address: address, client: address, opened: now, waitingSince: now))
            return closing
        }
    }

    /// Closes the connection that costs the others most among those `belongs` picks: the oldest
    /// waiting one, else the slowest whose body is still arriving — of those that have been waiting
    /// or sending since `settled` or longer. Nil when every one is being answered or still young.
    private static func evict(
        _ state: inout State, now: NIODeadline, settled: NIODeadline, except: ObjectIdentifier? = nil, where belongs: (Entry) -> Bool
    ) -> (any Channel)? {
        var oldestWaiting: (id: ObjectIdentifier, since: NIODeadline)?
        var slowestUpload: (id: ObjectIdentifier, rate: Double)?
        for (id, entry) in state.entries where id != except && belongs(entry) {
            if let since = entry.waitingSince {
                guard since <= settled else { continue }
                if oldestWaiting.map({ since < $0.since }) ?? true { oldestWaiting = (id, since) }
            } else if let body = entry.body {
                guard body.since <= settled else { continue }
                // Bytes a second since the head.
                let rate = Double(body.received) / max(0.001, Double((now - body.since).nanoseconds) / 1e9)
                if slowestUpload.map({ rate < $0.rate }) ?? true { slowestUpload = (id, rate) }
            }
        }
        guard let victim = oldestWaiting?.id ?? slowestUpload?.id, let entry = state.remove(victim) else { return nil }
        state.evicted += 1
        return entry.channel
    }

    /// A request head arrived from `client`: its body is now awaited. Returns the connections to
    /// close because this client has too many bodies arriving (the slowest of them).
    func startBody(_ id: ObjectIdentifier, client: String) -> [any Channel] {
        state.withLock { state in
            guard let entry = state.entries[id] else { return [] }
            if entry.body != nil { state.bodyEnded(entry.client) }
            state.entries[id]?.waitingSince = nil
            state.entries[id]?.client = client
            let now = self.now()
            state.entries[id]?.body = (now, 0)
            state.arriving[client, default: 0] += 1
            var closing: [any Channel] = []
            while state.arriving[client, default: 0] > limits.bodiesPerClient,
                let channel = Self.evict(&state, now: now, settled: now - limits.grace, except: id, where: { $0.client == client && $0.body != nil })
            {
                closing.append(channel)
            }
            return closing
        }
    }

    /// Body bytes arrived.
    func received(_ id: ObjectIdentifier, bytes: Int) {
        state.withLock { state in state.entries[id]?.body?.received += bytes }
    }

    /// The whole request arrived: it is being answered.
    func endBody(_ id: ObjectIdentifier) {
        state.withLock { state in
            guard let entry = state.entries[id], entry.body != nil else { return }
            state.entries[id]?.body = nil
            state.bodyEnded(entry.client)
        }
    }

    func setWaiting(_ id: ObjectIdentifier, _ waiting: Bool) {
        state.withLock { state in
            guard state.entries[id] != nil else { return }
            state.entries[id]?.waitingSince = waiting ? now() : nil
        }
    }

    func remove(_ id: ObjectIdentifier) { _ = state.withLock { $0.remove(id) } }

    func noteTimeout() { state.withLock { $0.timedOut += 1 } }

    /// The client a request head names: behind a trusted proxy the last `X-Forwarded-For` address.
    func client(of head: HTTPRequest, peer: String) -> String {
        guard trustedProxies.contains(peer) else { return peer }
        return ForwardedMiddleware.forwardedClient(head.headerFields) ?? peer
    }
}

/// One connection's guard, in the HTTP/1 pipeline: registers the connection (closing waiting ones
/// when the caps are reached), and closes it when the head, the body or the next request takes
/// longer than the limits allow.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let registry: ConnectionRegistry
    private var timer: Scheduled<Void>?
    private var timerAt: NIODeadline?
    private var deadline: (at: NIODeadline, why: String)?
    private var id: ObjectIdentifier?
    private var peer = "unknown"

    init(registry: ConnectionRegistry) { self.registry = registry }

    func handlerAdded(context: ChannelHandlerContext) {
        let id = ObjectIdentifier(context.channel)
        self.id = id
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        peer = address
        guard let closing = registry.admit(id, channel: context.channel, address: address) else {
            registry.log.warning("connection refused: every connection is busy", key: "refused")
            context.close(promise: nil)
            return
        }
        if !closing.isEmpty {
            registry.log.notice("closed waiting or slow connections to make room", key: "evicted", count: closing.count)
            for channel in closing { channel.close(promise: nil) }
        }
        arm(context, registry.limits.firstRequest, "no complete request")
    }

    func handlerRemoved(context: ChannelHandlerContext) { release() }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let id {
                let closing = registry.startBody(id, client: registry.client(of: head, peer: peer))
                if !closing.isEmpty {
                    registry.log.notice("closed the slowest uploads from one client", key: "slow-bodies", count: closing.count)
                    for channel in closing { channel.close(promise: nil) }
                }
            }
            let length = head.headerFields[.contentLength].flatMap { Int($0) }
            arm(context, registry.limits.bodyTime(length: length), "request body too slow")
        case .body(let buffer):
            if let id { registry.received(id, bytes: buffer.readableBytes) }
        case .end:
            if let id { registry.endBody(id) }
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            if let id { registry.setWaiting(id, true) }
            arm(context, registry.limits.keepAlive, "idle")
        }
        context.write(data, promise: promise)
    }

    /// Sets when the connection must have moved on. The timer is rescheduled only when the new
    /// deadline is earlier than the one it waits for: a busy connection moves its deadline on every
    /// request, and scheduling a task for each would cost more than the request.
    private func arm(_ context: ChannelHandlerContext, _ after: TimeAmount, _ why: String) {
        let at = NIODeadline.now() + after
        deadline = (at, why)
        if let scheduled = timerAt, scheduled <= at { return }
        schedule(context, at: at)
    }

    private func schedule(_ context: ChannelHandlerContext, at: NIODeadline) {
        timer?.cancel()
        timerAt = at
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: at) {
            let (guardHandler, context) = loopBound.value
            guardHandler.fire(context)
        }
    }

    private func fire(_ context: ChannelHandlerContext) {
        timer = nil
        timerAt = nil
        guard let (at, why) = deadline else { return }
        guard NIODeadline.now() >= at else {
            schedule(context, at: at)
            return
        }
        registry.noteTimeout()
        if why != "idle" { registry.log.info("connection closed: \(why)", key: why) }
        context.close(promise: nil)
    }

    /// No deadline while a request is being answered (the timer, if any, finds none and stops).
    private func disarm() { deadline = nil }

    private func release() {
        deadline = nil
        timer?.cancel()
        timer = nil
        timerAt = nil
        if let id {
            registry.remove(id)
            self.id = nil
        }
    }
}
