import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Statuut
import Synchronization
import Testing

/// Lines a test logger collected.
final class CollectedLines: Sendable {
    let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

@Suite("Web: operations — many associations, readiness, metrics, logs")
struct OperationsTests {
    static let clock = WallClock.fixed(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000))

    /// A folder with `names`, each a prepared association (an open ballot, 30 members present).
    static func folder(_ names: [String]) throws -> (URL, [String: [ResidentID: VotingCode]]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurtstem-assoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var codes: [String: [ResidentID: VotingCode]] = [:]
        for name in names {
            let db = try AppDatabase(path: folder.appendingPathComponent("\(name).sqlite").path, clock: clock)
            codes[name] = try WebTests.prepare(db).0
        }
        return (folder, codes)
    }

    /// A request to the live server on `port` with its own Host (the router tests always say `localhost`).
    static func send(_ port: Int, host: String, _ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: ByteBuffer? = nil)
        async throws -> TestClient.Response
    {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(TestClient.Request(path, method: method, authority: host, headers: headers, body: body))
        }
    }

    static func vote(_ port: Int, host: String, _ code: VotingCode) async throws -> HTTPResponse.Status {
        try await send(port, host: host, .post, "/api/v1/votes", headers: WebTests.jsonHeaders, body: WebTests.body(code, 1, "yes")).status
    }

    static func get(_ port: Int, host: String, _ path: String) async throws -> TestClient.Response {
        try await send(port, host: host, .get, path)
    }

    @Test("one process, one database per host name: codes of one association do not vote in another; unknown hosts get the plain 404")
    func manyAssociations() async throws {
        let (folder, codes) = try Self.folder(["wildeman", "osdorp"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = ServerSettings(port: 0, clock: Self.clock)
        let app = BuurtstemServer.application(directory: AssociationDirectory(folder: folder, settings: settings), settings: settings)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            #expect(try await Self.vote(port, host: "wildeman.localhost:8080", codes["wildeman"]![ResidentID("R1")]!) == .created)
            // The same resident id in the other association has another code; the first one's code is unknown there.
            #expect(try await Self.vote(port, host: "osdorp.localhost:8080", codes["wildeman"]![ResidentID("R2")]!) == .forbidden)
            #expect(try await Self.vote(port, host: "osdorp.stem.example.nl", codes["osdorp"]![ResidentID("R2")]!) == .created)
            let wildeman = String(buffer: try await Self.get(port, host: "wildeman.localhost", "/api/v1/assemblies/1/turnout").body ?? ByteBuffer())
            #expect(wildeman.contains("\"votes\":1"))
            // An unknown association and an unknown path answer the same page: nothing tells which exist.
            let unknownHost = try await Self.get(port, host: "nergens.localhost", "/")
            let unknownPath = try await Self.get(port, host: "wildeman.localhost", "/bestaat-niet")
            #expect(unknownHost.head.status == .notFound && unknownPath.head.status == .notFound)
            #expect(unknownHost.body == unknownPath.body)
            #expect(unknownHost.head.headerFields[.contentSecurityPolicy] != nil)
            #expect(try await Self.get(port, host: "../etc.localhost", "/").head.status == .notFound)
            // Added without a restart …
            let added = try AppDatabase(path: folder.appendingPathComponent("geuzenveld.sqlite").path, clock: Self.clock)
            let addedCodes = try WebTests.prepare(added).0
            #expect(try await Self.vote(port, host: "geuzenveld.localhost", addedCodes[ResidentID("R3")]!) == .created)
            // … and removed without one.
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("geuzenveld.sqlite\(suffix)"))
            }
            #expect(try await Self.get(port, host: "geuzenveld.localhost", "/").head.status == .notFound)
            #expect(try await Self.get(port, host: "anything.localhost", "/readyz").head.status == .ok)
            let metrics = String(buffer: try await Self.get(port, host: "localhost", "/metrics").body ?? ByteBuffer())
            #expect(metrics.contains(#"buurtstem_votes_accepted_total{association="wildeman"} 1"#))
            #expect(metrics.contains(#"buurtstem_votes_refused_total{association="osdorp",reason="unknown-code"} 1"#))
            #expect(
                metrics.contains(#"buurtstem_audit_entries{association="osdorp"}"#) && !metrics.contains(#"buurtstem_audit_entries{association="geuzenveld"}"#))
        }
    }

    @Test("a file with a planted trigger is not served: its host gets the plain 404 and the operator's log says why, once")
    func plantedSchemaNotServed() async throws {
        let (folder, codes) = try Self.folder(["wildeman"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("wildeman.sqlite").path)
        try await queue.write {
            try $0.execute(sql: "CREATE TRIGGER no_no BEFORE INSERT ON vote WHEN new.choice = 'no' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END")
        }
        try queue.close()
        let lines = CollectedLines()
        let logger = Logger(label: "buurtstem") { label in JSONLogHandler(label: label, level: .info) { lines.append($0) } }
        let settings = ServerSettings(port: 0, clock: Self.clock, logger: logger)
        let app = BuurtstemServer.application(directory: AssociationDirectory(folder: folder, settings: settings), settings: settings)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            #expect(try await Self.vote(port, host: "wildeman.localhost", codes["wildeman"]![ResidentID("R1")]!) == .notFound)
            #expect(try await Self.get(port, host: "wildeman.localhost", "/").status == .notFound)
        }
        let refusals = lines.all.filter { $0.contains("association not served") }
        #expect(refusals.count == 1 && refusals[0].contains("no_no"), "\(refusals)")
    }

    @Test("readiness, metrics only for direct requests, and a JSON request log without codes, receipts or paths with values")
    func metricsAndLogs() async throws {
        let (db, codes, ballot) = try WebTests.setUp()
        let lines = CollectedLines()
        let logger = Logger(label: "buurtstem") { label in JSONLogHandler(label: label, level: .trace) { lines.append($0) } }
        let settings = ServerSettings(clock: Self.clock, trustedProxies: ["unknown"], logger: logger)
        let app = BuurtstemServer.application(database: db, association: "wildeman", settings: settings)
        let receipts = CollectedLines()
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            for n in 1...3 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: WebTests.body(codes[ResidentID("R\(n)")]!, ballot, "no")
                ) {
                    receipts.append(String(buffer: $0.body))
                }
            }
            // Through the proxy (a forwarded request) the metrics are not there: they are for the operator.
            var forwarded: HTTPFields = [:]
            forwarded[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.7"
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: forwarded).status == .notFound)
        }
        let log = lines.all
        #expect(log.count >= 5)
        for line in log { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)") }
        #expect(log.contains { $0.contains(#""route":"\/api\/v1\/votes""#) || $0.contains(#""route":"/api/v1/votes""#) })
        for code in codes.values { #expect(!log.joined().contains(code.description)) }
        for receipt in receipts.all { #expect(!log.joined().contains(receipt.dropFirst(12).prefix(10))) }
    }
}

