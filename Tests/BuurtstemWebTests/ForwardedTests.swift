import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// Behind Caddy every request comes from the proxy: the limiter must see the phones' own addresses,
/// and only the proxy may say what they are.
@Suite("Web: behind a reverse proxy")
struct ForwardedTests {
    /// Sends `count` guessed codes as if from `forwarded`; returns how many were throttled (429).
    static func guesses(_ client: some TestClientProtocol, _ count: Int, from forwarded: String, ballot: BallotID, seed: UInt64) async throws -> Int {
        var random = SeededGenerator(seed: seed)
        var throttled = 0
        for _ in 0..<count {
            var headers = WebTests.jsonHeaders
            headers[HTTPField.Name("X-Forwarded-For")!] = forwarded
            try await client.execute(
                uri: "/api/v1/votes", method: .post, headers: headers, body: WebTests.body(VotingCode.generate(using: &random), ballot, "yes")
            ) { if $0.status == .tooManyRequests { throttled += 1 } }
        }
        return throttled
    }

    @Test("from the trusted proxy, each phone's forwarded address is its own client; the last hop counts, not what the phone wrote")
    func trustedProxy() async throws {
        let (db, _, ballot) = try StaffTests.setUp(clock: .system)
        // The test client has no socket address: the proxy is "unknown" here.
        let app = BuurtstemServer.application(database: db, trustedProxies: ["unknown"])
        try await app.test(.router) { client in
            #expect(try await Self.guesses(client, 20, from: "203.0.113.7", ballot: ballot, seed: 1) > 0)
            // Another phone behind the same proxy is not slowed down by the first one's guesses.
            #expect(try await Self.guesses(client, 5, from: "203.0.113.8", ballot: ballot, seed: 2) == 0)
            // A phone that writes its own X-Forwarded-For gets the address the proxy appended.
            #expect(try await Self.guesses(client, 5, from: "198.51.100.1, 203.0.113.7", ballot: ballot, seed: 3) == 5)
            // The scheme the proxy reports is the one the projector's QR code points at.
            var headers: HTTPFields = [HTTPField.Name("X-Forwarded-Proto")!: "https"]
            headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9"
            try await client.execute(uri: "/projector/1", method: .get, headers: headers) { response in
                #expect(String(buffer: response.body).contains("https://"))
            }
        }
    }

    @Test("from anyone else, X-Forwarded-For is ignored: a guesser cannot pick a fresh address per request")
    func untrustedHeadersIgnored() async throws {
        let (db, _, ballot) = try StaffTests.setUp(clock: .system)
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            let first = try await Self.guesses(client, 20, from: "203.0.113.7", ballot: ballot, seed: 1)
            let second = try await Self.guesses(client, 5, from: "203.0.113.8", ballot: ballot, seed: 2)
            #expect(first > 0 && second == 5)
        }
    }
}
