public import BuurtstemCore
import Foundation
public import GRDB
public import Statuut
import Synchronization

/// Appends audit entries inside a write transaction and keeps the log's head current.
///
/// Create one per transaction with `AuditAppender(db, at:)`, `append` each change, and call
/// `finish` before the transaction commits: it stores the Merkle frontier and a checkpoint.
public struct AuditAppender {
    private var frontier: MerkleTree.Frontier
    private let at: Moment
    private let atBytes: [UInt8]
    private let insert: RawStatement
    private var entry: [UInt8] = []

    public init(_ db: Database, at: Moment) throws {
        let frontier = try AuditAppender.storedFrontier(db)
        let maxSeq = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_entry") ?? 0
        guard maxSeq == frontier.size else {
            throw StoreError(
                nl: "het auditlog loopt niet gelijk met zijn kop (\(maxSeq) regels, de kop zegt \(frontier.size)); voer `buurtstem audit verify` uit",
                en: "the audit log is out of step with its head (\(maxSeq) entries, head says \(frontier.size)); run `buurtstem audit verify`")
        }
        self.frontier = frontier
        self.at = at
        self.atBytes = Array(at.description.utf8)
        self.insert = try RawStatement(db, sql: "INSERT INTO audit_entry (seq, at, actor, action, payload, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)")
        entry.reserveCapacity(512)
    }

    /// The log's right edge as stored in `audit_state`; an error (not a crash) when it is damaged.
    static func storedFrontier(_ db: Database) throws -> MerkleTree.Frontier {
        guard let state = try AuditStateRow.one(db) else {
            throw StoreError(
                nl: "de stand van het auditlog ontbreekt; dit is geen Buurtstem-database", en: "the audit state is missing; this is not a Buurtstem database")
        }
        let bytes = [UInt8](state.frontier)
        guard bytes.count % 32 == 0,
            let frontier = MerkleTree.Frontier(size: state.size, hashes: stride(from: 0, to: bytes.count, by: 32).map { Hash(Array(bytes[$0..<$0 + 32])) })
        else {
            throw StoreError(
                nl: "de opgeslagen kop van het auditlog is beschadigd; voer `buurtstem audit verify` uit",
                en: "the stored audit head is damaged; run `buurtstem audit verify`")
        }
        return frontier
    }

    /// Appends one entry; returns its sequence number.
    @discardableResult
    private mutating func append(actor: AuditActor, action: AuditAction, payload: JSONValue) throws -> Int {
        try append(actor: Array(actor.description.utf8), action: Array(action.rawValue.utf8), payload: Array(payload.encoded(pretty: false).utf8))
    }

    /// Appends a typed event; returns its sequence number.
    @discardableResult
    public mutating func append(actor: AuditActor, _ event: some AuditEvent) throws -> Int {
        try append(actor: actor, action: type(of: event).action, payload: event.payload)
    }

    /// Appends one entry from bytes: `payload` must be canonical JSON (sorted keys, no spaces).
    @discardableResult
    mutating func append(actor: [UInt8], action: [UInt8], payload: [UInt8]) throws -> Int {
        let seq = frontier.size + 1
        entry.removeAll(keepingCapacity: true)
        let digest = payload.withUnsafeBytes { Hash.sha256(unsafeBytes: $0) }
        AuditLeaf.appendHeader(seq: seq, at: atBytes, actor: actor, action: action, payloadDigest: digest, to: &entry)
        let leaf = entry.withUnsafeBytes { MerkleTree.leafHash(unsafeBytes: $0) }
        insert.bind(1, int: seq)
        insert.bind(2, bytes: atBytes)
        insert.bind(3, bytes: actor)
        insert.bind(4, bytes: action)
        insert.bind(5, bytes: payload)
        leaf.withUnsafeBytes { insert.bind(6, blob: $0) }
        try insert.execute()
        frontier.append(leaf)
        return seq
    }

    /// Stores the new head; call once, after the last append of the transaction.
    @discardableResult
    public func finish(_ db: Database) throws -> AuditHead {
        let blob = Data(frontier.nodes.flatMap { $0.hash.bytes })
        try AuditStateRow(size: frontier.size, frontier: blob).update(db)
        let head = AuditHead(size: frontier.size, root: frontier.root)
        try AuditCheckpointRow(size: head.size, root: Data(head.root.bytes), at: at.description).insert(db, onConflict: .replace)
        return head
    }
}