@Suite("Web: a full disk during voting")
struct StorageFullTests {
    @Test("votes are refused with 503 storage-full while the database cannot grow; nothing acknowledged is lost; voting resumes when there is room")
    func fullDisk() async throws {
        let (db, codes, ballot) = try WebTests.setUp()
        let pages = try await db.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        // SQLite's own limit stands in for the disk (scripts/full-disk-test fills a real tmpfs).
        try await db.writer.write { try $0.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let app = BuurtstemServer.application(database: db)
        let receipts = CollectedLines()
        let refusals = CollectedLines()
        try await app.test(.router) { client in
            for n in 1...30 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: WebTests.body(codes[ResidentID("R\(n)")]!, ballot, "yes")
                ) { response in
                    if response.status == .created {
                        receipts.append(String(buffer: response.body))
                    } else {
                        refusals.append("\(response.status.code) \(String(buffer: response.body))")
                    }
                }
            }
        }
        #expect(!refusals.all.isEmpty, "the limit was never reached")
        #expect(refusals.all.allSatisfy { $0.hasPrefix("503") && $0.contains("storage-full") }, "\(refusals.all.prefix(3))")
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == receipts.all.count)
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        // Room again: the members whose votes were refused vote now, with the same codes.
        try await db.writer.write { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
        try await app.test(.router) { client in
            for n in (receipts.all.count + 1)...30 {
                try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: WebTests.body(codes[ResidentID("R\(n)")]!, ballot, "yes")
                ) { #expect($0.status == .created, "R\(n): \(String(buffer: $0.body))") }
            }
        }
        #expect(try db.turnout(assembly: 1).ballots.first?.votes == 30)
        #expect(try db.verifyAudit().isIntact)
    }
}
