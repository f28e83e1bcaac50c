public import Logging
public import NIOCore
import NIOHTTPTypes
import Synchronization

/// How long a connection may take and how many there may be, so that no single client can stall
/// the server: a slow client (a byte a second), idle sockets by the hundred, or a full descriptor
/// table. At an assembly every phone shares the venue's one address, so a full cap first closes
/// connections that are waiting (no request under way: idle, or still sending its headers),
/// oldest first; a request being answered is never cut.
public struct ConnectionLimits: Sendable {
    /// Connections in all.
    public var total: Int
    /// Connections from one address (the venue's Wi-Fi is one address).
    public var perAddress: Int
    /// From opening a connection to a complete request head.
    public var firstRequest: TimeAmount
    /// From one answer to the next request's complete head (keep-alive).
    public var keepAlive: TimeAmount
    /// From the request head to the end of its body.
    public var body: TimeAmount

    public init(
        total: Int = 4_096, perAddress: Int = 2_048, firstRequest: TimeAmount = .seconds(10),
        keepAlive: TimeAmount = .seconds(30), body: TimeAmount = .seconds(20)
    ) {
        self.total = total
        self.perAddress = perAddress
        self.firstRequest = firstRequest
        self.keepAlive = keepAlive
        self.body = body
    }

    /// Limits that fit a process allowed `descriptors` open files (some are kept for the database,
    /// logs and the listening socket).
    public func fitting(descriptors: Int) -> ConnectionLimits {
        var limits = self
        limits.total = max(16, min(total, descriptors - 64))
        limits.perAddress = min(perAddress, limits.total)
        return limits
    }
}

/// Every open connection, shared by the connections' guards: admits, evicts and counts.
public final class ConnectionRegistry: Sendable {
    struct Entry {
        var channel: any Channel
        var address: String
        var opened: NIODeadline
        /// Since when it has been waiting for a request head (nil: a request is under way).
        var waitingSince: NIODeadline?
    }

    struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var evicted = 0
        var refused = 0
        var timedOut = 0
    }

    public let limits: ConnectionLimits
    let logger: Logger
    private let state = Mutex(State())

    public init(limits: ConnectionLimits = ConnectionLimits(), logger: Logger = Logger(label: "buurtstem.connections")) {
        self.limits = limits
        self.logger = logger
    }

    /// Open connections now.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Connections closed to make room, refused, and closed for taking too long, so far.
    public var counters: (evicted: Int, refused: Int, timedOut: Int) { state.withLock { ($0.evicted, $0.refused, $0.timedOut) } }

    /// Registers a new connection; returns the connections to close to make room for it, or nil
    /// when there is no room (every connection is in the middle of a request).
    func admit(_ id: ObjectIdentifier, channel: any Channel, address: String) -> [any Channel]? {
        state.withLock { state -> [any Channel]? in
            var closing: [any Channel] = []
            func evictOldestWaiting(where belongs: (Entry) -> Bool) -> Bool {
                guard
                    let oldest = state.entries.filter({ belongs($0.value) && $0.value.waitingSince != nil })
                        .min(by: { $0.value.waitingSince! < $1.value.waitingSince! })
                else { return false }
                closing.append(oldest.value.channel)
                state.entries[oldest.key] = nil
                state.evicted += 1
                return true
            }
            while state.entries.values.filter({ $0.address == address }).count >= limits.perAddress {
                guard evictOldestWaiting(where: { $0.address == address }) else {
                    state.refused += 1
                    return nil
                }
            }
            while state.entries.count >= limits.total {
                guard evictOldestWaiting(where: { _ in true }) else {
                    state.refused += 1
                    return nil
                }
            }
            let now = NIODeadline.now()
            state.entries[id] = Entry(channel: channel, address: address, opened: now, waitingSince: now)
            return closing
        }
    }

    func setWaiting(_ id: ObjectIdentifier, _ waiting: Bool) {
        state.withLock { state in
            guard state.entries[id] != nil else { return }
            state.entries[id]?.waitingSince = waiting ? .now() : nil
        }
    }

    func remove(_ id: ObjectIdentifier) { _ = state.withLock { $0.entries.removeValue(forKey: id) } }

    func noteTimeout() { state.withLock { $0.timedOut += 1 } }
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

    init(registry: ConnectionRegistry) { self.registry = registry }

    func handlerAdded(context: ChannelHandlerContext) {
        let id = ObjectIdentifier(context.channel)
        self.id = id
        let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
        guard let closing = registry.admit(id, channel: context.channel, address: address) else {
            registry.logger.warning(
                "connection refused: every connection is busy",
                metadata: [
                    "address": .string(address), "open": .stringConvertible(registry.count),
                ])
            context.close(promise: nil)
            return
        }
        if !closing.isEmpty {
            registry.logger.notice(
                "closed waiting connections to make room",
                metadata: [
                    "count": .stringConvertible(closing.count), "for": .string(address),
                ])
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
        case .head:
            if let id { registry.setWaiting(id, false) }
            arm(context, registry.limits.body, "request body too slow")
        case .end:
            disarm()
        case .body:
            break
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
        if why != "idle" {
            registry.logger.info("connection closed: \(why)", metadata: ["address": .string(context.channel.remoteAddress?.ipAddress ?? "unknown")])
        }
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