/// What `audit verify` found.
public struct AuditVerification: Sendable {
    /// One thing that does not match.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case missingEntry(seq: Int)
        case unexpectedEntry(seq: Int, expected: Int)
        case entryAltered(seq: Int)
        case checkpointMismatch(size: Int)
        case trustedHeadMismatch(AuditHead)
        case truncated(entries: Int, trustedSize: Int)
        case stateMismatch(entries: Int, headSize: Int)
        /// The stored right edge of the tree (used for the next append) is damaged or gives another root.
        case storedHeadDamaged
        /// A ballot, its votes or its code uses no longer match the log's entries about them.
        case ballotDiffersFromLog(ballot: BallotID, what: String)
        /// An entry that is never purged (a vote, a ballot, …) has a purged payload.
        case purgeNotAllowed(seq: Int, action: String)
        /// A payload was replaced by its digest, and no `data.purged` entry records it.
        case purgeNotListed(seq: Int)
        /// The file's schema is not the one the migrations made (a table, trigger or view added or changed).
        case schemaDiffers(SchemaCheck.Difference)

        public var description: String {
            switch self {
            case .missingEntry(let seq): return "entry \(seq) is missing"
            case .unexpectedEntry(let seq, let expected): return "expected entry \(expected), found entry \(seq)"
            case .entryAltered(let seq): return "entry \(seq) does not match its recorded hash: it was changed"
            case .checkpointMismatch(let size): return "the log's first \(size) entries no longer give the root recorded at that size"
            case .trustedHeadMismatch(let head): return "the log's first \(head.size) entries do not give the trusted root \(head.root)"
            case .truncated(let entries, let trusted): return "the log has \(entries) entries, but the trusted head has \(trusted): entries were removed"
            case .stateMismatch(let entries, let size): return "the stored head says \(size) entries, the log has \(entries)"
            case .storedHeadDamaged: return "the stored head (the tree's right edge) is damaged or does not match the entries"
            case .ballotDiffersFromLog(let ballot, let what): return "ballot \(ballot): \(what)"
            case .purgeNotAllowed(let seq, let action):
                return "entry \(seq) (\(action)) has a purged payload, but only entries with a resident's data are ever purged: it was changed"
            case .purgeNotListed(let seq): return "entry \(seq) has a purged payload that no data.purged entry records: it was changed"
            case .schemaDiffers(let difference): return difference.description
            }
        }

        /// The entry the problem points at, where it points at one.
        public var seq: Int? {
            switch self {
            case .missingEntry(let s), .entryAltered(let s), .purgeNotAllowed(let s, _), .purgeNotListed(let s): return s
            case .unexpectedEntry(_, let expected): return expected
            case .truncated(let entries, _): return entries + 1
            default: return nil
            }
        }
    }

    public var entries: Int
    /// The head recomputed from the entries.
    public var head: AuditHead
    /// Problems in the order found; the first names the first entry that does not match.
    public var problems: [Problem]
    public var isIntact: Bool { problems.isEmpty }
}

extension AuditVerification.Problem {
    init(_ finding: AuditLeafCheck.Finding) {
        switch finding {
        case .altered(let seq): self = .entryAltered(seq: seq)
        case .purgeNotAllowed(let seq, let action): self = .purgeNotAllowed(seq: seq, action: action)
        case .purgeNotListed(let seq): self = .purgeNotListed(seq: seq)
        }
    }
}

/// One pass over the log's entries (all of them, or those after an earlier pass): every leaf
/// recomputed, the tree rebuilt and compared with the checkpoints and trusted heads.
struct AuditScan: Sendable {
    var frontier = MerkleTree.Frontier()
    var leaves = AuditLeafCheck()
    /// Problems with entries, in the order found.
    var problems: [AuditVerification.Problem] = []
    /// What the last full pass found wrong with the ballots.
    var ballotProblems: [AuditVerification.Problem] = []

