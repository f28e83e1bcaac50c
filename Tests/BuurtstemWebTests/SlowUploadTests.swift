import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Synchronization
import Testing

@testable import BuurtstemWeb

/// A thousand slow uploads from the voters' own address cannot keep a vote out: the slowest are
/// closed to make room, a request whose body has arrived is never cut, and the log stays short.
@Suite("Slow uploads")
struct SlowUploadTests {
    /// A connection from `address` with the guard in its pipeline.
    static func connect(_ registry: ConnectionRegistry, from address: String) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.connect(to: try SocketAddress(ipAddress: address, port: 40_000)).wait()
        try channel.pipeline.syncOperations.addHandler(ConnectionGuard(registry: registry))
        return channel
    }

    static func head(length: Int, forwardedFor: String? = nil) -> HTTPRequestPart {
        var fields: HTTPFields = [.contentLength: "\(length)"]
        if let forwardedFor { fields[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return .head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/api/v1/votes", headerFields: fields))
    }

    @Test("past the per-client cap of arriving bodies the slowest upload is closed, never a request being answered")
    func slowestClosed() throws {
        let registry = ConnectionRegistry(limits: ConnectionLimits(total: 64, perAddress: 32, bodiesPerClient: 4, grace: .zero), logger: Logger(label: "test"))
        // One request fully arrived (being answered), then four slow uploads.
        let answered = try Self.connect(registry, from: "10.0.0.1")
        try answered.writeInbound(Self.head(length: 2))
        try answered.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "{}")))
        try answered.writeInbound(HTTPRequestPart.end(nil))
        var slow: [EmbeddedChannel] = []
        for n in 0..<4 {
            let channel = try Self.connect(registry, from: "10.0.0.1")
            try channel.writeInbound(Self.head(length: 60_000))
            if n > 0 { try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: String(repeating: "x", count: 100 * n)))) }
            slow.append(channel)
        }
        let allOpen = slow.allSatisfy { $0.isActive } && answered.isActive
        #expect(allOpen)
        // A fifth upload: the one that sent least (nothing at all) is closed.
        let fifth = try Self.connect(registry, from: "10.0.0.1")
        try fifth.writeInbound(Self.head(length: 60_000))
        let rest = slow[1...].allSatisfy { $0.isActive } && fifth.isActive && answered.isActive
        #expect(!slow[0].isActive && rest)
        // Another client's uploads are not this client's to close.
        let other = try Self.connect(registry, from: "10.0.0.2")
        try other.writeInbound(Self.head(length: 60_000))
        let stillOpen = slow[1...].allSatisfy { $0.isActive }
        #expect(stillOpen)
        #expect(registry.counters.evicted == 1)
    }

    @Test("when every connection of an address is taken by uploads, a new one still gets in: the slowest upload makes room")
    func fullAddressAdmits() throws {
        let registry = ConnectionRegistry(limits: ConnectionLimits(total: 64, perAddress: 8, bodiesPerClient: 8, grace: .zero), logger: Logger(label: "test"))
        var uploads: [EmbeddedChannel] = []
        for _ in 0..<8 {
            let channel = try Self.connect(registry, from: "10.0.0.1")
            try channel.writeInbound(Self.head(length: 60_000))
            uploads.append(channel)
        }
        let voter = try Self.connect(registry, from: "10.0.0.1")
        #expect(voter.isActive)
        let open = uploads.filter { $0.isActive }.count
        #expect(open == 7)
    }

    @Test("behind a trusted proxy uploads are counted per forwarded client")
    func forwardedClients() throws {
        let registry = ConnectionRegistry(
            limits: ConnectionLimits(total: 64, perAddress: 64, bodiesPerClient: 2, grace: .zero), trustedProxies: ["127.0.0.1"], logger: Logger(label: "test"))
        var channels: [EmbeddedChannel] = []
        for client in ["192.0.2.1", "192.0.2.1", "192.0.2.2", "192.0.2.2"] {
            let channel = try Self.connect(registry, from: "127.0.0.1")
            try channel.writeInbound(Self.head(length: 60_000, forwardedFor: "203.0.113.9, \(client)"))
            channels.append(channel)
        }
        let allOpen = channels.allSatisfy { $0.isActive }
        #expect(allOpen)
        let third = try Self.connect(registry, from: "127.0.0.1")
        try third.writeInbound(Self.head(length: 60_000, forwardedFor: "192.0.2.1"))
        let open = channels.map { $0.isActive }
        #expect(open.filter { $0 }.count == 3 && (!open[0] || !open[1]) && open[2] && open[3])
    }

    /// A clock the test moves by hand.
    final class TestClock: Sendable {
        private let time = Mutex(NIODeadline.uptimeNanoseconds(1_000_000_000))
        var now: NIODeadline { time.withLock { $0 } }
        func advance(_ amount: TimeAmount) { time.withLock { $0 = $0 + amount } }
    }

    static func registry(_ limits: ConnectionLimits, _ clock: TestClock) -> ConnectionRegistry {
        ConnectionRegistry(limits: limits, logger: Logger(label: "test"), now: { clock.now })
    }

    @Test("a vote whose head has just arrived is never the upload closed: the slow ones that have been there for seconds are")
    func youngRequestKept() throws {
        let clock = TestClock()
        let registry = Self.registry(ConnectionLimits(total: 64, perAddress: 64, bodiesPerClient: 4, grace: .seconds(2)), clock)
        var slow: [EmbeddedChannel] = []
        for _ in 0..<4 {
            let channel = try Self.connect(registry, from: "10.0.0.1")
            try channel.writeInbound(Self.head(length: 60_000))
            try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "{")))
            slow.append(channel)
        }
        clock.advance(.seconds(10))
        // The vote's head arrives; its body (nothing received yet) is on its way.
        let voter = try Self.connect(registry, from: "10.0.0.1")
        try voter.writeInbound(Self.head(length: 40))
        // More slow uploads arrive at the same moment: each closes an old slow one, never the vote.
        for _ in 0..<3 {
            let attacker = try Self.connect(registry, from: "10.0.0.1")
            try attacker.writeInbound(Self.head(length: 60_000))
        }
        #expect(voter.isActive)
        #expect(slow.filter { $0.isActive }.count == 0)
        try voter.writeInbound(HTTPRequestPart.body(ByteBuffer(string: String(repeating: "x", count: 40))))
        try voter.writeInbound(HTTPRequestPart.end(nil))
        #expect(voter.isActive)
    }

    @Test("a connection just opened is not closed to make room; when only young ones could, the newcomer is refused")
    func youngConnectionKept() throws {
        let clock = TestClock()
        let registry = Self.registry(ConnectionLimits(total: 64, perAddress: 4, bodiesPerClient: 4, grace: .seconds(2)), clock)
        let phone = try Self.connect(registry, from: "10.0.0.1")
        clock.advance(.milliseconds(500))
        for _ in 0..<3 {
            let attacker = try Self.connect(registry, from: "10.0.0.1")
            try attacker.writeInbound(Self.head(length: 60_000))
        }
        clock.advance(.milliseconds(500))
        let newcomer = try Self.connect(registry, from: "10.0.0.1")
        #expect(phone.isActive && !newcomer.isActive)
        #expect(registry.counters.refused == 1 && registry.counters.evicted == 0)
        // Seconds later the phone that never sent a request is the oldest waiting: it makes room.
        clock.advance(.seconds(5))
        let later = try Self.connect(registry, from: "10.0.0.1")
        #expect(later.isActive && !phone.isActive)
    }

    @Test("a small body gets a few seconds, a large one more, never past the cap")
    func bodyTimes() {
        let limits = ConnectionLimits()
        #expect(limits.bodyTime(length: 200) < .seconds(4))
        #expect(limits.bodyTime(length: 60_000) > limits.bodyTime(length: 200))
        #expect(limits.bodyTime(length: 100_000_000) == limits.body)
    }

    @Test("a flood of one event is a few log lines, and the next line says how many were left out")
    func throttle() {
        let throttle = LogThrottle(logger: Logger(label: "test"), window: .seconds(60), burst: 3)
        let admitted = (0..<1_000).compactMap { _ in throttle.admit("closed") }
        #expect(admitted == [0, 0, 0])
        #expect(throttle.admit("another kind") == 0)
    }
}