    /// Reads the entries after `frontier.size`; ballot entries go to `ballots` when given.
    mutating func read(_ db: Database, trusted: [Int: AuditHead], ballots: inout BallotLogCheck?) throws {
        var checkpoints: [Int: Hash] = [:]
        for row in try AuditCheckpointRow.filter(Column("size") > frontier.size).fetchAll(db) where row.root.count == 32 {
            checkpoints[row.size] = Hash([UInt8](row.root))
        }
        var expected = frontier.size + 1
        let rows = try RawStatement(db, sql: "SELECT seq, at, actor, action, payload, leaf_hash FROM audit_entry WHERE seq > \(frontier.size) ORDER BY seq")
        while try rows.step() {
            let seq = rows.int(0)
            if seq != expected {
                problems.append(seq > expected ? .missingEntry(seq: expected) : .unexpectedEntry(seq: seq, expected: expected))
                expected = seq
            }
            let (leaf, finding) = rows.withBytes(1) { at in
                rows.withBytes(2) { actor in
                    rows.withBytes(3) { action in
                        rows.withBytes(4) { payload in
                            rows.withBytes(5) { stored in leaves.leaf(seq: seq, at: at, actor: actor, action: action, payload: payload, stored: stored) }
                        }
                    }
                }
            }
            if let finding { problems.append(AuditVerification.Problem(finding)) }
            if ballots != nil {
                rows.withBytes(3) { action in
                    // Only ballot entries are read further (a byte compare for the rest).
                    if let first = action.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "b") {
                        rows.withBytes(4) { payload in
                            ballots?.consider(seq: seq, action: String(decoding: action, as: UTF8.self), payload: String(decoding: payload, as: UTF8.self))
                        }
                    }
                }
            }
            frontier.append(leaf)
            if let root = checkpoints[frontier.size], root != frontier.root { problems.append(.checkpointMismatch(size: frontier.size)) }
            if let head = trusted[frontier.size], head.root != frontier.root { problems.append(.trustedHeadMismatch(head)) }
            expected += 1
        }
    }

    /// The result: `problems`, with what can only be judged at the end (purges no entry lists, the
    /// stored head, the schema).
    func verification(_ db: Database, problems: [AuditVerification.Problem]) throws -> AuditVerification {
        var problems = try SchemaCheck.differences(db).map { AuditVerification.Problem.schemaDiffers($0) } + problems
        // A payload replaced by its hash that no purge recorded: someone hid a change.
        problems += leaves.finish().map(AuditVerification.Problem.init)
        let stateSize = try AuditStateRow.one(db)?.size ?? -1
        if stateSize != frontier.size {
            problems.append(.stateMismatch(entries: frontier.size, headSize: stateSize))
        } else if (try? AuditAppender.storedFrontier(db))?.root != frontier.root {
            problems.append(.storedHeadDamaged)
        }
        return AuditVerification(entries: frontier.size, head: AuditHead(size: frontier.size, root: frontier.root), problems: problems)
    }
}

/// The last full pass over one database's log in this process, for `verifyAuditSinceLastCheck`.
final class AuditScanCache: Sendable {
    private let scan = Mutex<AuditScan?>(nil)
    func keep(_ scan: AuditScan) { self.scan.withLock { $0 = scan } }
    func kept() -> AuditScan? { scan.withLock { $0 } }
}

/// Reading and checking the audit log.
extension AppDatabase {
    /// The current head (size and root), as stored.
    public func auditHead() throws -> AuditHead {
        try writer.read { db in
            let frontier = try AuditAppender.storedFrontier(db)
            return AuditHead(size: frontier.size, root: frontier.root)
        }
    }

    /// Recomputes every entry's hash and the tree, and compares them with the stored hashes,
    /// the checkpoints and (when given) a head recorded earlier elsewhere.
    public func verifyAudit(trusted: AuditHead? = nil) throws -> AuditVerification {
        try verifyAudit(trustedHeads: trusted.map { [$0] } ?? [])
    }

    /// Recomputes the log and compares it with every head recorded elsewhere (a witness's copies).
    public func verifyAudit(trustedHeads: [AuditHead]) throws -> AuditVerification {
        let trustedBySize = Dictionary(trustedHeads.map { ($0.size, $0) }, uniquingKeysWith: { first, _ in first })
        let conflicting = Dictionary(grouping: trustedHeads, by: \.size).values.filter { Set($0.map(\.root)).count > 1 }.map { $0[0] }
        return try writer.read { db in
            var scan = AuditScan()
            var ballots: BallotLogCheck? = BallotLogCheck()
            try scan.read(db, trusted: trustedBySize, ballots: &ballots)
            var problems = scan.problems
            if let largest = trustedHeads.max(by: { $0.size < $1.size }), largest.size > scan.frontier.size {
                problems.append(.truncated(entries: scan.frontier.size, trustedSize: largest.size))
            }
            if let empty = trustedBySize[0], empty.root != MerkleTree.emptyRoot { problems.append(.trustedHeadMismatch(empty)) }
            // Two witnessed heads of one size with different roots: someone showed two histories.
            for head in conflicting { problems.append(.trustedHeadMismatch(head)) }
            for (ballot, wrong) in try (ballots?.problems(db) ?? [:]).sorted(by: { $0.key < $1.key }) {
                scan.ballotProblems += wrong.map { .ballotDiffersFromLog(ballot: ballot, what: $0) }
            }
            auditCache.keep(scan)
            return try scan.verification(db, problems: problems + scan.ballotProblems)
        }
    }

    /// The log checked as cheaply as it can be for a report that is read often (the board's
    /// compliance page): the first time in full, after that only the entries appended since the
    /// last full check in this process — each against its leaf, the tree against its checkpoints and
    /// the stored head — with the problems that full check found. `verifyAudit` (`audit verify`, the
    /// board's audit page) always checks everything, ballots included.
    public func verifyAuditSinceLastCheck() throws -> AuditVerification {
        guard var scan = auditCache.kept() else { return try verifyAudit() }
        return try writer.read { db in
            guard let size = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_entry"), size >= scan.frontier.size else {
                // Entries vanished since the full check: say so, as the full check would.
                return AuditVerification(
                    entries: scan.frontier.size, head: AuditHead(size: scan.frontier.size, root: scan.frontier.root),
                    problems: scan.problems + [
                        .truncated(entries: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_entry") ?? 0, trustedSize: scan.frontier.size)
                    ])
            }
            var ballots: BallotLogCheck?
            try scan.read(db, trusted: [:], ballots: &ballots)
            auditCache.keep(scan)
            return try scan.verification(db, problems: scan.problems + scan.ballotProblems)
        }
    }

    /// An inclusion proof of entry `seq` in the current tree (RFC 6962 audit path).
    public func auditProof(seq: Int) throws -> AuditProof {
        try writer.read { db in
            let leaves = try Data.fetchAll(db, sql: "SELECT leaf_hash FROM audit_entry ORDER BY seq").map { Hash([UInt8]($0)) }
            guard seq >= 1, seq <= leaves.count,
                let row = try AuditEntryRow.fetchOne(db, key: seq)
            else {
                throw StoreError.notFound(
                    nl: "er is geen auditregel \(seq); het log heeft er \(leaves.count)", en: "there is no audit entry \(seq); the log has \(leaves.count)")
            }
            let (at, actor, action, payload) = (row.at, row.actor, row.action, row.payload)
            let stored = leaves[seq - 1]
            let kept = PurgedPayload.digest(payload.utf8)
            let header = AuditLeaf.header(seq: seq, at: at, actor: actor, action: action, payloadDigest: kept ?? .sha256(Array(payload.utf8)))
            let whole = String(decoding: AuditEntry.canonicalBytes(seq: seq, at: at, actor: actor, action: action, payload: payload), as: UTF8.self)
            // Form 2: the header is hashed, the payload (unless purged) is shown beside it to check its digest.
            // Form 1: the whole entry is hashed; a purged one no longer gives its leaf, and the proof shows the stored leaf.
            let form2 = MerkleTree.leafHash(Array(header.utf8)) == stored
            return AuditProof(
                seq: seq, entry: form2 ? header : whole, payload: form2 && kept == nil ? payload : nil, leafIndex: seq - 1, treeSize: leaves.count,
                leafHash: form2 || kept != nil ? stored : MerkleTree.leafHash(Array(whole.utf8)), root: MerkleTree.root(leaves),
                path: MerkleTree.inclusionProof(index: seq - 1, leaves: leaves[...]))
        }
    }

    /// Every entry as one line of canonical JSON, in order: `{"action":…,"actor":…,"at":…,"payload":…,"seq":…}`
    /// (the bytes a form-1 leaf hashes; a form-2 leaf hashes the same fields with the payload's SHA-256, `AuditLeaf`).
    public func exportAudit(_ line: (String) throws -> Void) throws {
        try writer.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT seq, at, actor, action, payload FROM audit_entry ORDER BY seq")
            // By position for speed (every entry of the log), in the order of the SELECT above.
            while let row = try cursor.next() {
                try line(String(decoding: AuditEntry.canonicalBytes(seq: row[0], at: row[1], actor: row[2], action: row[3], payload: row[4]), as: UTF8.self))
            }
        }
    }
}

/// An inclusion proof, as `audit prove` prints it and `audit check-proof` reads it.
public struct AuditProof: Sendable, Hashable, Codable {
    public var seq: Int
    /// The bytes the leaf hashes: the entry's header with its payload's digest (form 2,
    /// `AuditLeaf`), or the whole canonical entry (form 1).
    public var entry: String
    /// The payload of a form-2 entry, whose SHA-256 the header names (nil: form 1, or purged).
    public var payload: String?
    public var leafIndex: Int
    public var treeSize: Int
    public var leafHash: Hash
    public var root: Hash
    public var path: [Hash]

    /// Whether the entry hashes to the leaf, and the path leads from the leaf to the root.
    public var isValid: Bool {
        if let payload, AuditLeaf.payloadDigest(inHeader: entry) != Hash.sha256(Array(payload.utf8)) { return false }
        return MerkleTree.leafHash(Array(entry.utf8)) == leafHash
            && MerkleTree.verifyInclusion(leaf: leafHash, index: leafIndex, treeSize: treeSize, proof: path, root: root)
    }
}

extension Hash: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = Hash(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a SHA-256 hex digest: \(text)")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
